// Thresholds of commitment deduplication. They are constants until the rules folder has a
// kind of file for settings (docs/rules.md, "Commitments", lists them with their meaning).
#pragma once

#include <cstddef>

namespace kg::commit {

// Two clauses of one document are one commitment when the Dice coefficient of their
// content stems reaches this...
inline constexpr double kSameDocSimilarity = 0.55;
// ...or reaches this and the later clause points back ("zoals hierboven aangegeven",
// "in het antwoord op vraag 2") or both name the same date and actor.
inline constexpr double kSameDocSimilarityWithEvidence = 0.30;
// Across documents (the graph pass): same made_on date, compatible status, and at least
// this similarity; actors must share a node when both have one.
inline constexpr double kCrossDocSimilarity = 0.45;
// How many topic stems make the canonical key (more are added only to keep two different
// commitments of one document apart).
inline constexpr size_t kKeyTopicStems = 2;
// An informing clause with an anaphor ("Uw Kamer zal hierover worden geïnformeerd") belongs
// to a commitment at most this many sentences before it in the same answer.
inline constexpr size_t kAttachWindow = 3;

}  // namespace kg::commit
