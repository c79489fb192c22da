#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "graph/graph.h"
#include "graph/schema.h"
#include "kamergraph/export/export.h"

namespace {

using kg::Attrs;
using kg::Edge;
using kg::Node;

// Every hostile character class at once: markup, quotes, a C0 control, a right-to-left
// mark, an emoji, invalid UTF-8 (a stray 0xFF, a truncated sequence), U+FFFE and an
// encoded surrogate.
const std::string kHostile =
    "<b>&\"q\" 'a'\x01|\xE2\x80\x8F|\xF0\x9F\x98\x80|\xFF|\xC3"
    "(|\xEF\xBF\xBE|\xED\xA0\x80|end";
// What XML makes of it: entities, the control, U+FFFE and the surrogate removed, one
// U+FFFD per invalid byte.
const std::string kHostileXml =
    "&lt;b&gt;&amp;&quot;q&quot; &apos;a&apos;|\xE2\x80\x8F|\xF0\x9F\x98\x80|\xEF\xBF\xBD|"
    "\xEF\xBF\xBD(|||end";

Node node(std::string id, std::string_view type, std::string label, Attrs attrs = {}) {
  return {std::move(id),
          std::string(type),
          std::move(label),
          std::move(attrs),
          {{"doc:2021D1", 10, 42, "person.lid"}}};
}

Edge edge(std::string source, std::string target, std::string_view type, Attrs attrs = {}) {
  return {std::move(source),
          std::move(target),
          std::string(type),
          std::move(attrs),
          {{"doc:2021D1", 50, 60, "edge.rule"}}};
}

// A document, a member, an organisation with an awkward id, and four parallel edges
// between the member and the organisation (three roles of one type plus a MENTIONS).
kg::Graph sample_graph() {
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
  kg::Graph g;
  g.merge(f);
  return g;
}

std::string graphml(const kg::Graph& g) {
  std::ostringstream out;
  REQUIRE(kg::exporter::write_graphml(g, out).ok());
  return out.str();
}

std::string node_link(const kg::Graph& g) {
  std::ostringstream out;
  REQUIRE(kg::exporter::write_node_link_json(g, out).ok());
  return out.str();
}

size_t count(std::string_view hay, std::string_view needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF); with xml, also
// only characters legal in XML 1.0.
bool valid_utf8(std::string_view s, bool xml = false) {
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

// Gephi treats key ids such as "d3" and "d7" specially.
bool has_d_number_id(std::string_view xml) {
  for (std::string_view attr : {"id=\"d", "key=\"d"}) {
    for (size_t at = xml.find(attr); at != std::string_view::npos; at = xml.find(attr, at + 1)) {
      const size_t next = at + attr.size();
      if (next < xml.size() && xml[next] >= '0' && xml[next] <= '9') return true;
    }
  }
  return false;
}

std::string key_decl(std::string_view id, std::string_view domain, std::string_view name,
                     std::string_view type) {
  return "<key id=\"" + std::string(id) + "\" for=\"" + std::string(domain) + "\" attr.name=\"" +
         std::string(name) + "\" attr.type=\"" + std::string(type) + "\"/>";
}

}  // namespace

TEST_CASE("GraphML declares typed keys per domain with prefixed ids") {
  const std::string xml = graphml(sample_graph());
  CHECK(xml.find("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"") != std::string::npos);
  CHECK(xml.find("<graph id=\"kamergraph\" edgedefault=\"directed\">") != std::string::npos);
  CHECK(xml.find(key_decl("n_label", "node", "label", "string")) != std::string::npos);
  CHECK(xml.find(key_decl("n_type", "node", "type", "string")) != std::string::npos);
  CHECK(xml.find(key_decl("n_provenance", "node", "provenance", "string")) != std::string::npos);
  CHECK(xml.find(key_decl("e_label", "edge", "label", "string")) != std::string::npos);
  CHECK(xml.find(key_decl("e_type", "edge", "type", "string")) != std::string::npos);
  CHECK(xml.find(key_decl("e_provenance", "edge", "provenance", "string")) != std::string::npos);
  CHECK(xml.find(key_decl("n_score", "node", "score", "double")) != std::string::npos);
  CHECK(xml.find(key_decl("n_foreign", "node", "foreign", "boolean")) != std::string::npos);
  CHECK(xml.find(key_decl("e_weight", "edge", "weight", "long")) != std::string::npos);
  CHECK(xml.find(key_decl("n_aliases", "node", "aliases", "string")) != std::string::npos);
  // "pages" is a long on the document and a string on the person: declared string.
  CHECK(xml.find(key_decl("n_pages", "node", "pages", "string")) != std::string::npos);
  // Two names that sanitise to the same id stay apart.
  CHECK(xml.find(key_decl("n_a_b", "node", "a b", "string")) != std::string::npos);
  CHECK(xml.find(key_decl("n_a_b_2", "node", "a_b", "string")) != std::string::npos);
  CHECK(count(xml, "<key ") == 6 + 7 + 2);  // label/type/provenance x2, 7 node + 2 edge attrs
  CHECK(xml.find("for=\"all\"") == std::string::npos);
  CHECK_FALSE(has_d_number_id(xml));
}

TEST_CASE("GraphML writes every node and edge with label, type and flattened values") {
  const kg::Graph g = sample_graph();
  REQUIRE(g.num_nodes() == 4);
  REQUIRE(g.num_edges() == 6);
  const std::string xml = graphml(g);
  CHECK(count(xml, "<node id=") == 4);
  CHECK(count(xml, "<edge id=") == 6);
  CHECK(count(xml, "<data key=\"n_label\">") == 4);
  CHECK(count(xml, "<data key=\"n_type\">") == 4);
  CHECK(count(xml, "<data key=\"e_label\">HOLDS_OFFICE</data>") == 3);
  CHECK(count(xml, "<data key=\"e_type\">HOLDS_OFFICE</data>") == 3);
  CHECK(xml.find("<data key=\"n_aliases\">Rajkowski;Q. Rajkowski</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"n_pages\">3</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"n_score\">0.5</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"n_foreign\">true</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"e_weight\">2</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"n_date\">2021-09-01</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"n_provenance\">[{&quot;doc&quot;:&quot;doc:2021D1&quot;,"
                 "&quot;start&quot;:10,&quot;end&quot;:42,&quot;rule&quot;:&quot;person.lid&quot;"
                 "}]</data>") != std::string::npos);
  // Ids in attributes are escaped; the edges name the node by the same escaped id.
  CHECK(count(xml, "\"org:AT&amp;T &quot;x&quot;\"") == 5);
  // A reserved attribute name does not shadow the label; an empty label falls back to the id.
  CHECK(xml.find("shadow") == std::string::npos);
  CHECK(xml.find("<data key=\"n_label\">org:AT&amp;T &quot;x&quot;</data>") != std::string::npos);
  // Edge ids are unique.
  std::set<std::string> ids;
  for (size_t at = xml.find("<edge id=\""); at != std::string::npos;
       at = xml.find("<edge id=\"", at + 1)) {
    const size_t start = at + 10;
    ids.insert(xml.substr(start, xml.find('"', start) - start));
  }
  CHECK(ids.size() == 6);
}

TEST_CASE("GraphML escapes hostile text and removes characters illegal in XML 1.0") {
  const std::string xml = graphml(sample_graph());
  CHECK(xml.find("<data key=\"n_label\">" + kHostileXml + "</data>") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(valid_utf8(xml, true));
}

TEST_CASE("Arbitrary bytes always export as valid UTF-8 and legal XML 1.0 characters") {
  const std::string_view pieces[] = {"\xE2\x80\x8F",
                                     "\xF0\x9F\x98\x80",
                                     "\xEF\xBF\xBE",
                                     "\xED\xA0\x80",
                                     "\xC3\xA9",
                                     "\xE0\x80\xAF",
                                     "&",
                                     "<",
                                     "\r"};
  std::mt19937 rng(7);
  kg::Fragment f;
  for (int i = 0; i < 500; ++i) {
    std::string label;
    for (unsigned k = rng() % 12; k > 0; --k) {
      if (rng() % 2) {
        label += pieces[rng() % std::size(pieces)];
      } else {
        label.push_back(static_cast<char>(rng()));
      }
    }
    f.nodes.push_back(node("n" + std::to_string(i), kg::node_type::kClaim, label,
                           {{"text", label}, {"list", std::vector<std::string>{label, label}}}));
  }
  kg::Graph g;
  g.merge(f);
  CHECK(valid_utf8(graphml(g), true));
  const std::string json = node_link(g);
  CHECK(valid_utf8(json));
  CHECK(nlohmann::json::parse(json)["nodes"].size() == 500);
}

TEST_CASE("GraphML keeps whitespace in ids as character references") {
  kg::Fragment f;
  f.nodes = {node("a\tb\nc\rd", kg::node_type::kPerson, "line\none\r")};
  kg::Graph g;
  g.merge(f);
  const std::string xml = graphml(g);
  CHECK(xml.find("<node id=\"a&#9;b&#10;c&#13;d\">") != std::string::npos);
  CHECK(xml.find(">line\none&#13;</data>") != std::string::npos);
}

TEST_CASE("An empty graph exports as a well-formed empty graph") {
  const kg::Graph g;
  const std::string xml = graphml(g);
  CHECK(count(xml, "<key ") == 6);
  CHECK(xml.find("<node") == std::string::npos);
  CHECK(xml.find("</graph>\n</graphml>") != std::string::npos);
  const auto j = nlohmann::json::parse(node_link(g));
  CHECK(j["nodes"].empty());
  CHECK(j["links"].empty());
}

TEST_CASE("Node-link JSON follows the networkx layout with keys for parallel edges") {
  const kg::Graph g = sample_graph();
  const std::string text = node_link(g);
  CHECK(valid_utf8(text));
  const auto j = nlohmann::json::parse(text);  // throws on invalid UTF-8 too
  CHECK(j["directed"] == true);
  CHECK(j["multigraph"] == true);
  CHECK(j["graph"]["name"] == "kamergraph");
  CHECK(j["graph"]["schema"] == "kamergraph/1");
  REQUIRE(j["nodes"].size() == g.num_nodes());
  REQUIRE(j["links"].size() == g.num_edges());
  for (size_t i = 0; i < g.num_nodes(); ++i) {
    CHECK(j["nodes"][i]["id"] == g.node(g.vertices()[i]).id);
    CHECK(j["nodes"][i].contains("label"));
    CHECK(j["nodes"][i]["provenance"].size() == 1);
  }
  CHECK(j["nodes"][1]["aliases"] == nlohmann::json::array({"Rajkowski", "Q. Rajkowski"}));

  std::multiset<int> rajkowski_at_t;
  for (const auto& link : j["links"]) {
    CHECK(link["type"] == g.edge(g.edges()[&link - &j["links"][0]]).type);
    if (link["source"] == "person:rajkowski" && link["target"] == "org:AT&T \"x\"") {
      rajkowski_at_t.insert(link["key"].get<int>());
    } else {
      CHECK(link["key"] == 0);
    }
  }
  CHECK(rajkowski_at_t == std::multiset<int>{0, 1, 2, 3});
}

TEST_CASE("Node-link JSON replaces invalid UTF-8 and keeps everything else") {
  const auto j = nlohmann::json::parse(node_link(sample_graph()));
  const std::string label = j["nodes"][3]["label"];
  CHECK(label.find("<b>&\"q\" 'a'\x01|") == 0);
  CHECK(label.find("\xE2\x80\x8F|\xF0\x9F\x98\x80") != std::string::npos);
  CHECK(label.find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(label.find('\xFF') == std::string::npos);
}

TEST_CASE("A failing stream is reported, not ignored") {
  std::ostream broken(nullptr);
  CHECK_FALSE(kg::exporter::write_graphml(sample_graph(), broken).ok());
  CHECK_FALSE(kg::exporter::write_node_link_json(sample_graph(), broken).ok());
}

TEST_CASE("networkx, igraph and xmllint load the exports of a hostile graph") {
  const std::filesystem::path python = "/usr/bin/python3";
  if (!std::filesystem::exists(python)) {
    WARN("no /usr/bin/python3: reader check skipped");
    return;
  }
  const kg::Graph g = sample_graph();
  const auto dir = std::filesystem::temp_directory_path() /
                   ("kg_test_export_" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  const auto xml_path = dir / "graph.graphml";
  const auto json_path = dir / "graph.json";
  {
    std::ofstream xml(xml_path, std::ios::binary);
    REQUIRE(kg::exporter::write_graphml(g, xml).ok());
    std::ofstream json(json_path, std::ios::binary);
    REQUIRE(kg::exporter::write_node_link_json(g, json).ok());
  }
  const std::string command = python.string() +
                              " '" KG_SOURCE_DIR "/tests/e2e/check_exports.py' '" +
                              xml_path.string() + "' '" + json_path.string() + "' " +
                              std::to_string(g.num_nodes()) + " " + std::to_string(g.num_edges());
  const int status = std::system(command.c_str());
  std::filesystem::remove_all(dir);
  REQUIRE(status == 0);
}
