// Internal to the segment stage: footnote texts and the markers that refer to them.
#pragma once

#include <cstdint>
#include <vector>

#include "segment/lines.h"
#include "segment/segment.h"

namespace kg::seg {

// How sure a reference candidate is to be a footnote marker.
enum class Strength : uint8_t {
  kWeak,    // a number alone at the start of a line ("1 ", "3 ingegaan op ...")
  kMedium,  // a marker glued to a year ("7 november 20231 heb", "2022–202813.")
  kStrong,  // glued to a word or punctuation ("aangetroffen.1", "(DBSA)3", "vertoont.¹", "[1 ]")
};

struct RefCandidate {
  uint32_t at = 0;
  int marker = 0;
  Strength strength = Strength::kWeak;
  bool claimed = false;
  int32_t line = -1;  // the line when the marker stands alone on it
};

struct FootnoteScan {
  std::vector<Footnote> footnotes;
  std::vector<RefCandidate> candidates;  // in document order
};

// Finds footnote texts from offset scope_begin on: a marker line ("1 Kamerstuk ...", "¹ Xiaomi",
// "1" alone followed by the text, "1AD.nl, ...") is a footnote only when a reference to that
// marker was seen before it. Marks the footnote lines kFootnote and lone marker lines ref_line.
FootnoteScan find_footnotes(Lines& lines, uint32_t scope_begin);

// For documents that have markers but no footnote texts (openkamer): the unclaimed strong and
// medium candidates that count up from 1 (a gap of one allowed) become footnotes without text.
void chain_markers(FootnoteScan& scan);

}  // namespace kg::seg
