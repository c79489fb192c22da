// Internal to the read stage: words hyphenated across a line break.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "read/page_artefacts.h"

namespace kg::read_detail {

enum class BreakAction : uint8_t {
  kJoin,        // "beveili-\ngingskader" -> "beveiligingskader"
  kKeepHyphen,  // "Dekker-\nAbdulaziz" -> "Dekker-Abdulaziz"
};

// A hyphen (or soft hyphen) that ends a line and is followed by the rest of a word. Everything in
// (hyphen, resume) is whitespace or page artefacts and is dropped; the hyphen itself is dropped
// (kJoin) or kept (kKeepHyphen).
struct HyphenBreak {
  uint32_t hyphen = 0;
  uint32_t resume = 0;
  BreakAction action = BreakAction::kJoin;
};

// Line-end hyphens of src, sorted by offset. A line break inside one of `regions` counts as a
// single line break, so a word hyphenated across a page break is joined too. Hyphens that are not
// hyphenation ("inkoop-\nen aanbestedingsbeleid", a dash after a space, a hyphen before a blank
// line) are not listed. Decisions that depend on the word (a capitalised "Xiaomi-\ntelefoons")
// consult the rest of the document: the hyphenated or joined form, or the first part on its own.
// Linear in src.size().
std::vector<HyphenBreak> find_hyphen_breaks(std::string_view src,
                                            const std::vector<Region>& regions);

}  // namespace kg::read_detail
