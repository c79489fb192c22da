#include "kamergraph/export/view.h"

namespace kg::exporter {

View::View(const Graph& graph) : graph_(&graph), whole_(true) {}

View::View(const Graph& graph, std::vector<Graph::Vertex> vertices,
           std::vector<Graph::EdgeRef> edges)
    : graph_(&graph), whole_(false), vertices_(std::move(vertices)), edges_(std::move(edges)) {}

View View::select(const Graph& graph, const std::vector<bool>& keep_node,
                  const std::vector<bool>& keep_edge) {
  std::vector<Graph::Vertex> vertices;
  for (Graph::Vertex v : graph.vertices()) {
    if (keep_node[v]) vertices.push_back(v);
  }
  std::vector<Graph::EdgeRef> edges;
  const auto& adjacency = graph.adjacency();
  const auto& all = graph.edges();
  for (size_t i = 0; i < all.size(); ++i) {
    if (keep_edge[i] && keep_node[boost::source(all[i], adjacency)] &&
        keep_node[boost::target(all[i], adjacency)]) {
      edges.push_back(all[i]);
    }
  }
  return View(graph, std::move(vertices), std::move(edges));
}

std::span<const Graph::Vertex> View::vertices() const {
  if (whole_) return graph_->vertices();
  return vertices_;
}

std::span<const Graph::EdgeRef> View::edges() const {
  if (whole_) return graph_->edges();
  return edges_;
}

std::vector<uint32_t> View::degrees() const {
  std::vector<uint32_t> degree(graph_->num_nodes(), 0);
  const auto& adjacency = graph_->adjacency();
  for (Graph::EdgeRef e : edges()) {
    ++degree[boost::source(e, adjacency)];
    ++degree[boost::target(e, adjacency)];
  }
  return degree;
}

}  // namespace kg::exporter
