// Internal to the claims extractor: running text (an answer's parts, a news paragraph)
// split into sentences.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/range.h"

namespace kg {

struct Sentence {
  Range range;                // from its first to its last byte in Text::text
  std::vector<Range> pieces;  // the parts of range that are running text (footnotes cut out)
};

// Splits the parts (ranges of text in document order, as Block::parts: a sentence may run
// on from one part into the next across a footnote cut out between them) into sentences.
// A sentence ends at . ! or ? (with closing quotes, brackets and a footnote marker such
// as "aangetroffen.1") before a capital, a digit, a quote or a bullet, or at a blank line.
// Not after abbreviations ("o.a.", "nr.", "jl.") or initials ("J. de Vries"), and not
// inside a quotation or a «title» whose marks are balanced within its paragraph.
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Range>& parts);

// The display text of a sentence: its pieces joined, whitespace collapsed.
std::string sentence_text(std::string_view text, const Sentence& s);

}  // namespace kg
