// Internal to the commitments extractor: the clauses that make, repeat, fulfil or decline a
// commitment, found by the commit.* rules in one block of text (an answer, a notice or a
// paragraph).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "resolve/commitments_due.h"
#include "resolve/commitments_text.h"
#include "resolve/doc_state.h"

namespace kg::commit {

// A block searched for commitments.
struct Unit {
  std::string id;            // the Answer node id, or the Document id for notices and paragraphs
  Range range;               // what the rules search
  std::vector<Range> parts;  // the text of the block without footnotes and page artefacts
  std::vector<int> numbers;  // the answer's numbers (empty for other blocks)
  bool notice = false;       // a "Mededeling" that the answers are delayed
};

enum class Kind { kPromise, kPassive, kExpected, kReported, kDeclined, kFulfilment, kDeferral };
const char* kind_name(Kind k);

struct Clause {
  Kind kind = Kind::kPromise;
  std::string rule;  // the trigger rule
  size_t unit = 0;
  size_t sentence = 0;  // index of the sentence in its unit
  Range span;           // the sentence
  std::string text;     // display text of the sentence
  std::string object;   // display text of what is promised ("" when the rule has no object)
  Range actor_range;    // the actor as written; empty when implied by the speaker
  bool self_actor = true;  // ik / wij / het kabinet / implied: the document's answerers
  std::vector<std::string> terms;  // content stems of the sentence, sorted
  std::vector<std::string> topic;  // content stems of what is promised, in text order
  std::string context;             // the sentence before, when this one points back to it
  Range context_span;
  // When and where a reported promise was made (a meeting, or a letter by its date).
  std::optional<Date> made_on;
  Range made_on_range;
  std::string made_on_rule;
  std::string meeting_kind;  // canonical: commissiedebat, debat, ao, ...; empty if none
  std::string meeting_label;
  std::optional<Due> due;
  Range due_range;
  std::string due_rule;
  bool backref = false;      // "zoals hierboven aangegeven", "in het antwoord op vraag 2"
  int backref_question = 0;  // the question it points to, 0 when none
  bool anaphoric = false;    // hierover, daarbij, dit onderzoek, ...
  bool informs = false;      // a promise to inform the Kamer
  // Fulfilment clauses: the letter that fulfilled the commitment, by Kamerstuk and/or date.
  bool fulfils_self = false;  // "Hiermee doe ik de toezegging gestand": this document
  std::string fulfilled_by;   // "kst:32761-152"
  std::string fulfilled_label;
  std::optional<Date> fulfilled_on;
  // Set by attach(): the clause this one belongs to (a fulfilment, an informing follow-up,
  // the promise in a deferral notice). -1 when it stands on its own.
  int attached_to = -1;
};

// Runs the commit.* body rules over a unit and appends its clauses in text order.
void detect(DocState& st, const Matcher& matcher, const std::vector<Unit>& units, size_t unit,
            std::vector<Clause>& clauses);

// Links fulfilments, anaphoric informing clauses and the promises of a deferral notice to the
// clause they belong to (Clause::attached_to).
void attach(std::vector<Clause>& clauses, const std::vector<Unit>& units);

}  // namespace kg::commit
