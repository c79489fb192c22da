// `kamergraph show NODE`: attributes, provenance with the sentence each fact came from,
// and neighbours.
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "cli/support.h"
#include "graph/serialize.h"
#include "read/normalise.h"
#include "read/source.h"

namespace kg::cli {
namespace {

constexpr size_t kSnippetChars = 160;

// The source text of a provenance entry, if the file is still there and unchanged.
std::string snippet(const Graph& g, const Provenance& p,
                    std::map<std::string, std::optional<std::string>>& cache) {
  auto [it, added] = cache.try_emplace(p.doc);
  if (added) {
    if (auto v = g.find(p.doc)) {
      const Node& doc = g.node(*v);
      auto src = read_source(attr(doc, "source"));
      if (src.ok() && src->sha256 == attr(doc, "sha256")) it->second = std::move(src->bytes);
    }
  }
  if (!it->second || p.end > it->second->size() || p.start >= p.end) return "";
  std::string s = display(std::string_view(*it->second).substr(p.start, p.end - p.start));
  if (s.size() > kSnippetChars) {
    size_t cut = kSnippetChars;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "…";
  }
  return s;
}

}  // namespace

Status show(const Common& common, const std::string& query) {
  auto graph = load_graph(common);
  if (!graph.ok()) return graph.status();
  auto v = find_node(*graph, query);
  if (!v.ok()) return v.status();
  const Node& n = graph->node(*v);
  std::cout << n.id << "  [" << n.type << "]  " << n.label << "\n";
  for (const auto& [key, value] : n.attrs) {
    if (key == "text") continue;
    std::cout << "  " << key << ": " << to_json(value).dump() << "\n";
  }
  if (auto text = attr(n, "text"); !text.empty()) std::cout << "  text: " << text << "\n";

  std::map<std::string, std::optional<std::string>> cache;
  std::cout << "provenance (" << n.provenance.size() << "):\n";
  for (const Provenance& p : n.provenance) {
    std::cout << "  " << p.doc << " [" << p.start << "," << p.end << ") " << p.rule;
    if (n.type != "Document") {
      if (auto s = snippet(*graph, p, cache); !s.empty()) std::cout << "\n      \"" << s << "\"";
    }
    std::cout << "\n";
  }
  const auto& adj = graph->adjacency();
  std::cout << "neighbours:\n";
  for (auto [it, end] = boost::out_edges(*v, adj); it != end; ++it) {
    const Node& t = graph->node(boost::target(*it, adj));
    std::cout << "  -" << adj[*it].type << "-> " << t.id << "  " << t.label << "\n";
  }
  for (auto [it, end] = boost::in_edges(*v, adj); it != end; ++it) {
    const Node& s = graph->node(boost::source(*it, adj));
    std::cout << "  <-" << adj[*it].type << "- " << s.id << "  " << s.label << "\n";
  }
  return Status::Ok();
}

}  // namespace kg::cli
