// Time of the nodes and edges of a graph, from the dates in the documents (spec §5):
// what Gephi's timeline plays (GEXF start/end) and what --from/--to select.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"

namespace kg::exporter {

// A calendar day as yyyymmdd (20210923); 0 is "unknown" or "open".
using Day = uint32_t;

enum class Bound { kFirst, kLast };

// Parses an ISO date "yyyy-mm-dd", or a partial one ("yyyy-mm", "yyyy"), optionally
// followed by a time ("2021-09-23T10:00"). A partial date stands for its first day
// (kFirst) or its last (kLast: "2021-09" -> 2021-09-31, comparable but not a real day).
// Returns 0 for anything else.
Day parse_day(std::string_view text, Bound bound = Bound::kFirst);

// "yyyy-mm-dd".
std::string format_day(Day day);

struct Span {
  Day start = 0;  // 0: unknown (always present)
  Day end = 0;    // 0: open
};

// The time model, computed once per graph:
// - Document: from its earliest date (date, date_submitted, date_answered, date_letter,
//   date_published: every attribute named date or date_*); active from its earliest
//   to its latest date.
// - Question: from the date_submitted (else date) of its Document, the Document being
//   the one its provenance names (the earliest if several); Answer: date_answered (else
//   date). Active on that day.
// - A node with made_on (Commitment): from made_on until it ends: fulfilled_on or
//   declined_on when present, else the date of the earliest target of its FULFILLED_BY
//   edges (or of the documents in that edge's provenance); open otherwise. Active
//   throughout.
// - Any other node with a date attribute (Motion, Meeting, Claim, ...): from that date,
//   active on it.
// - Every other node (an entity): from its first mention, the earliest date of the
//   Documents in its provenance; active whenever one of those Documents is.
// Nodes exist until their end (open for all but ended commitments). An edge exists from
// the later of its endpoints' starts (and its own `from` attribute) to the
// earlier of their ends (and its own `to` attribute).
class Timeline {
 public:
  explicit Timeline(const Graph& graph);

  const Span& node(Graph::Vertex v) const { return nodes_[v]; }
  Span edge(Graph::EdgeRef e) const;

  // Whether the node is active on a day in [from, to] (0: open bound). A node whose time
  // is unknown is never active in a bounded window.
  bool active(Graph::Vertex v, Day from, Day to) const;
  // Whether an edge's own validity (from/to attributes) overlaps [from, to]; true when
  // it has none.
  bool edge_valid(Graph::EdgeRef e, Day from, Day to) const;

 private:
  struct Active {
    Day lo = 0;
    Day hi = 0;           // 0 with lo != 0: open
    bool entity = false;  // active when a Document of its provenance is
  };
  struct DocDays {
    Day first = 0;
    Day last = 0;
  };
  const Graph& graph_;
  std::vector<Span> nodes_;
  std::vector<Active> active_;
  std::vector<DocDays> doc_days_;  // by vertex; zero for non-documents
};

}  // namespace kg::exporter
