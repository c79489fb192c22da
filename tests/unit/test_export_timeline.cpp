#include <catch2/catch.hpp>

#include "kamergraph/export/timeline.h"
#include "test_export_fixtures.h"

namespace {

using kg::exporter::Bound;
using kg::exporter::Day;
using kg::exporter::parse_day;
using kg::exporter::Span;
using kg::exporter::Timeline;

struct Dated {
  kg::Graph graph = kg_test::dated_graph();
  Timeline timeline{graph};

  kg::Graph::Vertex v(std::string_view id) const { return *graph.find(id); }
  Span node(std::string_view id) const { return timeline.node(v(id)); }
  Span edge(std::string_view source, std::string_view target) const {
    for (auto e : graph.edges()) {
      if (graph.edge(e).source == source && graph.edge(e).target == target) {
        return timeline.edge(e);
      }
    }
    FAIL("no edge " << source << " -> " << target);
    return {};
  }
  bool active(std::string_view id, std::string_view from, std::string_view to) const {
    return timeline.active(v(id), from.empty() ? 0 : parse_day(from),
                           to.empty() ? 0 : parse_day(to, Bound::kLast));
  }
};

}  // namespace

TEST_CASE("ISO dates parse to days; partial dates to their first or last day") {
  CHECK(parse_day("2021-09-23") == 20210923);
  CHECK(parse_day("2021-09-23T10:15:00") == 20210923);
  CHECK(parse_day("2021-09") == 20210901);
  CHECK(parse_day("2021-09", Bound::kLast) == 20210931);
  CHECK(parse_day("2021") == 20210101);
  CHECK(parse_day("2021", Bound::kLast) == 20211231);
  for (const char* bad : {"", "21-09-23", "2021-9-23", "2021/09/23", "2021-13-01", "2021-00",
                          "2021-09-32", "2021-09-23x", "0000-01-01", "abcd", "2021-09-"}) {
    CAPTURE(bad);
    CHECK(parse_day(bad) == 0);
  }
  CHECK(kg::exporter::format_day(20210923) == "2021-09-23");
  CHECK(kg::exporter::format_day(9990101) == "0999-01-01");
}

TEST_CASE("Documents, questions and answers start at the document's dates") {
  const Dated d;
  CHECK(d.node("doc:A").start == 20210923);  // the earliest of its dates
  CHECK(d.node("doc:A").end == 0);
  CHECK(d.node("doc:B").start == 20220301);  // "2022-03": its first day
  CHECK(d.node("doc:U").start == 0);
  CHECK(d.node("q1").start == 20210923);  // date_submitted of its document
  CHECK(d.node("a1").start == 20211104);  // no date_answered: the document's date
  CHECK(d.node("a2").start == 20220608);  // date_answered
}

TEST_CASE("Entities start at their first mention; undated ones have no time") {
  const Dated d;
  CHECK(d.node("person:p").start == 20210923);  // documents A and C: A is earlier
  CHECK(d.node("party:y").start == 20210923);
  CHECK(d.node("org:u").start == 0);
  CHECK(d.node("motion:1").start == 20220202);  // its own date, not its document's
}

TEST_CASE("Commitments run from made_on until fulfilled") {
  const Dated d;
  CHECK(d.node("commit:1").start == 20211104);
  CHECK(d.node("commit:1").end == 20220310);  // the start of the document fulfilling it
  CHECK(d.node("commit:2").end == 20220115);  // fulfilled_on
  CHECK(d.node("commit:3").start == 20220101);
  CHECK(d.node("commit:3").end == 0);  // open
}

TEST_CASE("Edges exist while both ends do, within their own from/to") {
  const Dated d;
  CHECK(d.edge("person:p", "q1").start == 20210923);
  const Span membership = d.edge("person:p", "party:y");
  CHECK(membership.start == 20211001);
  CHECK(membership.end == 20211231);
  const Span fulfilled = d.edge("commit:1", "doc:C");
  CHECK(fulfilled.start == 20220310);
  CHECK(fulfilled.end == 20220310);
  CHECK(d.edge("q1", "org:u").start == 20210923);  // the undated end does not hold it back
}

TEST_CASE("Activity in a window: events on their day, entities with their documents") {
  const Dated d;
  CHECK(d.active("org:u", "", ""));  // no window: everything
  CHECK(d.active("q1", "2021-09", "2021-09"));
  CHECK_FALSE(d.active("q1", "2021-10", "2021-12"));
  CHECK(d.active("doc:A", "2021-10", "2021-10"));  // between its first and last date
  CHECK_FALSE(d.active("doc:U", "2000", "2100"));
  CHECK(d.active("person:p", "2021-10-01", "2021-10-31"));        // document A spans October
  CHECK_FALSE(d.active("person:p", "2022-01-01", "2022-02-28"));  // neither A nor C
  CHECK(d.active("person:p", "2022-04", ""));
  CHECK_FALSE(d.active("org:u", "2000", "2100"));
  CHECK(d.active("commit:1", "2022-01", "2022-01"));
  CHECK_FALSE(d.active("commit:1", "2022-04", ""));
  CHECK(d.active("commit:3", "2030", ""));  // open commitments stay active
  CHECK_FALSE(d.active("commit:3", "", "2021-12-31"));
}
