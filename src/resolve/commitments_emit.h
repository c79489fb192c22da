// Internal to the commitments extractor: clustering the clauses of one document into
// commitments and writing their nodes and edges; the document's links to other documents.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "resolve/commitments_detect.h"

namespace kg::commit {

// Who speaks in the document: the answerers of each answer (ANSWERED edges with role
// answerer), the signatories of a document without answers, and the ministries they hold
// office at.
struct Speakers {
  std::unordered_map<std::string, std::vector<std::string>> by_answer;
  std::vector<std::string> document;
  std::unordered_map<std::string, std::vector<std::string>> offices;
  // The answerers of a unit (its answer's, else the document's).
  const std::vector<std::string>& of(const std::string& unit_id) const;
};
Speakers find_speakers(const DocState& st);

// Clusters the clauses (restatements within the document become one commitment) and emits
// Commitment nodes with CONTAINS, RESTATES, COMMITTED, ABOUT, FULFILLED_BY and DISCUSSED_IN.
void emit(DocState& st, const std::vector<Unit>& units, const std::vector<Clause>& clauses,
          const Speakers& speakers);

// FOLLOWS_UP from the document to the papers it follows up, and REFERS_TO {role: identity} to
// its own questions by title (commit.link.* rules), joined by canonical paper ids.
void add_document_links(DocState& st, const Matcher& matcher);

}  // namespace kg::commit
