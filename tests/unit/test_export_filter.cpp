#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "kamergraph/export/filter.h"
#include "test_export_fixtures.h"

namespace {

using kg::Code;
using kg::exporter::Filter;
using kg::exporter::View;

std::set<std::string> ids(const View& view) {
  std::set<std::string> out;
  for (auto v : view.vertices()) out.insert(view.graph().node(v).id);
  return out;
}

std::multiset<std::string> edges(const View& view) {
  std::multiset<std::string> out;
  for (auto e : view.edges()) {
    const kg::Edge& edge = view.graph().edge(e);
    out.insert(edge.source + " " + edge.type + " " + edge.target);
  }
  return out;
}

// No dangling edges: every edge of the view joins two nodes of the view.
bool closed(const View& view) {
  const std::set<std::string> nodes = ids(view);
  return std::all_of(view.edges().begin(), view.edges().end(), [&](auto e) {
    const kg::Edge& edge = view.graph().edge(e);
    return nodes.count(edge.source) && nodes.count(edge.target);
  });
}

View run(const kg::Graph& g, const Filter& f) {
  auto view = kg::exporter::filter(g, f);
  REQUIRE(view.ok());
  CHECK(closed(*view));
  return std::move(view).value();
}

}  // namespace

TEST_CASE("No filter exports the whole graph") {
  const kg::Graph g = kg_test::dated_graph();
  const View view = run(g, Filter{});
  CHECK(view.num_nodes() == g.num_nodes());
  CHECK(view.num_edges() == g.num_edges());
  CHECK(view.vertices().data() == g.vertices().data());  // nothing copied
}

TEST_CASE("Type names sort into node and edge types, any case") {
  const kg::Graph g = kg_test::dated_graph();
  Filter f;
  REQUIRE(kg::exporter::add_types(g, {"person", " Question ", "asked", "", "PERSON"}, f).ok());
  CHECK(f.node_types == std::vector<std::string>{"Person", "Question"});
  CHECK(f.edge_types == std::vector<std::string>{"ASKED"});
  REQUIRE(kg::exporter::add_types(g, {"claim"}, f).ok());  // in the schema, not in the graph
  CHECK(f.node_types.back() == "Claim");

  Filter bad;
  const kg::Status s = kg::exporter::add_types(g, {"Persons"}, bad);
  CHECK(s.code() == Code::kUsage);
  CHECK(s.message().find("unknown type \"Persons\"") != std::string::npos);
  CHECK(s.message().find("Person") != std::string::npos);
  CHECK(s.message().find("MENTIONS") != std::string::npos);
}

TEST_CASE("--type keeps nodes and edges of the given types, never a dangling edge") {
  const kg::Graph g = kg_test::dated_graph();
  Filter f;
  f.node_types = {"Person", "Question"};
  const View view = run(g, f);
  CHECK(ids(view) == std::set<std::string>{"person:p", "q1"});
  CHECK(edges(view) == std::multiset<std::string>{"person:p ASKED q1"});

  Filter by_edge;
  by_edge.edge_types = {"CONTAINS"};
  const View contains = run(g, by_edge);
  CHECK(contains.num_nodes() == g.num_nodes());
  CHECK(edges(contains) ==
        std::multiset<std::string>{"doc:A CONTAINS q1", "doc:A CONTAINS a1", "doc:C CONTAINS a2"});
}

TEST_CASE("--ego keeps the neighbourhood within --depth, edges followed both ways") {
  const kg::Graph g = kg_test::dated_graph();
  Filter f;
  f.ego = *g.find("q1");
  f.depth = 0;
  CHECK(ids(run(g, f)) == std::set<std::string>{"q1"});
  f.depth = 1;
  CHECK(ids(run(g, f)) == std::set<std::string>{"q1", "doc:A", "a1", "person:p", "org:u"});
  f.depth = 2;
  const View two = run(g, f);
  CHECK(ids(two).count("party:y"));
  CHECK(ids(two).count("commit:1"));
  CHECK_FALSE(ids(two).count("doc:C"));  // three hops: q1 - person:p - commit:1 - doc:C
  CHECK(edges(two).count("person:p COMMITTED commit:1"));

  SECTION("the ego stays even when its type is filtered out") {
    Filter typed;
    typed.ego = *g.find("person:p");
    typed.node_types = {"Question", "Answer"};
    const View view = run(g, typed);
    CHECK(ids(view) == std::set<std::string>{"person:p", "q1", "a2"});
    CHECK(edges(view) == std::multiset<std::string>{"person:p ASKED q1", "person:p ANSWERED a2"});
  }
}

TEST_CASE("--doc keeps what the documents say") {
  const kg::Graph g = kg_test::dated_graph();
  Filter f;
  f.docs = {*g.find("doc:B")};
  const View view = run(g, f);
  CHECK(ids(view) == std::set<std::string>{"doc:B", "commit:3", "motion:1"});
  CHECK(edges(view) == std::multiset<std::string>{"commit:3 ABOUT motion:1"});

  f.docs = {*g.find("doc:C")};
  const View c = run(g, f);
  CHECK(ids(c) == std::set<std::string>{"doc:C", "a2", "person:p"});
  // commit:1 is stated in A, so its FULFILLED_BY edge (stated in C) has no end here.
  CHECK(edges(c) == std::multiset<std::string>{"doc:C CONTAINS a2", "person:p ANSWERED a2"});
}

