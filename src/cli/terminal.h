// Plain-text tables for the terminal: widths count UTF-8 characters, not bytes.
#pragma once

#include <cstddef>
#include <string>

namespace kg::cli {

// The width to cut table lines to: $COLUMNS when set (above 40), else the terminal's width
// when stdout is a terminal, else 0 (not a terminal: do not cut).
size_t terminal_width();

// The number of UTF-8 characters of s.
size_t chars(const std::string& s);

// The first `width` characters of s, the last of them "…" when s is longer; never splits
// a character.
std::string cut(const std::string& s, size_t width);

// s cut to `width` characters, then padded with spaces to width + 2.
std::string pad(const std::string& s, size_t width);

}  // namespace kg::cli
