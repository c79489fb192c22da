// Internal to the claims extractor: who and what a claim rests on. The source a sentence
// names ("Uit het onderzoek blijkt", "Volgens de NCTV"), the speaker of a quotation
// ("..., vraagt ze", "zegt Grapperhaus"), and the persons the document names, in order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/range.h"
#include "match/matcher.h"
#include "resolve/claims_sentences.h"
#include "resolve/doc_state.h"

namespace kg {

// Every person the body names through the person_mention rules (with the same evidence
// and so the same node ids as the MENTIONS edges), in text order.
std::vector<NodeRef> person_mentions(DocState& st, const Matcher& matcher);

// How the "source" capture of a claim.source rule reads.
struct SourceReading {
  enum class Kind {
    kSelf,    // the speaker itself ("ik", "het kabinet"): a rule of fact "claim.self"
              // matches the whole phrase
    kSource,  // a source; `node` when it names one
    kNone     // nothing to rest on: a capitalised word that names no entity or person
              // ("Tevens" in "Tevens verwacht ik dat ...")
  };
  Kind kind = Kind::kNone;
  std::optional<NodeRef> node;
  std::string text;  // the phrase as displayed
};

// The node a source phrase names: a gazetteer entity or a person inside it; else, for an
// anaphor ("het onderzoek", "daaruit"), the organisation (or country) of the nearest
// earlier sentence of the same text that has the phrase's head noun (any sentence for a
// pronominal adverb), at most three sentences back. A phrase that starts without an
// article or demonstrative must name a node itself.
SourceReading read_source(const DocState& st, const Matcher& matcher, Range phrase,
                          const std::vector<Sentence>& sentences, size_t index,
                          const std::vector<NodeRef>& persons);

// The speaker a quotation's "speaker" capture names: a person (resolved as add_person
// does), an organisation, or for a pronoun ("ze", "hij") the nearest person named before
// `before` whose sex agrees.
std::optional<NodeRef> resolve_speaker(DocState& st, Range speaker, uint32_t before,
                                       const std::vector<NodeRef>& persons, std::string_view rule);

// Gazetteer entities (with a node in the fragment) and persons inside the range.
std::vector<NodeRef> entities_within(DocState& st, Range r, const std::vector<NodeRef>& persons);

}  // namespace kg
