// Shared by the test_export*.cpp files: hand-built graphs and checks of the output bytes.
#pragma once

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "graph/graph.h"
#include "graph/schema.h"
#include "kamergraph/export/export.h"

namespace kg_test {

// Every hostile character class at once: markup, quotes, a C0 control, a right-to-left
// mark, an emoji, invalid UTF-8 (a stray 0xFF, a truncated sequence), U+FFFE and an
// encoded surrogate.
inline const std::string kHostile =
    "<b>&\"q\" 'a'\x01|\xE2\x80\x8F|\xF0\x9F\x98\x80|\xFF|\xC3"
    "(|\xEF\xBF\xBE|\xED\xA0\x80|end";
// What an XML attribute value in "..." makes of it: entities, the control, U+FFFE and
// the surrogate removed, one U+FFFD per invalid byte.
inline const std::string kHostileXml =
    "&lt;b&gt;&amp;&quot;q&quot; "
    "'a'|\xE2\x80\x8F|\xF0\x9F\x98\x80|\xEF\xBF\xBD|\xEF\xBF\xBD(|||end";
// The same in element content, where quotes stay literal.
inline const std::string kHostileXmlText =
    "&lt;b&gt;&amp;\"q\" 'a'|\xE2\x80\x8F|\xF0\x9F\x98\x80|\xEF\xBF\xBD|\xEF\xBF\xBD(|||end";

inline kg::Node node(std::string id, std::string_view type, std::string label, kg::Attrs attrs = {},
                     std::string doc = "doc:2021D1") {
  return {std::move(id),
          std::string(type),
          std::move(label),
          std::move(attrs),
          {{std::move(doc), 10, 42, "person.lid"}}};
}

inline kg::Edge edge(std::string source, std::string target, std::string_view type,
                     kg::Attrs attrs = {}, std::string doc = "doc:2021D1") {
  return {std::move(source),
          std::move(target),
          std::string(type),
          std::move(attrs),
          {{std::move(doc), 50, 60, "edge.rule"}}};
}

// A document, a member, an organisation with an awkward id, a hostile claim, and four
// parallel edges between the member and the organisation (three roles of one type plus
// a MENTIONS).
inline kg::Fragment sample_fragment() {
  namespace nt = kg::node_type;
  namespace et = kg::edge_type;
  kg::Fragment f;
  f.doc = "doc:2021D1";
  f.nodes = {
      node("doc:2021D1", nt::kDocument, "Aanhangsel 1234",
           {{"date", std::string("2021-09-01")}, {"pages", int64_t{3}}}),
      node("person:rajkowski", nt::kPerson, "Queeny Rajkowski",
           {{"aliases", std::vector<std::string>{"Rajkowski", "Q. Rajkowski"}},
            {"pages", std::string("many")},
            {"a b", std::string("space")},
            {"a_b", std::string("underscore")}}),
      node("org:AT&T \"x\"", nt::kOrganization, "",
           {{"score", 0.5}, {"foreign", true}, {"label", std::string("shadow")}}),
      node("claim:1", nt::kClaim, kHostile),
  };
  f.edges = {
      edge("doc:2021D1", "person:rajkowski", et::kMentions),
      edge("person:rajkowski", "org:AT&T \"x\"", et::kHoldsOffice, {{"role", std::string("a")}}),
      edge("person:rajkowski", "org:AT&T \"x\"", et::kHoldsOffice, {{"role", std::string("b")}}),
      edge("person:rajkowski", "org:AT&T \"x\"", et::kHoldsOffice, {{"role", std::string("c")}}),
      edge("person:rajkowski", "org:AT&T \"x\"", et::kMentions, {{"weight", int64_t{2}}}),
      edge("person:rajkowski", "claim:1", et::kClaims),
  };
  return f;
}

inline kg::Graph sample_graph() {
  kg::Graph g;
  g.merge(sample_fragment());
  return g;
}

// Documents with full, partial and missing dates; questions, answers, a person and
// organisations mentioned in them; commitments (fulfilled by a document, fulfilled on a
// stated day, open); a dated motion; a membership with from/to. Each node's provenance
// names the documents that state it.
inline kg::Fragment dated_fragment() {
  namespace nt = kg::node_type;
  namespace et = kg::edge_type;
  using S = std::string;
  kg::Fragment f;
  f.nodes = {
      node("doc:A", nt::kDocument, "Letter A",
           {{"date", S("2021-11-04")},
            {"date_submitted", S("2021-09-23")},
            {"date_letter", S("2021-11-04")}},
           "doc:A"),
      node("doc:B", nt::kDocument, "News B", {{"date", S("2022-03")}}, "doc:B"),
      node("doc:C", nt::kDocument, "Answers C",
           {{"date", S("2022-06-08")},
            {"date_submitted", S("2022-03-10")},
            {"date_answered", S("2022-06-08")}},
           "doc:C"),
      node("doc:U", nt::kDocument, "Undated U", {}, "doc:U"),
      node("q1", nt::kQuestion, "Vraag 1", {{"number", int64_t{1}}}, "doc:A"),
      node("a1", nt::kAnswer, "Antwoord 1", {{"number", int64_t{1}}}, "doc:A"),
      node("a2", nt::kAnswer, "Antwoord 2", {{"number", int64_t{2}}}, "doc:C"),
      node("person:p", nt::kPerson, "P. Person", {}, "doc:A"),
      node("party:y", nt::kParty, "Y", {}, "doc:A"),
      node("org:u", nt::kOrganization, "Undated Org", {}, "doc:U"),
      node("commit:1", nt::kCommitment, "Toezegging 1",
           {{"made_on", S("2021-11-04")}, {"status", S("fulfilled")}}, "doc:A"),
      node("commit:2", nt::kCommitment, "Toezegging 2",
           {{"made_on", S("2021-11-04")}, {"fulfilled_on", S("2022-01-15")}}, "doc:A"),
      node("commit:3", nt::kCommitment, "Toezegging 3",
           {{"made_on", S("2022-01-01")}, {"status", S("open")}}, "doc:B"),
      node("motion:1", nt::kMotion, "Motie 1", {{"date", S("2022-02-02")}}, "doc:B"),
  };
  f.nodes.push_back(node("person:p", nt::kPerson, "P. Person", {}, "doc:C"));  // also in C
  f.edges = {
      edge("doc:A", "q1", et::kContains, {}, "doc:A"),
      edge("doc:A", "a1", et::kContains, {}, "doc:A"),
      edge("doc:C", "a2", et::kContains, {}, "doc:C"),
      edge("a1", "q1", et::kAnswers, {}, "doc:A"),
      edge("person:p", "q1", et::kAsked, {}, "doc:A"),
      edge("person:p", "a2", et::kAnswered, {}, "doc:C"),
      edge("person:p", "party:y", et::kMemberOf, {{"from", S("2021-10-01")}, {"to", S("2021-12")}},
           "doc:A"),
      edge("q1", "org:u", et::kMentions, {}, "doc:A"),
      edge("person:p", "commit:1", et::kCommitted, {}, "doc:A"),
      edge("commit:1", "doc:C", et::kFulfilledBy, {}, "doc:C"),
      edge("commit:3", "motion:1", et::kAbout, {}, "doc:B"),
  };
  return f;
}

inline kg::Graph dated_graph() {
  kg::Graph g;
  g.merge(dated_fragment());
  return g;
}

template <class View>
std::string graphml(const View& g) {
  std::ostringstream out;
  REQUIRE(kg::exporter::write_graphml(g, out).ok());
  return out.str();
}

template <class View>
std::string node_link(const View& g) {
  std::ostringstream out;
  REQUIRE(kg::exporter::write_node_link_json(g, out).ok());
  return out.str();
}

template <class View>
std::string gexf(const View& g) {
  std::ostringstream out;
  REQUIRE(kg::exporter::write_gexf(g, out).ok());
  return out.str();
}

inline size_t count(std::string_view hay, std::string_view needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF); with xml, also
// only characters legal in XML 1.0.
inline bool valid_utf8(std::string_view s, bool xml = false) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    const unsigned c = p[i];
    const size_t len = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = cp << 6 | (p[i + k] & 0x3F);
    }
    constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if (xml &&
        ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

}  // namespace kg_test
