// The merged graph: a Boost.Graph adjacency list with typed bundled properties.
// merge() is deterministic given the order of fragments; callers merge fragments in
// ascending document-id order (the store does) so that ids, labels and attributes
// do not depend on ingest order.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/model.h"

namespace kg {

class Graph {
 public:
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

  size_t num_nodes() const { return boost::num_vertices(g_); }
  size_t num_edges() const { return boost::num_edges(g_); }

  std::optional<Vertex> find(std::string_view id) const;
  const Node& node(Vertex v) const { return g_[v]; }
  const Edge& edge(EdgeRef e) const { return g_[e]; }

  // Nodes in insertion order; edges in insertion order. Both are deterministic.
  const std::vector<Vertex>& vertices() const { return order_v_; }
  const std::vector<EdgeRef>& edges() const { return order_e_; }

  const Adjacency& adjacency() const { return g_; }

 private:
  Adjacency g_;
  std::unordered_map<std::string, Vertex> by_id_;
  std::unordered_map<std::string, EdgeRef> edge_by_identity_;
  std::vector<Vertex> order_v_;
  std::vector<EdgeRef> order_e_;
};

}  // namespace kg
