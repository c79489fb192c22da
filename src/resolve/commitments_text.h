// Internal to the commitments extractor: sentences, content stems and similarity.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/range.h"

namespace kg::commit {

// A sentence of a block: its pieces leave out what the block's parts leave out (footnote
// texts and page artefacts that interrupt it). span runs from the first to the last piece.
struct Sentence {
  Range span;
  std::vector<Range> pieces;
};

// Splits the parts of a block (in document order) into sentences. A sentence ends at . ? or !
// (a footnote number may follow: "aangetroffen.1 In beide") before a capital, a digit or an
// opening quote, except after an abbreviation ("nr.", "jl.", "o.a.") or an initial, and at a
// blank line. A part that does not end a sentence continues it in the next part.
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Range>& parts);

// The display text of a sentence's pieces (hyphenation joined, whitespace collapsed).
std::string sentence_text(std::string_view text, const Sentence& s);

// A light Dutch stemmer for folded (lowercase, diacritic-free) words: inflection and plural
// endings, -heid, the past participle's ge-...-d/t and doubled vowels or consonants, so that
// "inkoopeisen" ~ "inkoopeis", "nationale" ~ "nationaal", "geinformeerd" ~ "informeren".
std::string stem(std::string_view folded_word);

// Closed-class Dutch words (articles, pronouns, prepositions, conjunctions, auxiliaries).
bool is_function_word(std::string_view folded_word);

// The content stems of a text in order of appearance, without function words and without
// the folded words in `skip` (the vocabulary of the commitment frame), unique.
std::vector<std::string> content_stems(std::string_view utf8,
                                       const std::unordered_set<std::string>& skip);

// Sorted unique copy.
std::vector<std::string> sorted_set(std::vector<std::string> v);

// Dice coefficient of two sorted unique lists: 2|A∩B| / (|A|+|B|); 0 when both are empty.
double dice(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Lowercase ASCII words of a text joined by '-', at most max_chars (cut at a word end).
std::string slug(std::string_view utf8, size_t max_chars);

}  // namespace kg::commit
