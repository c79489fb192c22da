// `kamergraph who-said`: one row per question asked, claim made (or quoted) and answer
// given without a claim of its own, with date, speaker, office, party, document,
// question number, text and the source a claim rests on; filtered by speaker or source
// (--by) and by what a row is about (--about).
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/commands.h"
#include "cli/support.h"
#include "cli/who_said.h"
#include "graph/schema.h"
#include "read/normalise.h"

namespace kg::cli {
namespace {

using V = Graph::Vertex;

bool is_entity(const Node& n) {
  for (std::string_view t : {node_type::kPerson, node_type::kOrganization, node_type::kParty,
                             node_type::kCountry, node_type::kLegalInstrument}) {
    if (n.type == t) return true;
  }
  return false;
}

// A person or entity by id, label or alias (case- and diacritic-insensitive; a unique
// partial match counts). Questions and claims, whose labels quote text, are not candidates.
Result<V> find_entity(const Graph& g, std::string_view query) {
  if (auto v = g.find(query)) return *v;
  std::string q = fold(query);
  std::vector<V> exact, partial;
  for (V v : g.vertices()) {
    const Node& n = g.node(v);
    if (!is_entity(n)) continue;
    std::vector<std::string> names = {n.label, n.id};
    if (auto it = n.attrs.find("aliases"); it != n.attrs.end()) {
      if (const auto* l = std::get_if<std::vector<std::string>>(&it->second)) {
        names.insert(names.end(), l->begin(), l->end());
      }
    }
    bool is_exact = false, is_partial = false;
    for (const std::string& name : names) {
      std::string f = fold(name);
      is_exact |= f == q;
      is_partial |= f.find(q) != std::string::npos;
    }
    if (is_exact)
      exact.push_back(v);
    else if (is_partial)
      partial.push_back(v);
  }
  const auto& pick = exact.empty() ? partial : exact;
  if (pick.size() == 1) return pick.front();
  if (pick.empty()) return find_node(g, query);  // the lookup every command shares
  std::string msg = "\"" + std::string(query) + "\" is ambiguous; it matches:";
  for (size_t i = 0; i < std::min<size_t>(pick.size(), 10); ++i) {
    msg += "\n  " + g.node(pick[i]).id + "  " + g.node(pick[i]).label;
  }
  return Status::Usage(msg);
}

std::string short_name(const Node& n) {
  std::string abbr = attr(n, "abbr");
  return abbr.empty() ? n.label : abbr;
}

std::string edge_attr(const Edge& e, const char* key) {
  auto it = e.attrs.find(key);
  const auto* s = it == e.attrs.end() ? nullptr : std::get_if<std::string>(&it->second);
  return s ? *s : "";
}

bool from_doc(const Edge& e, const std::string& doc) {
  return std::any_of(e.provenance.begin(), e.provenance.end(),
                     [&](const Provenance& p) { return p.doc == doc; });
}

// The party or office edge that holds for a row: stated in its document, else current on
// its date (from/to or the date it was stated), else the last one known.
std::string affiliation(const Graph& g, V person, std::string_view type, const std::string& doc,
                        const std::string& date) {
  const auto& adj = g.adjacency();
  std::string in_doc, on_date, any;
  for (auto [it, end] = boost::out_edges(person, adj); it != end; ++it) {
    const Edge& e = adj[*it];
    if (e.type != type) continue;
    const Node& target = g.node(boost::target(*it, adj));
    std::string role = edge_attr(e, "role");
    std::string text = (role.empty() ? "" : role + " ") + short_name(target);
    std::string from = edge_attr(e, "from"), to = edge_attr(e, "to"), stated = edge_attr(e, "date");
    if (from_doc(e, doc)) in_doc = text;
    bool current =
        !date.empty() && ((!from.empty() && from <= date && (to.empty() || date <= to)) ||
                          (from.empty() && stated == date));
    if (current) on_date = text;
    any = text;
  }
  return !in_doc.empty() ? in_doc : !on_date.empty() ? on_date : any;
}

class Collector {
 public:
  Collector(const Graph& g, std::optional<V> by, std::optional<V> about)
      : g_(g), adj_(g.adjacency()), by_(by), about_(about) {}

  std::vector<Row> run() {
    std::set<std::string> answers_with_claims;
    for (V v : g_.vertices()) {
      const Node& n = g_.node(v);
      if (n.type == node_type::kClaim && claim(v)) answers_with_claims.insert(attr(n, "answer"));
    }
    for (V v : g_.vertices()) {
      const Node& n = g_.node(v);
      if (n.type == node_type::kQuestion) item(v, edge_type::kAsked, "asked");
      if (n.type == node_type::kAnswer && !answers_with_claims.count(n.id)) {
        item(v, edge_type::kAnswered, "answered");
      }
    }
    return std::move(rows_);
  }

