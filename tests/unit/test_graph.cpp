#include <catch2/catch.hpp>

#include "graph/graph.h"
#include "graph/serialize.h"

using namespace kg;

namespace {

Fragment doc_fragment(const std::string& doc, const std::string& person_label) {
  Fragment f;
  f.doc = doc;
  f.nodes.push_back({doc, "Document", "doc " + doc, {{"sha256", std::string("ab")}}, {{doc, 0, 10, "read"}}});
  f.nodes.push_back({"person:x", "Person", person_label,
                     {{"aliases", std::vector<std::string>{person_label}}},
                     {{doc, 2, 5, "rule.a"}}});
  f.edges.push_back({doc, "person:x", "MENTIONS", {}, {{doc, 2, 5, "rule.a"}}});
  return f;
}

}  // namespace

TEST_CASE("merging fragments joins nodes by id and keeps every provenance") {
  Graph g;
  g.merge(doc_fragment("doc:1", "Rajkowski"));
  g.merge(doc_fragment("doc:2", "Queeny Rajkowski"));
  REQUIRE(g.num_nodes() == 3);
  REQUIRE(g.num_edges() == 2);
  const Node& p = g.node(*g.find("person:x"));
  CHECK(p.label == "Rajkowski");  // first writer wins
  CHECK(p.provenance.size() == 2);
  auto aliases = std::get<std::vector<std::string>>(p.attrs.at("aliases"));
  CHECK(aliases == std::vector<std::string>{"Rajkowski", "Queeny Rajkowski"});
}

TEST_CASE("identical edges merge; edges that differ in role stay apart") {
  Fragment f = doc_fragment("doc:1", "X");
  f.edges.push_back({"doc:1", "person:x", "MENTIONS", {}, {{"doc:1", 7, 9, "rule.b"}}});
  f.edges.push_back({"person:x", "doc:1", "ANSWERED", {{"role", std::string("answerer")}}, {}});
  f.edges.push_back({"person:x", "doc:1", "ANSWERED", {{"role", std::string("co-signatory")}}, {}});
  Graph g;
  g.merge(f);
  CHECK(g.num_edges() == 3);
  CHECK(g.edge(g.edges().front()).provenance.size() == 2);
}

TEST_CASE("edges to unknown nodes are dropped, never dangling") {
  Fragment f = doc_fragment("doc:1", "X");
  f.edges.push_back({"doc:1", "org:nowhere", "MENTIONS", {}, {}});
  Graph g;
  g.merge(f);
  CHECK(g.num_edges() == 1);
}

TEST_CASE("fragments survive the MessagePack round trip") {
  Fragment f = doc_fragment("doc:1", "Yeşilgöz «x»");
  f.nodes[0].attrs["number"] = int64_t{12};
  f.nodes[0].attrs["score"] = 0.5;
  f.nodes[0].attrs["flag"] = true;
  auto back = decode_fragment(encode_fragment(f));
  REQUIRE(back.ok());
  REQUIRE(back->nodes.size() == 2);
  CHECK(back->nodes[1].label == "Yeşilgöz «x»");
  CHECK(std::get<int64_t>(back->nodes[0].attrs.at("number")) == 12);
  CHECK(std::get<double>(back->nodes[0].attrs.at("score")) == 0.5);
  CHECK(std::get<bool>(back->nodes[0].attrs.at("flag")));
  CHECK(back->edges[0].provenance == f.edges[0].provenance);
}

// Stores written before the direct codec hold nlohmann's encoding of the JSON form (keys
// sorted, other integer widths); they must read the same.
TEST_CASE("fragments in the earlier MessagePack encoding decode to the same fragment") {
  Fragment f = doc_fragment("doc:1", std::string(300, 'x'));  // a label longer than str8
  f.nodes[0].attrs["number"] = int64_t{-70000};
  f.nodes[0].attrs["offset"] = int64_t{5000000000};
  f.nodes[0].attrs["aliases"] = std::vector<std::string>{"a", "b"};
  f.nodes[0].attrs["score"] = 0.25;
  f.edges[0].provenance.push_back({"doc:1", 70000, 70100, "rule.b"});
  const std::vector<uint8_t> old = nlohmann::json::to_msgpack(to_json(f));
  auto back = decode_fragment(std::string(old.begin(), old.end()));
  REQUIRE(back.ok());
  CHECK(to_json(*back) == to_json(f));
  CHECK(encode_fragment(*back) == encode_fragment(f));
}

TEST_CASE("a corrupt fragment is a storage error, not a crash") {
  auto r = decode_fragment("\x92\x01garbage");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kStorage);
  const std::string good = encode_fragment(doc_fragment("doc:1", "X"));
  for (size_t cut = 0; cut < good.size(); ++cut) {
    INFO("cut at " << cut);
    CHECK_FALSE(decode_fragment(good.substr(0, cut)).ok());  // truncated anywhere
  }
  CHECK_FALSE(decode_fragment(good + "x").ok());  // trailing bytes
  // An array count far beyond the bytes that follow is refused, not allocated.
  CHECK_FALSE(decode_fragment(
      "\x83\xa3" "doc" "\xa1" "d" "\xa5" "nodes" "\xdd\x7f\xff\xff\xff").ok());
}

TEST_CASE("a moved graph keeps its edges valid") {
  auto make = [] {
    Graph g;
    g.merge(doc_fragment("doc:1", "X"));
    return g;
  };
  Graph moved = make();
  Graph other = std::move(moved);
  REQUIRE(other.num_edges() == 1);
  CHECK(other.edge(other.edges().front()).type == "MENTIONS");
}
