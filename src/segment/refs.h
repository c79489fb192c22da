// Internal to the segment stage: footnote reference markers inside a line of text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "segment/footnotes.h"

namespace kg::seg {

// The digit 0-9 of a superscript (¹²³⁴⁵⁶⁷⁸⁹⁰) at s[i], setting len to its byte length; else -1.
int superscript_digit(std::string_view s, size_t i, size_t& len);

// Appends the marker candidates of the line s[from, to) to out: digits glued to a word ending in
// a lowercase letter ("Strafvordering7"), to closing punctuation ("jl.2", "(DBSA)3", "»1?"), to a
// year ("20231" = 2023 + 1), superscripts glued to anything, Markdown "[1 ]" / "[4 5 ]". Numbers
// in text are not markers: "sinds 2018 60", "4,64%", "14.1.1.1", "artikel 139c", "ISO27001",
// "taalniveau B1", URLs.
void scan_refs(std::string_view s, uint32_t from, uint32_t to, std::vector<RefCandidate>& out);

}  // namespace kg::seg
