// Cross-document deduplication of commitments over the merged graph.
//
// Extraction is per document, and the same promise restated in two documents is one node
// when both derive the same canonical key (made_on + topic stems). When they do not (the
// restatement words the topic differently), this pass merges Commitment nodes that
//   - come from different documents (within one document the extractor already decided),
//   - have the same made_on date,
//   - do not disagree on status (a refusal never merges with a promise),
//   - share a COMMITTED actor when both have one,
//   - and whose content stems (attribute "terms") reach commit::kCrossDocSimilarity.
// It also settles status, which the id-based merge leaves to the first document: a
// commitment with a FULFILLED_BY edge is fulfilled. The evidence of every merge is added to
// the kept node's merge_evidence list, so that `kamergraph show` displays it.
//
// Callers: `kamergraph commitments` runs it; the store's load_graph or the exporters may run
// it too (it is deterministic: the kept id is the smallest of a group).
#pragma once

#include <string>
#include <vector>

#include "graph/graph.h"

namespace kg {

struct CommitmentMerge {
  std::string kept;                 // the surviving node id
  std::vector<std::string> merged;  // the ids merged into it
};

// The graph with duplicate commitments merged and statuses settled. `merges` (optional)
// receives what was merged.
Graph consolidate_commitments(const Graph& graph, std::vector<CommitmentMerge>* merges = nullptr);

}  // namespace kg