TEST_CASE("--from/--to keep what happened in the window") {
  const kg::Graph g = kg_test::dated_graph();
  Filter f;
  f.from = "2022-01";
  f.to = "2022-01";
  CHECK(ids(run(g, f)) == std::set<std::string>{"commit:1", "commit:2", "commit:3"});

  f.from = "2021-10-01";
  f.to = "2021-12-31";
  const View autumn = run(g, f);
  CHECK(ids(autumn) ==
        std::set<std::string>{"doc:A", "a1", "person:p", "party:y", "commit:1", "commit:2"});
  CHECK(edges(autumn).count("person:p MEMBER_OF party:y"));  // valid from 2021-10-01

  f.from = "2022-01-01";
  f.to = "";
  const View later = run(g, f);
  CHECK(ids(later).count("a2"));
  CHECK(ids(later).count("motion:1"));
  CHECK_FALSE(ids(later).count("party:y"));  // mentioned in A only
  CHECK_FALSE(edges(later).count("person:p MEMBER_OF party:y"));

  SECTION("a membership outside the window is left out though both ends are in") {
    Filter w;
    w.from = "2021-09-01";
    w.to = "2021-09-30";
    const View sept = run(g, w);
    CHECK(ids(sept).count("person:p"));
    CHECK(ids(sept).count("party:y"));
    CHECK_FALSE(edges(sept).count("person:p MEMBER_OF party:y"));
  }
}

TEST_CASE("--min-degree keeps the nodes with at least N edges among those kept") {
  namespace nt = kg::node_type;
  namespace et = kg::edge_type;
  kg::Fragment f;
  for (const char* id : {"a", "b", "c", "hub", "leaf1", "leaf2", "p1", "p2", "p3"}) {
    f.nodes.push_back(kg_test::node(id, nt::kPerson, id));
  }
  // A triangle with a hub attached, leaves on the hub, and a path.
  for (auto [s, t] : {std::pair{"a", "b"},
                      {"b", "c"},
                      {"c", "a"},
                      {"hub", "a"},
                      {"hub", "leaf1"},
                      {"hub", "leaf2"},
                      {"p1", "p2"},
                      {"p2", "p3"}}) {
    f.edges.push_back(kg_test::edge(s, t, et::kMentions));
  }
  kg::Graph g;
  g.merge(f);
  Filter filter;
  filter.min_degree = 2;
  // Peeling: the leaves go, then the hub (one edge left), then the path from its ends.
  CHECK(ids(run(g, filter)) == std::set<std::string>{"a", "b", "c"});

  filter.ego = *g.find("hub");
  filter.depth = 5;
  CHECK(ids(run(g, filter)) == std::set<std::string>{"a", "b", "c", "hub"});  // ego stays
}

TEST_CASE("Bad filter values are usage errors") {
  const kg::Graph g = kg_test::dated_graph();
  auto code = [&](Filter f) { return kg::exporter::filter(g, f).status().code(); };
  Filter f;
  f.from = "2021-13-01";
  CHECK(code(f) == Code::kUsage);
  f.from = "2022-01-02";
  f.to = "2022-01-01";
  CHECK(code(f) == Code::kUsage);
  Filter doc;
  doc.docs = {*g.find("q1")};
  CHECK(code(doc) == Code::kUsage);
  Filter ego;
  ego.ego = g.num_nodes();
  CHECK(code(ego) == Code::kUsage);
}

TEST_CASE("Random filters on random graphs never leave a dangling edge") {
  std::mt19937 rng(11);
  const std::string_view types[] = {kg::node_type::kPerson, kg::node_type::kQuestion,
                                    kg::node_type::kDocument};
  const std::string_view edge_types[] = {kg::edge_type::kMentions, kg::edge_type::kAsked};
  for (int round = 0; round < 40; ++round) {
    kg::Fragment f;
    const int n = 1 + static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) {
      f.nodes.push_back(
          kg_test::node("n" + std::to_string(i), types[rng() % 3], "x",
                        {{"date", std::string("2021-0" + std::to_string(1 + rng() % 9))}},
                        "n" + std::to_string(rng() % n)));
    }
    for (int k = static_cast<int>(rng() % 80); k > 0; --k) {
      f.edges.push_back(kg_test::edge("n" + std::to_string(rng() % n),
                                      "n" + std::to_string(rng() % n), edge_types[rng() % 2],
                                      {{"role", std::to_string(k)}}));
    }
    kg::Graph g;
    g.merge(f);
    Filter filter;
    if (rng() % 2) filter.node_types = {std::string(types[rng() % 3])};
    if (rng() % 2) filter.edge_types = {std::string(edge_types[rng() % 2])};
    if (rng() % 2) filter.ego = rng() % g.num_nodes();
    filter.depth = rng() % 3;
    if (rng() % 2) filter.from = "2021-0" + std::to_string(1 + rng() % 9);
    filter.min_degree = rng() % 3;
    CAPTURE(round);
    const View view = run(g, filter);
    const auto degree = view.degrees();
    for (auto v : view.vertices()) {
      if (v != filter.ego) CHECK(degree[v] >= filter.min_degree);
    }
    if (filter.ego) CHECK(ids(view).count(g.node(*filter.ego).id));
  }
}
