// The exports of a hand-built hostile graph read back by the readers people use
// (tests/e2e/check_exports.py): networkx, igraph, xmllint, the GEXF and neo4j CSV
// layouts, and graphology (Gephi Lite's parsers) when `make js-deps` installed them.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "test_export_fixtures.h"

namespace {

namespace fs = std::filesystem;

// The sample and dated graphs plus hostile text in an id, a label and attribute values.
kg::Graph reader_graph() {
  namespace nt = kg::node_type;
  const std::string id = "claim:<&\"'\x01\xE2\x80\x8F\xF0\x9F\x98\x80\xFF";
  kg::Fragment hostile;
  hostile.nodes = {kg_test::node(id, nt::kClaim, "  " + kg_test::kHostile + "\n second line ",
                                 {{"text", kg_test::kHostile + "\ttab\nnewline\r"},
                                  {"quotes", std::vector<std::string>{kg_test::kHostile, "a;b"}},
                                  {"made_on", std::string("2022-02-03")}})};
  hostile.edges = {
      kg_test::edge("person:rajkowski", id, kg::edge_type::kClaims, {{"note", kg_test::kHostile}})};
  kg::Graph g;
  g.merge(kg_test::sample_fragment());
  g.merge(kg_test::dated_fragment());
  g.merge(hostile);
  return g;
}

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_CASE("Every reader sees every node, edge and attribute of a hostile graph") {
  const fs::path python = "/usr/bin/python3";
  if (!fs::exists(python)) {
    WARN("no /usr/bin/python3: reader check skipped");
    return;
  }
  const kg::Graph g = reader_graph();
  const fs::path dir =
      fs::temp_directory_path() / ("kg_test_readers_" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const kg::exporter::View view(g);
  {
    std::ofstream json(dir / "g.json", std::ios::binary), xml(dir / "g.graphml", std::ios::binary),
        gexf(dir / "g.gexf", std::ios::binary);
    REQUIRE(kg::exporter::write_node_link_json(view, json).ok());
    REQUIRE(kg::exporter::write_graphml(view, xml).ok());
    REQUIRE(kg::exporter::write_gexf(view, gexf).ok());
    REQUIRE(kg::exporter::write_neo4j_csv(view, dir / "csv").ok());
  }
  const std::string command =
      python.string() + " '" KG_SOURCE_DIR "/tests/e2e/check_exports.py' --json " +
      quote(dir / "g.json") + " --graphml " + quote(dir / "g.graphml") + " --gexf " +
      quote(dir / "g.gexf") + " --nodes " + std::to_string(g.num_nodes()) + " --edges " +
      std::to_string(g.num_edges()) + " --expect-hostile";
  const int python_readers = std::system((command + " --csv " + quote(dir / "csv")).c_str());
  const int js_readers = std::system((command + " --js-only --js '" KG_BINARY_DIR "/js'").c_str());
  fs::remove_all(dir);
  CHECK(python_readers == 0);
  if (WIFEXITED(js_readers) && WEXITSTATUS(js_readers) == 77) {
    WARN("graphology readers skipped (node or `make js-deps` missing)");
  } else {
    CHECK(js_readers == 0);
  }
}
