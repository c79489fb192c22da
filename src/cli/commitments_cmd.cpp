// `kamergraph commitments`: a timeline of commitments, one row per commitment (made_on,
// status, due, actor, where it was restated, what fulfilled it, text), after the
// cross-document consolidation of resolve/commitments_merge.h.

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/commands.h"
#include "cli/support.h"
#include "cli/terminal.h"
#include "graph/schema.h"
#include "read/normalise.h"
#include "resolve/commitments_merge.h"

namespace kg::cli {
namespace {

struct DocRef {
  std::string id, date, title;
};

struct Row {
  std::string id, made_on, status, due, due_precision, text;
  std::vector<std::string> actors;
  std::vector<DocRef> made_in, restated_in;
  std::vector<std::pair<std::string, std::string>> fulfilled_by;  // id, label
  std::vector<std::string> about, questions, restated_answers, evidence;
};

std::vector<std::string> list_attr(const Node& n, const char* key) {
  auto it = n.attrs.find(key);
  const auto* l = it == n.attrs.end() ? nullptr : std::get_if<std::vector<std::string>>(&it->second);
  return l ? *l : std::vector<std::string>{};
}

void add_doc(const Graph& g, const std::string& id, std::vector<DocRef>& out) {
  std::string doc_id = id.substr(0, id.find('/'));
  if (std::any_of(out.begin(), out.end(), [&](const DocRef& d) { return d.id == doc_id; })) return;
  auto v = g.find(doc_id);
  if (!v || g.node(*v).type != node_type::kDocument) return;
  const Node& d = g.node(*v);
  out.push_back({doc_id, attr(d, "date"), d.label});
}

Row row_of(const Graph& g, Graph::Vertex v) {
  const Node& n = g.node(v);
  const auto& adj = g.adjacency();
  Row r;
  r.id = n.id;
  r.made_on = attr(n, "made_on");
  r.status = attr(n, "status");
  r.due = attr(n, "due");
  r.due_precision = attr(n, "due_precision");
  r.text = attr(n, "text");
  if (r.due.empty() && !attr(n, "due_text").empty()) r.due = attr(n, "due_text");
  r.questions = list_attr(n, "questions");
  r.evidence = list_attr(n, "merge_evidence");
  // Made in: a document that contains it without restating it, dated made_on (else the
  // earliest); restated in: every other document that contains or RESTATES it.
  std::vector<DocRef> contains, restates;
  for (auto [it, end] = boost::in_edges(v, adj); it != end; ++it) {
    const Node& s = g.node(boost::source(*it, adj));
    const std::string& type = adj[*it].type;
    if (type == edge_type::kCommitted) {
      if (std::find(r.actors.begin(), r.actors.end(), s.label) == r.actors.end()) r.actors.push_back(s.label);
    } else if (type == edge_type::kContains) {
      add_doc(g, s.id, contains);
    } else if (type == edge_type::kRestates && s.type == node_type::kDocument) {
      add_doc(g, s.id, restates);
    } else if (type == edge_type::kRestates) {
      r.restated_answers.push_back(s.id);
    }
  }
  for (auto [it, end] = boost::out_edges(v, adj); it != end; ++it) {
    const Node& t = g.node(boost::target(*it, adj));
    if (adj[*it].type == edge_type::kFulfilledBy) r.fulfilled_by.emplace_back(t.id, t.label);
    if (adj[*it].type == edge_type::kAbout) r.about.push_back(t.label);
  }
  auto listed = [](const std::vector<DocRef>& list, const DocRef& d) {
    return std::any_of(list.begin(), list.end(), [&](const DocRef& x) { return x.id == d.id; });
  };
  std::sort(contains.begin(), contains.end(), [](const DocRef& a, const DocRef& b) { return a.date < b.date; });
  std::vector<DocRef> own;
  for (const DocRef& d : contains) (listed(restates, d) ? r.restated_in : own).push_back(d);
  for (const DocRef& d : own) {
    if (d.date == r.made_on) r.made_in.push_back(d);
  }
  for (const DocRef& d : own) {
    if (r.made_in.empty()) r.made_in.push_back(d);  // a notice's promise, dated before its document
    else if (!listed(r.made_in, d)) r.restated_in.push_back(d);
  }
  for (const DocRef& d : restates) {
    if (!listed(r.restated_in, d)) r.restated_in.push_back(d);
  }
  auto by_date = [](const DocRef& a, const DocRef& b) { return std::tie(a.date, a.id) < std::tie(b.date, b.id); };
  std::sort(r.made_in.begin(), r.made_in.end(), by_date);
  std::sort(r.restated_in.begin(), r.restated_in.end(), by_date);
  return r;
}

bool matches_node(const Graph& g, Graph::Vertex v, std::string_view edge, Graph::Vertex other, bool incoming) {
  const auto& adj = g.adjacency();
  if (incoming) {
    for (auto [it, end] = boost::in_edges(v, adj); it != end; ++it) {
      if (adj[*it].type == edge && boost::source(*it, adj) == other) return true;
    }
  } else {
    for (auto [it, end] = boost::out_edges(v, adj); it != end; ++it) {
      if (adj[*it].type == edge && boost::target(*it, adj) == other) return true;
    }
  }
  return false;
}

nlohmann::json to_json(const Row& r) {
  auto docs = [](const std::vector<DocRef>& list) {
    nlohmann::json a = nlohmann::json::array();
    for (const DocRef& d : list) a.push_back({{"doc", d.id}, {"date", d.date}, {"title", d.title}});
    return a;
  };
  nlohmann::json fulfilled = nlohmann::json::array();
  for (const auto& [id, label] : r.fulfilled_by) fulfilled.push_back({{"id", id}, {"label", label}});
  return {{"id", r.id},
          {"made_on", r.made_on},
          {"status", r.status},
          {"due", r.due},
          {"due_precision", r.due_precision},
          {"actor", r.actors},
          {"text", r.text},
          {"made_in", docs(r.made_in)},
          {"restated_in", docs(r.restated_in)},
          {"fulfilled_by", fulfilled},
          {"about", r.about},
          {"questions", r.questions},
          {"restated_in_answers", r.restated_answers},
          {"merge_evidence", r.evidence}};
}

std::string join_docs(const std::vector<DocRef>& docs) {
  std::string s;
  for (const DocRef& d : docs) s += (s.empty() ? "" : ",") + (d.date.empty() ? d.id : d.date);
  return s.empty() ? "-" : s;
}

}  // namespace

Status commitments(const Common& common, const CommitmentsOptions& options) {
  auto loaded = load_graph(common);
  if (!loaded.ok()) return loaded.status();
  Graph g = consolidate_commitments(*loaded);
  std::optional<Graph::Vertex> by, about;
  if (!options.by.empty()) {
    auto v = find_node(g, options.by);
    if (!v.ok()) return v.status();
    by = *v;
  }
  if (!options.about.empty()) {
    if (auto v = find_node(g, options.about); v.ok()) about = *v;
  }
  std::string about_text = fold(options.about);
  std::vector<Row> rows;
  for (Graph::Vertex v : g.vertices()) {
    const Node& n = g.node(v);
    if (n.type != node_type::kCommitment) continue;
    if (!options.status.empty() && attr(n, "status") != options.status) continue;
    if (by && !matches_node(g, v, edge_type::kCommitted, *by, true)) continue;
    if (!options.about.empty() && !(about && matches_node(g, v, edge_type::kAbout, *about, false)) &&
        fold(attr(n, "text")).find(about_text) == std::string::npos) {
      continue;
    }
    rows.push_back(row_of(g, v));
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return std::tie(a.made_on, a.id) < std::tie(b.made_on, b.id); });

  if (options.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const Row& r : rows) out.push_back(to_json(r));
    std::cout << out.dump(1) << "\n";
    return Status::Ok();
  }
  size_t width = terminal_width();
  std::cout << pad("made_on", 10) << pad("status", 9) << pad("due", 10) << pad("actor", 28)
            << pad("restated in", 22) << pad("fulfilled by", 22) << "text\n";
  for (const Row& r : rows) {
    std::string actors, fulfilled;
    for (const std::string& a : r.actors) actors += (actors.empty() ? "" : "; ") + a;
    for (const auto& f : r.fulfilled_by) fulfilled += (fulfilled.empty() ? "" : "; ") + f.second;
    std::string line = pad(r.made_on.empty() ? "-" : r.made_on, 10) + pad(r.status, 9) +
                       pad(r.due.empty() ? "-" : r.due, 10) + pad(actors.empty() ? "-" : actors, 28) +
                       pad(join_docs(r.restated_in), 22) + pad(fulfilled.empty() ? "-" : fulfilled, 22) + r.text;
    std::cout << (width ? cut(line, width) : line) << "\n";
  }
  if (rows.empty()) std::cerr << "no commitments\n";
  return Status::Ok();
}

}  // namespace kg::cli
