#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

#include "test_export_fixtures.h"

namespace {

struct Csv {
  std::string nodes;
  std::string relationships;
};

template <class View>
Csv csv(const View& view) {
  std::ostringstream nodes, relationships;
  REQUIRE(kg::exporter::write_neo4j_csv(kg::exporter::View(view), nodes, relationships).ok());
  return {nodes.str(), relationships.str()};
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

// The row that starts with the quoted id.
std::string row(const std::string& table, const std::string& id) {
  const size_t at = table.find("\n\"" + id + "\",");
  REQUIRE(at != std::string::npos);
  return table.substr(at + 1, table.find('\n', at + 1) - at - 1);
}

std::string temp_dir() {
  return (std::filesystem::temp_directory_path() /
          ("kg_test_csv_" + std::to_string(std::random_device{}())))
      .string();
}

}  // namespace

TEST_CASE("CSV headers follow neo4j-admin import with typed columns") {
  const Csv out = csv(kg_test::sample_graph());
  CHECK(first_line(out.nodes) ==
        "id:ID,:LABEL,label:string,a_b_2:string,a_b:string,aliases:string[],date:date,"
        "foreign:boolean,pages:string,score:double,provenance:string");
  CHECK(first_line(out.relationships) ==
        ":START_ID,:END_ID,:TYPE,role:string,weight:long,provenance:string");
}

TEST_CASE("CSV rows quote strings, leave numbers bare and missing values empty") {
  const Csv out = csv(kg_test::sample_graph());
  CHECK(row(out.nodes, "doc:2021D1") ==
        "\"doc:2021D1\",\"Document\",\"Aanhangsel 1234\",,,,\"2021-09-01\",,\"3\",,"
        "\"[{\"\"doc\"\":\"\"doc:2021D1\"\",\"\"start\"\":10,\"\"end\"\":42,"
        "\"\"rule\"\":\"\"person.lid\"\"}]\"");
  const std::string org = row(out.nodes, "org:AT&T \"\"x\"\"");
  CHECK(org.find(",\"org:AT&T \"\"x\"\"\",") != std::string::npos);  // label falls back to id
  CHECK(org.find(",true,,0.5,") != std::string::npos);
  CHECK(row(out.nodes, "person:rajkowski").find(",\"Rajkowski;Q. Rajkowski\",") !=
        std::string::npos);
  CHECK(out.relationships.find("\"person:rajkowski\",\"org:AT&T \"\"x\"\"\",\"MENTIONS\",,2,") !=
        std::string::npos);
  CHECK(kg_test::count(out.relationships, "\n") == 1 + 6);
  CHECK(kg_test::count(out.nodes, "\n") == 1 + 4);
}

TEST_CASE("CSV values keep newlines, lose control characters and invalid UTF-8") {
  namespace nt = kg::node_type;
  kg::Fragment f;
  f.nodes = {kg_test::node("n1", nt::kClaim, kg_test::kHostile,
                           {{"text", std::string("line one\nline \"two\"\r\tend")},
                            {"parts", std::vector<std::string>{"a;b", "c\"d"}},
                            {"nan", std::numeric_limits<double>::quiet_NaN()},
                            {"inf", -std::numeric_limits<double>::infinity()}})};
  kg::Graph g;
  g.merge(f);
  const Csv out = csv(g);
  CHECK(first_line(out.nodes) ==
        "id:ID,:LABEL,label:string,inf:double,nan:double,parts:string[],text:string,"
        "provenance:string");
  const std::string r = out.nodes.substr(out.nodes.find('\n') + 1);
  CHECK(r.find("\"<b>&\"\"q\"\" 'a'|\xE2\x80\x8F|\xF0\x9F\x98\x80|\xEF\xBF\xBD|\xEF\xBF\xBD(|"
               "\xEF\xBF\xBE|\xEF\xBF\xBD|end\"") != std::string::npos);
  CHECK(r.find(",-Infinity,NaN,\"a,b;c\"\"d\",\"line one\nline \"\"two\"\"\r\tend\",") !=
        std::string::npos);
  CHECK(r.find('\x01') == std::string::npos);
  CHECK(kg_test::valid_utf8(out.nodes));
}

TEST_CASE("CSV writes nodes.csv and relationships.csv into a folder") {
  const kg::Graph g = kg_test::sample_graph();
  const std::string dir = temp_dir();
  const auto folder = std::filesystem::path(dir) / "neo4j";
  REQUIRE(kg::exporter::write_neo4j_csv(kg::exporter::View(g), folder).ok());
  std::ifstream nodes(folder / "nodes.csv"), relationships(folder / "relationships.csv");
  std::string header;
  REQUIRE(std::getline(nodes, header));
  CHECK(header.rfind("id:ID,:LABEL,", 0) == 0);
  REQUIRE(std::getline(relationships, header));
  CHECK(header.rfind(":START_ID,:END_ID,:TYPE,", 0) == 0);

  // A file where the folder should be is an input error, not a crash.
  const auto blocked = std::filesystem::path(dir) / "file";
  std::ofstream(blocked) << "x";
  CHECK(kg::exporter::write_neo4j_csv(kg::exporter::View(g), blocked / "sub").code() ==
        kg::Code::kInput);
  std::filesystem::remove_all(dir);
}
