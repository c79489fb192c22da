// Internal to the segment stage: question, answer and notice blocks from classified lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "segment/lines.h"
#include "segment/segment.h"

namespace kg::seg {

enum class Style : uint8_t {
  kKeyword,  // "Vraag 1" ... "Antwoord 1" (kQuestion / kAnswer lines)
  kBare,     // letter: "1" (resolved to kQuestion) ... "Antwoord" (kLoneAnswer)
  kBullet,   // openkamer: "• Vraag 1" with the question as first paragraph; "• Mededeling"
};

struct Blocks {
  std::vector<Block> questions;
  std::vector<Block> answers;
  std::vector<Notice> notices;
  std::vector<Range> skipped;  // repeated chunks left out (a question or answer number seen again)
  size_t first_line = 0;       // the first heading's line (lines.v.size() if none)
};

// Blocks from the headings of the style before stop_line. A heading whose number was seen before
// (for its kind) starts a repeated chunk that runs to the next heading and is left out; in such a
// document, lines repeated within a block are left out too.
Blocks build_blocks(const Lines& lines, Style style, size_t stop_line);

// The text from offset from to the start of stop_line split at blank lines and page artefacts.
std::vector<Range> paragraphs(const Lines& lines, uint32_t from, size_t stop_line);

}  // namespace kg::seg
