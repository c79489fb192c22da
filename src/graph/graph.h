// The merged graph: a Boost.Graph adjacency list with typed bundled properties.
// merge() is deterministic given the order of fragments; callers merge fragments in
// ascending document-id order (the store does) so that ids, labels and attributes
// do not depend on ingest order.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/model.h"

namespace kg {

// Movable, not copyable: edge descriptors point into the adjacency list, so the data
// lives on the heap and a move keeps every descriptor valid.
class Graph {
 public:
  Graph();
  Graph(Graph&&) noexcept = default;
  Graph& operator=(Graph&&) noexcept = default;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  using Adjacency =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
  using Vertex = Adjacency::vertex_descriptor;
  using EdgeRef = Adjacency::edge_descriptor;

  // Adds the fragment. A node whose id exists already gets the fragment's provenance
  // added; its label and scalar attributes stay (first writer wins), list attributes
  // are unioned. Edges with the same edge_identity() merge the same way. An edge whose
  // endpoint is not a node of the graph after the merge is a bug in the producer and is
  // dropped (no dangling edges).
  void merge(const Fragment& fragment);

  size_t num_nodes() const { return boost::num_vertices(d_->g); }
  size_t num_edges() const { return boost::num_edges(d_->g); }

  std::optional<Vertex> find(std::string_view id) const;
  const Node& node(Vertex v) const { return d_->g[v]; }
  const Edge& edge(EdgeRef e) const { return d_->g[e]; }

  // Nodes in insertion order; edges in insertion order. Both are deterministic.
  const std::vector<Vertex>& vertices() const { return d_->order_v; }
  const std::vector<EdgeRef>& edges() const { return d_->order_e; }

  const Adjacency& adjacency() const { return d_->g; }

 private:
  struct Data {
    Adjacency g;
    std::unordered_map<std::string, Vertex> by_id;
    std::unordered_map<std::string, EdgeRef> edge_by_identity;
    std::vector<Vertex> order_v;
    std::vector<EdgeRef> order_e;
  };
  std::unique_ptr<Data> d_;
};

}  // namespace kg
