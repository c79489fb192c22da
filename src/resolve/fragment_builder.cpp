#include "resolve/fragment_builder.h"

#include <algorithm>

namespace kg {
namespace {

// Duplicates are dropped once, in take(): a linear search here made an entity mentioned
// n times cost O(n^2) (a 10 MB one-line document ran for minutes).
void sort_unique(std::vector<Provenance>& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

}  // namespace

void add_to_list(Attrs& attrs, const std::string& key, const std::string& value) {
  auto& v = attrs[key];
  if (!std::holds_alternative<std::vector<std::string>>(v)) v = std::vector<std::string>{};
  auto& list = std::get<std::vector<std::string>>(v);
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

FragmentBuilder::FragmentBuilder(std::string doc_id, const Text& text) : text_(text) {
  fragment_.doc = std::move(doc_id);
}

Provenance FragmentBuilder::provenance(Range r, std::string_view rule) const {
  uint32_t last = static_cast<uint32_t>(text_.to_src.size() - 1);
  uint32_t b = std::min(r.begin, last), e = std::min(r.end, last);
  return {fragment_.doc, text_.to_src[b], text_.to_src[e], std::string(rule)};
}

Node& FragmentBuilder::node(const std::string& id, std::string_view type,
                            const std::string& label, const Provenance& p) {
  auto [it, added] = nodes_.emplace(id, fragment_.nodes.size());
  if (added) fragment_.nodes.push_back({id, std::string(type), label, {}, {}});
  Node& n = fragment_.nodes[it->second];
  n.provenance.push_back(p);
  return n;
}

Node* FragmentBuilder::find(const std::string& id) {
  auto it = nodes_.find(id);
  return it == nodes_.end() ? nullptr : &fragment_.nodes[it->second];
}

void FragmentBuilder::edge(const std::string& source, const std::string& target,
                           std::string_view type, const Provenance& p, Attrs attrs) {
  Edge e{source, target, std::string(type), std::move(attrs), {}};
  auto [it, added] = edges_.emplace(edge_identity(e), fragment_.edges.size());
  if (added) fragment_.edges.push_back(std::move(e));
  fragment_.edges[it->second].provenance.push_back(p);
}

Fragment FragmentBuilder::take() {
  for (auto& n : fragment_.nodes) sort_unique(n.provenance);
  for (auto& e : fragment_.edges) sort_unique(e.provenance);
  nodes_.clear();
  edges_.clear();
  return std::move(fragment_);
}

}  // namespace kg