 private:
  std::vector<V> sources(V v, std::string_view type) const {
    std::vector<V> out;
    for (auto [it, end] = boost::in_edges(v, adj_); it != end; ++it) {
      if (adj_[*it].type == type) out.push_back(boost::source(*it, adj_));
    }
    return out;
  }
  std::vector<V> targets(V v, std::string_view type) const {
    std::vector<V> out;
    for (auto [it, end] = boost::out_edges(v, adj_); it != end; ++it) {
      if (adj_[*it].type == type) out.push_back(boost::target(*it, adj_));
    }
    return out;
  }
  static bool has(const std::vector<V>& list, std::optional<V> v) {
    return v && std::find(list.begin(), list.end(), *v) != list.end();
  }

  Row row(V v, const std::vector<V>& speakers, const std::string& kind) const {
    const Node& n = g_.node(v);
    Row r;
    r.id = n.id;
    r.kind = kind;
    r.doc = n.id.substr(0, n.id.find('/'));
    r.number = attr(n, "number");
    r.text = attr(n, "text");
    r.stance = attr(n, "stance");
    if (!n.provenance.empty()) r.at = n.provenance.front().start;
    if (auto d = g_.find(r.doc)) {
      const Node& doc = g_.node(*d);
      r.document = doc.label;
      for (const char* key : {kind == "asked" ? "date_submitted" : "date_answered", "date_letter",
                              "date_published", "date"}) {
        if (r.date.empty()) r.date = attr(doc, key);
      }
    }
    for (V s : speakers) {
      const Node& p = g_.node(s);
      r.speakers.push_back({p.id, p.label, affiliation(g_, s, edge_type::kMemberOf, r.doc, r.date),
                            affiliation(g_, s, edge_type::kHoldsOffice, r.doc, r.date)});
    }
    return r;
  }

  // A claim's row, when it passes the filters.
  bool claim(V v) {
    std::vector<V> speakers = sources(v, edge_type::kClaims);
    std::vector<V> cited = targets(v, edge_type::kAttributedTo);
    if (by_ && !has(speakers, by_) && !has(cited, by_)) return false;
    if (about_ && !has(targets(v, edge_type::kAbout), about_) && !has(cited, about_)) return false;
    const Node& n = g_.node(v);
    bool quoted = n.attrs.count("quoted") > 0;
    bool question = attr(n, "form") == "question";
    Row r = row(v, speakers, quoted ? (question ? "asked (quoted)" : "said (quoted)") : "claims");
    r.source = attr(n, "source");
    if (!cited.empty()) {
      r.source_id = g_.node(cited.front()).id;
      if (r.source.empty()) r.source = g_.node(cited.front()).label;
    }
    rows_.push_back(std::move(r));
    return true;
  }

  // A question asked or an answer given.
  void item(V v, std::string_view edge, const std::string& kind) {
    std::vector<V> speakers = sources(v, edge);
    if (by_ && !has(speakers, by_)) return;
    if (about_ && !has(targets(v, edge_type::kMentions), about_)) return;
    rows_.push_back(row(v, speakers, kind));
  }

  const Graph& g_;
  const Graph::Adjacency& adj_;
  std::optional<V> by_, about_;
  std::vector<Row> rows_;
};

}  // namespace

Status who_said(const Common& common, const WhoSaidOptions& options) {
  auto graph = load_graph(common);
  if (!graph.ok()) return graph.status();
  const Graph& g = *graph;
  std::optional<V> by, about;
  for (auto [query, slot] : {std::pair{&options.by, &by}, std::pair{&options.about, &about}}) {
    if (query->empty()) continue;
    auto v = find_entity(g, *query);
    if (!v.ok()) return v.status();
    *slot = *v;
  }
  std::vector<Row> rows = Collector(g, by, about).run();
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    auto num = [](const Row& r) { return std::strtol(r.number.c_str(), nullptr, 10); };
    return std::tuple(a.date, a.doc, num(a), a.kind != "asked", a.at) <
           std::tuple(b.date, b.doc, num(b), b.kind != "asked", b.at);
  });
  if (options.limit > 0 && rows.size() > options.limit) rows.resize(options.limit);
  if (options.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const Row& r : rows) out.push_back(who_said_json(r));
    std::cout << out.dump(1) << "\n";
  } else {
    print_who_said_table(rows);
  }
  if (rows.empty()) std::cerr << "no rows\n";
  return Status::Ok();
}

}  // namespace kg::cli
