#include "cli/support.h"

#include <algorithm>

#include "read/normalise.h"
#include "store/store.h"

namespace kg::cli {

Result<Graph> load_graph(const Common& common) {
  auto store = Store::open(common.db, Store::Mode::kRead);
  if (!store.ok()) return store.status();
  return (*store)->load_graph();
}

std::string attr(const Node& n, const std::string& key) {
  auto it = n.attrs.find(key);
  if (it == n.attrs.end()) return "";
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  if (const auto* i = std::get_if<int64_t>(&it->second)) return std::to_string(*i);
  return "";
}

Result<Graph::Vertex> find_node(const Graph& graph, std::string_view query) {
  if (auto v = graph.find(query)) return *v;
  std::string q = fold(query);
  std::vector<Graph::Vertex> exact, partial;
  for (Graph::Vertex v : graph.vertices()) {
    const Node& n = graph.node(v);
    std::vector<std::string> names = {n.label, n.id};
    if (auto it = n.attrs.find("aliases"); it != n.attrs.end()) {
      if (const auto* list = std::get_if<std::vector<std::string>>(&it->second)) {
        names.insert(names.end(), list->begin(), list->end());
      }
    }
    bool is_exact = false, is_partial = false;
    for (const std::string& name : names) {
      std::string f = fold(name);
      if (f == q) is_exact = true;
      else if (f.find(q) != std::string::npos) is_partial = true;
    }
    if (is_exact) exact.push_back(v);
    else if (is_partial) partial.push_back(v);
  }
  const auto& pick = exact.empty() ? partial : exact;
  if (pick.size() == 1) return pick.front();
  if (pick.empty()) return Status::Usage("no node matches \"" + std::string(query) + "\"");
  std::string msg = "\"" + std::string(query) + "\" is ambiguous; it matches:";
  for (size_t i = 0; i < std::min<size_t>(pick.size(), 10); ++i) {
    msg += "\n  " + graph.node(pick[i]).id + "  " + graph.node(pick[i]).label;
  }
  return Status::Usage(msg);
}

}  // namespace kg::cli
