#include "graph/graph.h"

#include <algorithm>
#include <set>

namespace kg {
namespace {

// Provenance lists stay sorted and free of duplicates, so merge order cannot change them.
// Keeps `into` sorted and unique. The store merges fragments in document-id order and
// provenance sorts by document first, so the new entries nearly always sort after the
// old ones: then only they are sorted, and a node cited by thousands of documents costs
// linear time in total rather than a full sort per document.
void add_provenance(std::vector<Provenance>& into, const std::vector<Provenance>& from) {
  const auto old_size = static_cast<std::ptrdiff_t>(into.size());
  into.insert(into.end(), from.begin(), from.end());
  const auto mid = into.begin() + old_size;
  std::sort(mid, into.end());
  if (old_size > 0 && mid != into.end() && !(*(mid - 1) < *mid)) {
    std::inplace_merge(into.begin(), mid, into.end());
    into.erase(std::unique(into.begin(), into.end()), into.end());
  } else {
    into.erase(std::unique(mid, into.end()), into.end());
  }
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

Graph::Graph() : d_(std::make_unique<Data>()) {}

std::optional<Graph::Vertex> Graph::find(std::string_view id) const {
  auto it = d_->by_id.find(std::string(id));
  if (it == d_->by_id.end()) return std::nullopt;
  return it->second;
}

void Graph::merge(const Fragment& fragment) {
  Data& d = *d_;
  for (const Node& n : fragment.nodes) {
    auto it = d.by_id.find(n.id);
    if (it == d.by_id.end()) {
      Vertex v = boost::add_vertex(n, d.g);
      d.by_id.emplace(n.id, v);
      d.order_v.push_back(v);
      continue;
    }
    Node& have = d.g[it->second];
    if (have.label.empty()) have.label = n.label;
    add_attrs(have.attrs, n.attrs);
    add_provenance(have.provenance, n.provenance);
  }
  // Edges may name nodes of this or an earlier fragment; anything else is dropped.
  for (const Edge& e : fragment.edges) {
    auto s = d.by_id.find(e.source);
    auto t = d.by_id.find(e.target);
    if (s == d.by_id.end() || t == d.by_id.end()) continue;
    std::string identity = edge_identity(e);
    auto it = d.edge_by_identity.find(identity);
    if (it == d.edge_by_identity.end()) {
      auto [ref, added] = boost::add_edge(s->second, t->second, e, d.g);
      d.edge_by_identity.emplace(std::move(identity), ref);
      d.order_e.push_back(ref);
      continue;
    }
    Edge& have = d.g[it->second];
    add_attrs(have.attrs, e.attrs);
    add_provenance(have.provenance, e.provenance);
  }
}

}  // namespace kg
