#include <catch2/catch.hpp>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "graph/graph.h"
#include "graph/schema.h"
#include "kamergraph/export/export.h"
#include "test_export_fixtures.h"

namespace {

using kg_test::count;
using kg_test::graphml;
using kg_test::kHostile;
using kg_test::kHostileXmlText;
using kg_test::node;
using kg_test::node_link;
using kg_test::sample_graph;
using kg_test::valid_utf8;

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
  CHECK(xml.find("<data key=\"n_provenance\">[{\"doc\":\"doc:2021D1\","
                 "\"start\":10,\"end\":42,\"rule\":\"person.lid\""
                 "}]</data>") != std::string::npos);
  // Ids in attributes are escaped; the edges name the node by the same escaped id.
  CHECK(count(xml, "\"org:AT&amp;T &quot;x&quot;\"") == 5);
  // A reserved attribute name does not shadow the label; an empty label falls back to the id.
  CHECK(xml.find("shadow") == std::string::npos);
  CHECK(xml.find("<data key=\"n_label\">org:AT&amp;T \"x\"</data>") != std::string::npos);
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
  CHECK(xml.find("<data key=\"n_label\">" + kHostileXmlText + "</data>") != std::string::npos);
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

TEST_CASE("Node-link JSON keeps doubles doubles and writes no NaN") {
  kg::Fragment f;
  f.nodes = {node("n", kg::node_type::kClaim, "",
                  {{"whole", 1.0},
                   {"big", 1e300},
                   {"nan", std::numeric_limits<double>::quiet_NaN()},
                   {"count", int64_t{-7}},
                   {"id", std::string("shadow")}})};
  kg::Graph g;
  g.merge(f);
  const std::string text = node_link(g);
  CHECK(text.find("\"whole\":1.0") != std::string::npos);
  const auto j = nlohmann::json::parse(text)["nodes"][0];
  CHECK(j["whole"].is_number_float());
  CHECK(j["big"].get<double>() == 1e300);
  CHECK(j["nan"].is_null());
  CHECK(j["count"] == -7);
  CHECK(j["id"] == "n");     // an attribute does not shadow the id
  CHECK(j["label"] == "n");  // an empty label falls back to the id
}
