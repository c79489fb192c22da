// Commitments (toezeggingen): the blocks of a document are searched with the commit.* rules
// (commitments_detect), their clauses clustered into commitments (commitments_emit), and the
// document linked to the papers it follows up (commitments_links).
#include "resolve/commitments_emit.h"
#include "resolve/doc_state.h"

namespace kg {
namespace {

// Answers (with their parts, which leave out footnotes and page artefacts), delay notices,
// and for documents without answers their paragraphs.
std::vector<commit::Unit> make_units(const DocState& st) {
  std::vector<commit::Unit> units;
  for (const Container& a : st.answers) {
    commit::Unit u{a.id, a.range, {a.range}, a.numbers, false};
    for (const Block& b : st.seg.answers) {
      Range span{b.heading.empty() ? b.body.begin : b.heading.begin, b.body.end};
      if (span.begin != a.range.begin || span.end != a.range.end) continue;
      u.parts = b.parts.empty() ? std::vector<Range>{b.body} : b.parts;
      break;
    }
    units.push_back(std::move(u));
  }
  for (const Notice& n : st.seg.notices) {
    units.push_back({st.doc_id, {n.heading.begin, n.body.end}, {n.body}, {}, true});
  }
  if (st.answers.empty()) {
    for (Range r : st.seg.paragraphs) units.push_back({st.doc_id, r, {r}, {}, false});
  }
  return units;
}

}  // namespace

void add_commitments(DocState& st, const Matcher& matcher) {
  std::vector<commit::Unit> units = make_units(st);
  std::vector<commit::Clause> clauses;
  for (size_t i = 0; i < units.size(); ++i) commit::detect(st, matcher, units, i, clauses);
  commit::attach(clauses, units);
  commit::emit(st, units, clauses, commit::find_speakers(st));
  commit::add_document_links(st, matcher);
}

}  // namespace kg
