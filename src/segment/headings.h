// Internal to the segment stage: recognising headings by their syntax.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "segment/lines.h"

namespace kg::seg {

// A heading found in one line; offsets are relative to the line.
struct Heading {
  Kind kind = Kind::kText;
  size_t head_begin = 0;
  size_t head_end = 0;
  size_t rest = 0;  // start of text glued after the heading (the line size if none)
  std::vector<int> numbers;
  int weak_marker = 0;  // "1  Antwoord 1": the footnote marker before the heading
  size_t weak_at = 0;
};

// Reads a list of question numbers at pos: "1", "4 en 5", "2, 3 en 4", "7, 8, 9 10 en 11",
// "3 t/m 6". Numbers ascend; at most 500. Advances pos past the list; false if there is none.
bool parse_numbers(std::string_view s, size_t& pos, std::vector<int>& out);

// Classifies a line as kQuestion / kAnswer ("Vraag 1", "Antwoord op vraag 2 en 3", also with text
// glued after it), kBullet / kNotice (openkamer), kLoneAnswer, kLoneNumber or kTrailer.
// Returns false for anything else. Looks at no more than the first 512 bytes.
bool parse_heading(std::string_view line, Heading& out);

}  // namespace kg::seg
