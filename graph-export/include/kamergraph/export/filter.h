// Filtered exports (spec §3 "Filters for export"): the subgraph a user asks for, as a
// View that every writer accepts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "graph/graph.h"
#include "kamergraph/export/view.h"

namespace kg::exporter {

struct Filter {
  std::vector<std::string> node_types;  // exact type strings; empty: every node type
  std::vector<std::string> edge_types;  // exact type strings; empty: every edge type
  std::vector<Graph::Vertex> docs;      // Document nodes; empty: every document
  std::string from;                     // ISO date (yyyy[-mm[-dd]]), inclusive; "": open
  std::string to;                       // ISO date, inclusive ("2021-09": to its end); "": open
  std::optional<Graph::Vertex> ego;     // centre of an ego network
  size_t depth = 1;                     // hops from ego, edges followed both ways
  size_t min_degree = 0;                // 0: no degree filter

  bool empty() const;
};

// The subgraph selected by every filter at once:
// 1. Candidate nodes pass each node filter given: a type in node_types; one of docs,
//    or provenance naming one of docs; active in [from, to] (Timeline::active).
//    Candidate edges have a type in edge_types, both endpoints candidates, provenance
//    naming one of docs (when docs are given: what those documents say) and, when the
//    edge has from/to attributes, a validity overlapping [from, to].
// 2. With ego: the nodes within depth hops of ego over candidate edges, in either
//    direction; ego itself is always kept, whatever the other filters say.
// 3. With min_degree: nodes with fewer candidate edges among the kept nodes are dropped
//    repeatedly until every kept node has at least min_degree (ego excepted).
// 4. The View holds the kept nodes and the candidate edges between them: an edge is
//    never exported without both of its endpoints.
// Fails with Code::kUsage for a date that is not ISO, from after to, or a vertex that
// is not in the graph or a docs entry that is not a Document.
Result<View> filter(const Graph& graph, const Filter& filter);

// Sorts type names given by a user ("person", "Person", "MENTIONS") into node and edge
// types, matched case-insensitively against the schema (spec §5) and the types present
// in graph, and appends the exact spellings to filter. An unknown name fails with
// Code::kUsage, naming the known types.
Status add_types(const Graph& graph, const std::vector<std::string>& names, Filter& filter);

}  // namespace kg::exporter
