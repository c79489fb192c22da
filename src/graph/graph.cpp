#include "graph/graph.h"

#include <algorithm>
#include <set>

namespace kg {
namespace {

// Provenance lists stay sorted and free of duplicates, so merge order cannot change them.
void add_provenance(std::vector<Provenance>& into, const std::vector<Provenance>& from) {
  into.insert(into.end(), from.begin(), from.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

void add_attrs(Attrs& into, const Attrs& from) {
  for (const auto& [key, value] : from) {
    auto it = into.find(key);
    if (it == into.end()) {
      into.emplace(key, value);
      continue;
    }
    auto* have = std::get_if<std::vector<std::string>>(&it->second);
    const auto* add = std::get_if<std::vector<std::string>>(&value);
    if (have && add) {
      for (const auto& s : *add) {
        if (std::find(have->begin(), have->end(), s) == have->end()) have->push_back(s);
      }
    }
  }
}

}  // namespace

std::string edge_identity(const Edge& e) {
  std::string id = e.source + '\x1f' + e.target + '\x1f' + e.type;
  if (auto it = e.attrs.find("role"); it != e.attrs.end()) {
    if (const auto* s = std::get_if<std::string>(&it->second)) id += '\x1f' + *s;
  }
  return id;
}

std::optional<Graph::Vertex> Graph::find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

void Graph::merge(const Fragment& fragment) {
  for (const Node& n : fragment.nodes) {
    auto it = by_id_.find(n.id);
    if (it == by_id_.end()) {
      Vertex v = boost::add_vertex(n, g_);
      by_id_.emplace(n.id, v);
      order_v_.push_back(v);
      continue;
    }
    Node& have = g_[it->second];
    if (have.label.empty()) have.label = n.label;
    add_attrs(have.attrs, n.attrs);
    add_provenance(have.provenance, n.provenance);
  }
  // Edges may name nodes of an earlier fragment only; anything else is dropped.
  for (const Edge& e : fragment.edges) {
    auto s = by_id_.find(e.source);
    auto t = by_id_.find(e.target);
    if (s == by_id_.end() || t == by_id_.end()) continue;
    std::string identity = edge_identity(e);
    auto it = edge_by_identity_.find(identity);
    if (it == edge_by_identity_.end()) {
      auto [ref, added] = boost::add_edge(s->second, t->second, e, g_);
      edge_by_identity_.emplace(std::move(identity), ref);
      order_e_.push_back(ref);
      continue;
    }
    Edge& have = g_[it->second];
    add_attrs(have.attrs, e.attrs);
    add_provenance(have.provenance, e.provenance);
  }
}

}  // namespace kg
