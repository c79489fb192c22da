// `kamergraph who-said`: one row per question asked or answer given by a person, with
// date, party, office, document and number; filtered by person and/or entity.
#include <sys/ioctl.h>
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/commands.h"
#include "cli/support.h"

namespace kg::cli {
namespace {

struct Row {
  std::string date, speaker, party, office, doc, doc_label, number, verb, text;
};

size_t terminal_width() {
  winsize w{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 40) {
    return w.ws_col;
  }
  return 160;
}

// The label of the first out-neighbour through an edge of this type.
std::string neighbour_label(const Graph& g, Graph::Vertex v, std::string_view type,
                            std::string* role = nullptr) {
  const auto& adj = g.adjacency();
  for (auto [it, end] = boost::out_edges(v, adj); it != end; ++it) {
    if (adj[*it].type != type) continue;
    if (role) *role = attr(Node{"", "", "", adj[*it].attrs, {}}, "role");
    return g.node(boost::target(*it, adj)).label;
  }
  return "";
}

std::string cut(const std::string& s, size_t width) {
  if (s.size() <= width) return s;
  size_t c = width;
  while (c > 0 && (static_cast<unsigned char>(s[c]) & 0xC0) == 0x80) --c;
  return s.substr(0, c) + "…";
}

}  // namespace

Status who_said(const Common& common, const WhoSaidOptions& options) {
  auto graph = load_graph(common);
  if (!graph.ok()) return graph.status();
  const Graph& g = *graph;
  const auto& adj = g.adjacency();
  std::optional<Graph::Vertex> by, about;
  if (!options.by.empty()) {
    auto v = find_node(g, options.by);
    if (!v.ok()) return v.status();
    by = *v;
  }
  if (!options.about.empty()) {
    auto v = find_node(g, options.about);
    if (!v.ok()) return v.status();
    about = *v;
  }
  std::vector<Row> rows;
  for (Graph::EdgeRef e : g.edges()) {
    const Edge& edge = g.edge(e);
    if (edge.type != "ASKED" && edge.type != "ANSWERED") continue;
    Graph::Vertex person = boost::source(e, adj), item = boost::target(e, adj);
    if (by && person != *by) continue;
    if (about) {
      bool mentions = false;
      for (auto [it, end] = boost::out_edges(item, adj); it != end; ++it) {
        mentions |= adj[*it].type == "MENTIONS" && boost::target(*it, adj) == *about;
      }
      if (!mentions) continue;
    }
    const Node& p = g.node(person);
    const Node& q = g.node(item);
    std::string doc_id = q.id.substr(0, q.id.find('/'));
    auto doc = g.find(doc_id);
    Row r;
    r.speaker = p.label;
    r.party = neighbour_label(g, person, "MEMBER_OF");
    std::string role;
    std::string ministry = neighbour_label(g, person, "HOLDS_OFFICE", &role);
    r.office = ministry.empty() ? "" : role + " " + ministry;
    r.doc = doc_id;
    if (doc) {
      const Node& d = g.node(*doc);
      r.doc_label = d.label;
      r.date = attr(d, edge.type == "ASKED" ? "date_submitted" : "date_answered");
      if (r.date.empty()) r.date = attr(d, "date");
    }
    r.number = attr(q, "number");
    r.verb = edge.type == "ASKED" ? "asked" : "answered";
    r.text = attr(q, "text");
    rows.push_back(std::move(r));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.date, a.doc) < std::tie(b.date, b.doc);
  });
  if (options.limit > 0 && rows.size() > options.limit) rows.resize(options.limit);

  if (options.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const Row& r : rows) {
      out.push_back({{"date", r.date}, {"speaker", r.speaker}, {"party", r.party},
                     {"office", r.office}, {"doc", r.doc}, {"document", r.doc_label},
                     {"number", r.number}, {"verb", r.verb}, {"text", r.text}});
    }
    std::cout << out.dump(1) << "\n";
    return Status::Ok();
  }
  size_t width = terminal_width();
  for (const Row& r : rows) {
    std::string head = r.date + "  " + r.speaker + (r.party.empty() ? "" : " (" + r.party + ")") +
                       (r.office.empty() ? "" : ", " + r.office) + "  " + r.verb + " Q" + r.number +
                       "  " + r.doc + ": ";
    std::cout << cut(head + r.text, width) << "\n";
  }
  if (rows.empty()) std::cerr << "no rows\n";
  return Status::Ok();
}

}  // namespace kg::cli
