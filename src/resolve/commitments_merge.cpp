#include "resolve/commitments_merge.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>

#include "graph/schema.h"
#include "resolve/commitments_config.h"
#include "resolve/commitments_text.h"

namespace kg {
namespace {

struct Info {
  Graph::Vertex v;
  std::string made_on, status;
  std::vector<std::string> terms;  // sorted
  std::set<std::string> docs, actors;
  bool fulfilled = false;
};

std::string str_attr(const Node& n, const char* key) {
  auto it = n.attrs.find(key);
  const auto* s = it == n.attrs.end() ? nullptr : std::get_if<std::string>(&it->second);
  return s ? *s : "";
}

std::vector<std::string> list_attr(const Node& n, const char* key) {
  auto it = n.attrs.find(key);
  const auto* l = it == n.attrs.end() ? nullptr : std::get_if<std::vector<std::string>>(&it->second);
  return l ? *l : std::vector<std::string>{};
}

Info info_of(const Graph& g, Graph::Vertex v) {
  const Node& n = g.node(v);
  Info i{v, str_attr(n, "made_on"), str_attr(n, "status"), commit::sorted_set(list_attr(n, "terms")), {}, {}};
  for (const Provenance& p : n.provenance) i.docs.insert(p.doc);
  const auto& adj = g.adjacency();
  for (auto [it, end] = boost::in_edges(v, adj); it != end; ++it) {
    if (adj[*it].type == edge_type::kCommitted) i.actors.insert(g.node(boost::source(*it, adj)).id);
  }
  for (auto [it, end] = boost::out_edges(v, adj); it != end; ++it) {
    i.fulfilled |= adj[*it].type == edge_type::kFulfilledBy;
  }
  return i;
}

bool disjoint(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::none_of(a.begin(), a.end(), [&](const std::string& x) { return b.count(x) > 0; });
}

size_t find(std::vector<size_t>& parent, size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

Graph consolidate_commitments(const Graph& g, std::vector<CommitmentMerge>* merges) {
  std::vector<Info> items;
  for (Graph::Vertex v : g.vertices()) {
    if (g.node(v).type == node_type::kCommitment) items.push_back(info_of(g, v));
  }
  std::vector<size_t> parent(items.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::map<size_t, std::vector<std::string>> evidence;  // by item index of the pair's first
  std::map<std::string, std::vector<size_t>> by_date;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].made_on.empty()) by_date[items[i].made_on].push_back(i);
  }
  for (const auto& [date, group] : by_date) {
    for (size_t a = 0; a < group.size(); ++a) {
      for (size_t b = a + 1; b < group.size(); ++b) {
        const Info& x = items[group[a]];
        const Info& y = items[group[b]];
        if (!disjoint(x.docs, y.docs)) continue;
        if ((x.status == "declined") != (y.status == "declined")) continue;
        if (!x.actors.empty() && !y.actors.empty() && disjoint(x.actors, y.actors)) continue;
        double sim = commit::dice(x.terms, y.terms);
        if (sim < commit::kCrossDocSimilarity) continue;
        size_t rx = find(parent, group[a]), ry = find(parent, group[b]);
        if (rx == ry) continue;
        parent[std::max(rx, ry)] = std::min(rx, ry);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", sim);
        evidence[group[a]].push_back(g.node(y.v).id + " ~ " + g.node(x.v).id + ": same made_on " + date +
                                     ", similarity " + buf +
                                     (x.actors.empty() || y.actors.empty() ? "" : ", shared actor"));
      }
    }
  }
  // The kept id of each group is its smallest id.
  std::map<size_t, std::string> kept;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string& id = g.node(items[i].v).id;
    auto [it, added] = kept.emplace(find(parent, i), id);
    if (!added && id < it->second) it->second = id;
  }
  std::map<std::string, std::string> rename;
  std::map<std::string, bool> fulfilled;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string& to = kept[find(parent, i)];
    const std::string& id = g.node(items[i].v).id;
    if (id != to) rename[id] = to;
    fulfilled[to] = fulfilled[to] || items[i].fulfilled;
  }
  if (merges) {
    std::map<std::string, CommitmentMerge> out;
    for (const auto& [from, to] : rename) {
      out[to].kept = to;
      out[to].merged.push_back(from);
    }
    for (auto& [id, m] : out) merges->push_back(std::move(m));
  }
  auto target = [&](const std::string& id) -> const std::string& {
    auto it = rename.find(id);
    return it == rename.end() ? id : it->second;
  };

  Fragment f;
  std::map<std::string, size_t> at;
  for (Graph::Vertex v : g.vertices()) {
    Node n = g.node(v);
    const std::string& to = target(n.id);
    if (to != n.id) continue;  // merged into its group's kept node below
    at[n.id] = f.nodes.size();
    f.nodes.push_back(std::move(n));
  }
  for (Graph::Vertex v : g.vertices()) {
    const Node& n = g.node(v);
    const std::string& to = target(n.id);
    if (to == n.id) continue;
    Node& keep = f.nodes[at[to]];
    Node renamed = n;
    renamed.id = to;
    Graph tmp;
    tmp.merge(Fragment{"", {keep, renamed}, {}});  // scalars of the kept node stay, lists are unioned
    keep = tmp.node(*tmp.find(to));
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string& to = kept[find(parent, i)];
    Node& keep = f.nodes[at[to]];
    if (fulfilled[to] && str_attr(keep, "status") != "declined") keep.attrs["status"] = std::string("fulfilled");
    auto ev = evidence.find(i);
    if (ev == evidence.end()) continue;
    auto& list = keep.attrs["merge_evidence"];
    if (!std::holds_alternative<std::vector<std::string>>(list)) list = std::vector<std::string>{};
    for (const std::string& e : ev->second) std::get<std::vector<std::string>>(list).push_back(e);
  }
  for (Graph::EdgeRef e : g.edges()) {
    Edge edge = g.edge(e);
    edge.source = target(edge.source);
    edge.target = target(edge.target);
    f.edges.push_back(std::move(edge));
  }
  Graph out;
  out.merge(f);
  return out;
}

}  // namespace kg
