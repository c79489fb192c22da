// Internal to the read stage: page-break artefacts of PDF-extracted documents.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kg::read_detail {

// A stretch of the source that normalise() replaces by at most one LF: one or more artefacts
// (form feeds, page footers, ISSN lines, "’s-Gravenhage 2024", a lone document-number line,
// Markdown rules) together with all whitespace around them.
struct Region {
  uint32_t begin = 0;  // first byte after the preceding content
  uint32_t end = 0;    // first byte of the following content (or the source size)
  // Source offset the single LF that replaces the region is mapped to, or kNoLf when the region
  // is replaced by nothing (at the start of the file, or at its end without a line break).
  uint32_t lf = 0;
  static constexpr uint32_t kNoLf = UINT32_MAX;
};

// The regions of src, sorted and disjoint. Linear in src.size() (one RE2 scan).
std::vector<Region> find_page_artefacts(std::string_view src);

}  // namespace kg::read_detail
