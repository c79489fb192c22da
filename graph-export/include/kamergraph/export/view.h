// What the writers export: a whole Graph, or a selection of its nodes and edges.
#pragma once

#include <span>
#include <vector>

#include "graph/graph.h"

namespace kg::exporter {

// Invariants: every edge of a View has both endpoints in the View (no dangling edges),
// and nodes and edges keep the Graph's deterministic order. A View refers to its Graph,
// which must outlive it.
class View {
 public:
  // The whole graph; copies nothing.
  explicit View(const Graph& graph);

  // The nodes with keep_node[v] and the edges with keep_edge[i] (i: position in
  // graph.edges()) whose endpoints are both kept. Both vectors are sized to the graph.
  static View select(const Graph& graph, const std::vector<bool>& keep_node,
                     const std::vector<bool>& keep_edge);

  const Graph& graph() const { return *graph_; }
  std::span<const Graph::Vertex> vertices() const;
  std::span<const Graph::EdgeRef> edges() const;
  size_t num_nodes() const { return vertices().size(); }
  size_t num_edges() const { return edges().size(); }

  // In-plus-out degree of every vertex within the View (parallel edges count one each),
  // indexed by vertex; vertices outside the View have degree 0.
  std::vector<uint32_t> degrees() const;

 private:
  View(const Graph& graph, std::vector<Graph::Vertex> vertices, std::vector<Graph::EdgeRef> edges);

  const Graph* graph_;
  bool whole_;
  std::vector<Graph::Vertex> vertices_;  // used when !whole_
  std::vector<Graph::EdgeRef> edges_;    // used when !whole_
};

}  // namespace kg::exporter
