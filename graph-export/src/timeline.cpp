// The time model of timeline.h. Days are yyyymmdd integers, so comparing two days is
// comparing two integers; the model is computed in three passes over the vertices
// (documents, then everything that reads document dates, then commitments, whose end
// reads the start of the node that fulfils them).

#include "kamergraph/export/timeline.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "graph/schema.h"

namespace kg::exporter {
namespace {

constexpr Day kOpen = std::numeric_limits<Day>::max();

int digits(std::string_view s, size_t at, size_t n) {
  int value = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

std::string_view string_attr(const Attrs& attrs, std::string_view key) {
  auto it = attrs.find(std::string(key));
  if (it == attrs.end()) return {};
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  return {};
}

Day day_attr(const Attrs& attrs, std::string_view key, Bound bound = Bound::kFirst) {
  return parse_day(string_attr(attrs, key), bound);
}

bool is_date_key(std::string_view key) { return key == "date" || key.starts_with("date_"); }

Day earlier(Day a, Day b) { return a == 0 ? b : b == 0 ? a : std::min(a, b); }

bool overlaps(Day lo, Day hi, Day from, Day to) {
  return lo <= (to == 0 ? kOpen : to) && hi >= from;
}

}  // namespace

Day parse_day(std::string_view s, Bound bound) {
  const bool first = bound == Bound::kFirst;
  if (s.size() < 4) return 0;
  const int year = digits(s, 0, 4);
  int month = first ? 1 : 12;
  int day = first ? 1 : 31;
  if (s.size() > 4) {
    if (s[4] != '-' || s.size() < 7) return 0;
    month = digits(s, 5, 2);
    if (s.size() > 7) {
      if (s[7] != '-' || s.size() < 10) return 0;
      day = digits(s, 8, 2);
      if (s.size() > 10 && s[10] != 'T') return 0;
    } else if (!first) {
      day = 31;
    }
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return 0;
  return static_cast<Day>(year * 10000 + month * 100 + day);
}

std::string format_day(Day day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04u-%02u-%02u", day / 10000, day / 100 % 100, day % 100);
  return text;
}

Timeline::Timeline(const Graph& graph)
    : graph_(graph),
      nodes_(graph.num_nodes()),
      active_(graph.num_nodes()),
      doc_days_(graph.num_nodes()) {
  // Pass 1: documents span their dates.
  for (Graph::Vertex v : graph.vertices()) {
    const Node& n = graph.node(v);
    if (n.type != node_type::kDocument) continue;
    DocDays days;
    for (const auto& [key, value] : n.attrs) {
      const auto* text = std::get_if<std::string>(&value);
      if (!text || !is_date_key(key)) continue;
      days.first = earlier(days.first, parse_day(*text, Bound::kFirst));
      days.last = std::max(days.last, parse_day(*text, Bound::kLast));
    }
    doc_days_[v] = days;
    nodes_[v].start = days.first;
    active_[v] = {days.first, days.last, false};
  }

  // The earliest of key (else date) over the documents a node's provenance names.
  auto from_documents = [&](const Node& n, std::string_view key) {
    Day day = 0;
    for (const Provenance& p : n.provenance) {
      auto doc = graph.find(p.doc);
      if (!doc || doc_days_[*doc].first == 0) continue;
      const Attrs& attrs = graph.node(*doc).attrs;
      Day d = key.empty() ? doc_days_[*doc].first : day_attr(attrs, key);
      if (d == 0) d = day_attr(attrs, "date");
      day = earlier(day, d);
    }
    return day;
  };

  // Pass 2: questions, answers, dated nodes and entities.
  std::vector<Graph::Vertex> commitments;
  for (Graph::Vertex v : graph.vertices()) {
    const Node& n = graph.node(v);
    if (n.type == node_type::kDocument) continue;
    if (n.attrs.count("made_on")) {
      commitments.push_back(v);
      continue;
    }
    Day day = 0;
    if (n.type == node_type::kQuestion) {
      day = from_documents(n, "date_submitted");
    } else if (n.type == node_type::kAnswer) {
      day = from_documents(n, "date_answered");
    } else if (Day own = day_attr(n.attrs, "date"); own != 0) {
      nodes_[v].start = own;
      active_[v] = {own, day_attr(n.attrs, "date", Bound::kLast), false};
      continue;
    } else {
      nodes_[v].start = from_documents(n, "");
      active_[v].entity = true;
      continue;
    }
    nodes_[v].start = day;
    active_[v] = {day, day, false};
  }

  // Pass 3: commitments run from made_on until fulfilled or declined.
  const auto& adjacency = graph.adjacency();
  for (Graph::Vertex v : commitments) {
    const Node& n = graph.node(v);
    const Day start = day_attr(n.attrs, "made_on");
    Day end = earlier(day_attr(n.attrs, "fulfilled_on"), day_attr(n.attrs, "declined_on"));
    if (end == 0) {
      for (auto [it, last] = boost::out_edges(v, adjacency); it != last; ++it) {
        const Edge& e = graph.edge(*it);
        if (e.type != edge_type::kFulfilledBy) continue;
        Day fulfilled = nodes_[boost::target(*it, adjacency)].start;
        if (fulfilled == 0) {
          for (const Provenance& p : e.provenance) {
            if (auto doc = graph.find(p.doc)) fulfilled = earlier(fulfilled, doc_days_[*doc].first);
          }
        }
        end = earlier(end, fulfilled);
      }
    }
    if (start != 0 && end != 0 && end < start) end = start;
    nodes_[v] = {start, end};
    active_[v] = {start, end == 0 ? kOpen : end, false};
  }
}

Span Timeline::edge(Graph::EdgeRef e) const {
  const auto& adjacency = graph_.adjacency();
  const Span& s = nodes_[boost::source(e, adjacency)];
  const Span& t = nodes_[boost::target(e, adjacency)];
  const Attrs& attrs = graph_.edge(e).attrs;
  Span span{std::max({s.start, t.start, day_attr(attrs, "from")}),
            earlier(earlier(s.end, t.end), day_attr(attrs, "to", Bound::kLast))};
  if (span.start != 0 && span.end != 0 && span.end < span.start) span.end = span.start;
  return span;
}

bool Timeline::active(Graph::Vertex v, Day from, Day to) const {
  if (from == 0 && to == 0) return true;
  const Active& a = active_[v];
  if (!a.entity) return a.lo != 0 && overlaps(a.lo, a.hi, from, to);
  for (const Provenance& p : graph_.node(v).provenance) {
    auto doc = graph_.find(p.doc);
    if (!doc) continue;
    const DocDays& days = doc_days_[*doc];
    if (days.first != 0 && overlaps(days.first, days.last, from, to)) return true;
  }
  return false;
}

bool Timeline::edge_valid(Graph::EdgeRef e, Day from, Day to) const {
  const Attrs& attrs = graph_.edge(e).attrs;
  const Day lo = day_attr(attrs, "from");
  const Day hi = day_attr(attrs, "to", Bound::kLast);
  if (lo == 0 && hi == 0) return true;
  return overlaps(lo, hi == 0 ? kOpen : hi, from, to);
}

}  // namespace kg::exporter
