// filter(): candidate flags per node and per edge (by position in graph.edges()), then
// breadth-first search and degree peeling over a compressed adjacency of the candidate
// edges. Everything is linear in nodes + edges; nothing is copied from the Graph.

#include "kamergraph/export/filter.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <string_view>

#include "graph/schema.h"
#include "kamergraph/export/timeline.h"

namespace kg::exporter {
namespace {

// A small sorted set of strings, searched without allocating.
class Names {
 public:
  void add(std::string_view s) { names_.push_back(s); }
  void seal() { std::sort(names_.begin(), names_.end()); }
  bool empty() const { return names_.empty(); }
  bool has(std::string_view s) const { return std::binary_search(names_.begin(), names_.end(), s); }
  bool any_doc(const std::vector<Provenance>& provenance) const {
    return std::any_of(provenance.begin(), provenance.end(),
                       [this](const Provenance& p) { return has(p.doc); });
  }

 private:
  std::vector<std::string_view> names_;
};

// Undirected adjacency of the candidate edges: the neighbours of v are
// neighbours[offset[v] .. offset[v + 1]), one entry per edge end.
struct Adjacency {
  std::vector<size_t> offset;
  std::vector<Graph::Vertex> neighbours;
};

Adjacency candidate_adjacency(const Graph& graph, const std::vector<bool>& edge_in) {
  const auto& g = graph.adjacency();
  const auto& edges = graph.edges();
  Adjacency a;
  a.offset.assign(graph.num_nodes() + 1, 0);
  for (size_t i = 0; i < edges.size(); ++i) {
    if (!edge_in[i]) continue;
    ++a.offset[boost::source(edges[i], g) + 1];
    ++a.offset[boost::target(edges[i], g) + 1];
  }
  for (size_t v = 0; v < graph.num_nodes(); ++v) a.offset[v + 1] += a.offset[v];
  a.neighbours.resize(a.offset.back());
  std::vector<size_t> fill(a.offset.begin(), a.offset.end() - 1);
  for (size_t i = 0; i < edges.size(); ++i) {
    if (!edge_in[i]) continue;
    const auto s = boost::source(edges[i], g);
    const auto t = boost::target(edges[i], g);
    a.neighbours[fill[s]++] = t;
    a.neighbours[fill[t]++] = s;
  }
  return a;
}

// Keeps the nodes within depth hops of ego.
void keep_ego(const Adjacency& a, Graph::Vertex ego, size_t depth, std::vector<bool>& node_in) {
  std::vector<bool> reached(node_in.size(), false);
  std::vector<Graph::Vertex> frontier{ego}, next;
  reached[ego] = true;
  for (size_t hop = 0; hop < depth && !frontier.empty(); ++hop) {
    next.clear();
    for (Graph::Vertex v : frontier) {
      for (size_t k = a.offset[v]; k < a.offset[v + 1]; ++k) {
        const Graph::Vertex w = a.neighbours[k];
        if (!reached[w]) {
          reached[w] = true;
          next.push_back(w);
        }
      }
    }
    frontier.swap(next);
  }
  node_in = std::move(reached);
}

// Drops nodes of degree < k repeatedly (the k-core), never the exempt one.
void keep_core(const Adjacency& a, size_t k, std::optional<Graph::Vertex> exempt,
               std::vector<bool>& node_in) {
  std::vector<size_t> degree(node_in.size(), 0);
  std::deque<Graph::Vertex> drop;
  for (Graph::Vertex v = 0; v < node_in.size(); ++v) {
    if (!node_in[v]) continue;
    for (size_t i = a.offset[v]; i < a.offset[v + 1]; ++i) degree[v] += node_in[a.neighbours[i]];
    if (degree[v] < k && v != exempt) drop.push_back(v);
  }
  while (!drop.empty()) {
    const Graph::Vertex v = drop.front();
    drop.pop_front();
    if (!node_in[v]) continue;
    node_in[v] = false;
    for (size_t i = a.offset[v]; i < a.offset[v + 1]; ++i) {
      const Graph::Vertex w = a.neighbours[i];
      if (node_in[w] && degree[w]-- == k && w != exempt) drop.push_back(w);
    }
  }
}

}  // namespace

bool Filter::empty() const {
  return node_types.empty() && edge_types.empty() && docs.empty() && from.empty() && to.empty() &&
         !ego && min_degree == 0;
}

Result<View> filter(const Graph& graph, const Filter& f) {
  if (f.empty()) return View(graph);
  const size_t n = graph.num_nodes();
  const Day from = f.from.empty() ? 0 : parse_day(f.from, Bound::kFirst);
  const Day to = f.to.empty() ? 0 : parse_day(f.to, Bound::kLast);
  for (auto [text, day] : {std::pair{&f.from, from}, std::pair{&f.to, to}}) {
    if (!text->empty() && day == 0) {
      return Status::Usage("\"" + *text + "\" is not an ISO date (yyyy-mm-dd, yyyy-mm or yyyy)");
    }
  }
  if (from != 0 && to != 0 && from > to) {
    return Status::Usage("the date range is empty: " + f.from + " is after " + f.to);
  }
  if (f.ego && *f.ego >= n) return Status::Usage("the ego node is not in the graph");
  Names docs, node_types, edge_types;
  for (Graph::Vertex d : f.docs) {
    if (d >= n || graph.node(d).type != node_type::kDocument) {
      return Status::Usage("not a Document: " + (d < n ? graph.node(d).id : std::to_string(d)));
    }
    docs.add(graph.node(d).id);
  }
  for (const std::string& t : f.node_types) node_types.add(t);
  for (const std::string& t : f.edge_types) edge_types.add(t);
  for (Names* names : {&docs, &node_types, &edge_types}) names->seal();

  std::optional<Timeline> timeline;
  if (from != 0 || to != 0) timeline.emplace(graph);

  std::vector<bool> node_in(n, false);
  for (Graph::Vertex v : graph.vertices()) {
    const Node& node = graph.node(v);
    node_in[v] = (node_types.empty() || node_types.has(node.type)) &&
                 (docs.empty() || docs.has(node.id) || docs.any_doc(node.provenance)) &&
                 (!timeline || timeline->active(v, from, to));
  }
  if (f.ego) node_in[*f.ego] = true;

  const auto& g = graph.adjacency();
  const auto& edges = graph.edges();
  std::vector<bool> edge_in(edges.size(), false);
  for (size_t i = 0; i < edges.size(); ++i) {
    const Edge& e = graph.edge(edges[i]);
    edge_in[i] = node_in[boost::source(edges[i], g)] && node_in[boost::target(edges[i], g)] &&
                 (edge_types.empty() || edge_types.has(e.type)) &&
                 (docs.empty() || docs.any_doc(e.provenance)) &&
                 (!timeline || timeline->edge_valid(edges[i], from, to));
  }

  if (f.ego || f.min_degree > 0) {
    const Adjacency a = candidate_adjacency(graph, edge_in);
    if (f.ego) keep_ego(a, *f.ego, f.depth, node_in);
    if (f.min_degree > 0) keep_core(a, f.min_degree, f.ego, node_in);
  }
  return View::select(graph, node_in, edge_in);
}

}  // namespace kg::exporter
