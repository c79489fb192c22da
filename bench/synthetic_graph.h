// A deterministic synthetic graph shaped like kamergraph's: the node types of the schema
// in fixed proportions, labels, attributes (question and answer texts, dates, lists) and
// provenance on every node and edge, like a large ingest would produce.
#pragma once

#include <cstddef>

#include "graph/graph.h"

namespace kg::bench {

// `nodes` nodes and exactly `edges` distinct edges (requires edges < nodes * (nodes - 1)).
Graph synthetic_graph(size_t nodes, size_t edges);

}  // namespace kg::bench
