#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <string>

#include "kamergraph/export/filter.h"
#include "test_export_fixtures.h"

namespace {

using kg_test::count;
using kg_test::gexf;
using kg_test::valid_utf8;

bool has(const std::string& hay, std::string_view needle) {
  return hay.find(needle) != std::string::npos;
}

// The opening tag of the node (or edge) element whose attributes start with `start`.
std::string element(const std::string& xml, std::string_view start) {
  const size_t at = xml.find(start);
  REQUIRE(at != std::string::npos);
  return xml.substr(at, xml.find('>', at) - at + 1);
}

// The whole line of the element that starts with `start`.
std::string line(const std::string& xml, std::string_view start) {
  const size_t at = xml.find(start);
  REQUIRE(at != std::string::npos);
  return xml.substr(at, xml.find('\n', at) - at);
}

}  // namespace

TEST_CASE("GEXF 1.3 declares typed node and edge attributes") {
  const std::string xml = gexf(kg_test::sample_graph());
  CHECK(has(xml, "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""));
  CHECK(has(xml, "version=\"1.3\">"));
  CHECK(has(xml, "<graph defaultedgetype=\"directed\""));
  CHECK(has(xml, "<attributes class=\"node\">"));
  CHECK(has(xml, "<attributes class=\"edge\">"));
  for (const char* decl : {
           "<attribute id=\"type\" title=\"type\" type=\"string\"/>",
           "<attribute id=\"score\" title=\"score\" type=\"double\"/>",
           "<attribute id=\"foreign\" title=\"foreign\" type=\"boolean\"/>",
           "<attribute id=\"pages\" title=\"pages\" type=\"string\"/>",  // long and string
           "<attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>",
           "<attribute id=\"date\" title=\"date\" type=\"string\"/>",
           "<attribute id=\"a b\" title=\"a b\" type=\"string\"/>",
           "<attribute id=\"weight\" title=\"weight\" type=\"long\"/>",
           "<attribute id=\"role\" title=\"role\" type=\"string\"/>",
           "<attribute id=\"provenance\" title=\"provenance\" type=\"string\"/>",
       }) {
    CAPTURE(decl);
    CHECK(has(xml, decl));
  }
  CHECK(count(xml, "<attribute ") == 2 + 7 + 2 + 2);  // type and provenance per class
  CHECK_FALSE(has(xml, "title=\"label\""));           // reserved: the label attribute
}

TEST_CASE("GEXF keeps typed parallel edges apart with kind and label") {
  const kg::Graph g = kg_test::sample_graph();
  const std::string xml = gexf(g);
  CHECK(has(xml, "<nodes count=\"4\">"));
  CHECK(has(xml, "<edges count=\"6\">"));
  CHECK(count(xml, "kind=\"HOLDS_OFFICE\" label=\"HOLDS_OFFICE\"") == 3);
  CHECK(count(xml, "source=\"person:rajkowski\" target=\"org:AT&amp;T &quot;x&quot;\"") == 4);
  for (size_t i = 0; i < g.num_edges(); ++i) {
    CHECK(has(xml, "<edge id=\"e" + std::to_string(i) + "\""));
  }
  const std::string office = line(xml, "<edge id=\"e2\"");
  CHECK(has(office, "<attvalue for=\"type\" value='HOLDS_OFFICE'/>"));
  CHECK(has(office, "<attvalue for=\"role\" value='b'/>"));
  CHECK(has(line(xml, "<edge id=\"e4\""), "<attvalue for=\"weight\" value='2'/>"));
}

TEST_CASE("GEXF writes values, lists and provenance as attribute values") {
  const std::string xml = gexf(kg_test::sample_graph());
  const std::string person = line(xml, "<node id=\"person:rajkowski\"");
  CHECK(has(person, "label=\"Queeny Rajkowski\""));
  CHECK(has(person, "<attvalue for=\"type\" value='Person'/>"));
  CHECK(has(person, "<attvalue for=\"aliases\" value='Rajkowski;Q. Rajkowski'/>"));
  CHECK(has(person,
            "<attvalue for=\"provenance\" value='[{\"doc\":\"doc:2021D1\","
            "\"start\":10,\"end\":42,\"rule\":\"person.lid\"}]'/>"));
  const std::string org = line(xml, "<node id=\"org:AT&amp;T &quot;x&quot;\"");
  CHECK(has(org, "label=\"org:AT&amp;T &quot;x&quot;\""));  // an empty label falls back to the id
  CHECK(has(org, "<attvalue for=\"score\" value='0.5'/>"));
  CHECK(has(org, "<attvalue for=\"foreign\" value='true'/>"));
  CHECK_FALSE(has(org, "shadow"));  // an attribute named label does not shadow it
}

TEST_CASE("GEXF colours nodes by type and sizes them by degree") {
  const std::string xml = gexf(kg_test::sample_graph());
  // Rajkowski: one MENTIONS in, four edges to the organisation and one CLAIMS out.
  const std::string person = line(xml, "<node id=\"person:rajkowski\"");
  CHECK(has(person, "<viz:color r=\"230\" g=\"85\" b=\"13\"/>"));
  CHECK(has(person, "<viz:size value=\"19\"/>"));  // 5 + 5 log2(1 + 6)
  const std::string doc = line(xml, "<node id=\"doc:2021D1\"");
  CHECK(has(doc, "<viz:size value=\"10\"/>"));  // degree 1
  CHECK(has(doc, "<viz:color r=\"127\" g=\"127\" b=\"127\"/>"));

  SECTION("sizes count the edges of the exported view only") {
    const kg::Graph g = kg_test::sample_graph();
    kg::exporter::Filter f;
    f.edge_types = {"CLAIMS"};
    const std::string filtered = gexf(*kg::exporter::filter(g, f));
    CHECK(has(line(filtered, "<node id=\"person:rajkowski\""), "<viz:size value=\"10\"/>"));
    CHECK(has(line(filtered, "<node id=\"doc:2021D1\""), "<viz:size value=\"5\"/>"));
    CHECK(has(filtered, "<edges count=\"1\">"));
  }
}

TEST_CASE("GEXF carries the timeline of the documents") {
  const std::string xml = gexf(kg_test::dated_graph());
  CHECK(has(xml, "mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\""));
  CHECK(element(xml, "<node id=\"q1\"") ==
        "<node id=\"q1\" label=\"Vraag 1\" start=\"2021-09-23\">");
  CHECK(has(element(xml, "<node id=\"a2\""), " start=\"2022-06-08\">"));
  CHECK(has(element(xml, "<node id=\"commit:1\""), " start=\"2021-11-04\" end=\"2022-03-10\">"));
  CHECK(has(element(xml, "<node id=\"commit:3\""), " start=\"2022-01-01\">"));
  CHECK_FALSE(has(element(xml, "<node id=\"org:u\""), "start="));  // undated: always shown
  CHECK(has(element(xml, "<edge id=\"e6\""), "start=\"2021-10-01\" end=\"2021-12-31\""));

  const std::string plain = gexf(kg::Graph{});
  CHECK(has(plain, "<graph defaultedgetype=\"directed\" mode=\"static\">"));
  CHECK(has(plain, "<nodes count=\"0\">"));
  CHECK(has(plain, "</edges>\n  </graph>\n</gexf>\n"));
}

TEST_CASE("GEXF labels are tokens; values keep their whitespace") {
  kg::Fragment f;
  f.nodes = {kg_test::node("a\tb", kg::node_type::kPerson, "  line\none\t\r two \x01 three  ",
                           {{"text", std::string("x\ny\tz")}})};
  kg::Graph g;
  g.merge(f);
  const std::string xml = gexf(g);
  CHECK(has(xml, "<node id=\"a&#9;b\" label=\"line one two three\">"));
  CHECK(has(xml, "<attvalue for=\"text\" value='x&#10;y&#9;z'/>"));
}

TEST_CASE("GEXF escapes hostile text and stays valid XML for arbitrary bytes") {
  const std::string xml = gexf(kg_test::sample_graph());
  CHECK(has(xml, "label=\"" + kg_test::kHostileXml + "\""));
  CHECK(valid_utf8(xml, true));

  std::mt19937 rng(5);
  kg::Fragment f;
  for (int i = 0; i < 300; ++i) {
    std::string s;
    for (unsigned k = rng() % 16; k > 0; --k) s.push_back(static_cast<char>(rng()));
    f.nodes.push_back(kg_test::node(s + std::to_string(i), kg::node_type::kClaim, s,
                                    {{"text", s}, {s.empty() ? "e" : s, s}}));
    f.edges.push_back(kg_test::edge(s + std::to_string(i), "n0", s));
  }
  f.nodes.push_back(kg_test::node("n0", kg::node_type::kPerson, "n0"));
  kg::Graph g;
  g.merge(f);
  CHECK(valid_utf8(gexf(g), true));
}

TEST_CASE("GEXF reports a failing stream") {
  std::ostream broken(nullptr);
  CHECK_FALSE(kg::exporter::write_gexf(kg_test::sample_graph(), broken).ok());
}

TEST_CASE("GEXF attribute values are quoted with ' and escape it") {
  kg::Fragment f;
  f.nodes = {kg_test::node("n", kg::node_type::kClaim, "it's \"so\"",
                           {{"text", std::string("l'avis \"x\" & <y>")}})};
  kg::Graph g;
  g.merge(f);
  const std::string xml = gexf(g);
  CHECK(has(xml, "label=\"it's &quot;so&quot;\""));
  CHECK(has(xml, "<attvalue for=\"text\" value='l&apos;avis \"x\" &amp; &lt;y&gt;'/>"));
}
