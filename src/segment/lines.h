// Internal to the segment stage: the document as classified lines.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/range.h"

namespace kg::seg {

// What a line is, by its own syntax (and, after resolution, by its role).
enum class Kind : uint8_t {
  kText,
  kBlank,
  kFooter,        // page footer "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1", "-----"
  kColophon,      // "ah-tk-20232024-1178", "ISSN 0921 - 7398", "’s-Gravenhage 2024"
  kPageArtefact,  // a page number after a footer, a repeated letter page header
  kQuestion,      // "Vraag 1", "Vragen 2, 3 en 4", possibly with text glued after it
  kAnswer,        // "Antwoord 1", "Antwoord op vraag 2 en 3"
  kBullet,        // openkamer "• Vraag 1"
  kNotice,        // openkamer "• Mededeling - 1 april 2022"
  kLoneNumber,    // "1": a letter's question number, a footnote marker or a page number
  kLoneAnswer,    // "Antwoord" alone (letter layout)
  kTrailer,       // "Kamervraag document nummer: ..."
  kFootnote,      // a footnote's marker or text line (set by find_footnotes)
};

struct Line {
  uint32_t begin = 0;       // first byte
  uint32_t end = 0;         // one past the last byte, the line break excluded
  Range heading;            // headings: the heading words and numbers
  uint32_t rest = 0;        // headings: where text glued after the heading starts (== end if none)
  int32_t numbers = -1;     // headings: index into Lines::numbers
  int32_t weak_marker = 0;  // "1  Antwoord 1": a footnote marker before a heading (0 = none)
  uint32_t weak_at = 0;     // offset of that marker
  Kind kind = Kind::kText;
  bool ref_line = false;    // a lone footnote marker line left out of bodies
  bool page_break = false;  // normalisation removed text before this line (a page artefact)
};

struct Lines {
  std::string_view s;
  std::vector<Line> v;
  std::vector<std::vector<int>> numbers;
};

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n';
}
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_artefact(Kind k) {
  return k == Kind::kFooter || k == Kind::kColophon || k == Kind::kPageArtefact;
}
inline bool is_heading(Kind k) {
  return k == Kind::kQuestion || k == Kind::kAnswer || k == Kind::kBullet || k == Kind::kNotice ||
         k == Kind::kLoneAnswer || k == Kind::kTrailer;
}

// Whitespace (ASCII and NBSP) trimmed from both ends of [begin, end).
Range trim(std::string_view s, uint32_t begin, uint32_t end);
inline std::string_view view(std::string_view s, Range r) { return s.substr(r.begin, r.size()); }

// Splits at LF and FF, splits a line at a page footer glued inside it ("… 2023Tweede Kamer,
// vergaderjaar 2022–2023, Aanhangsel 1Antwoord 3") and classifies every line by its syntax.
// to_src (the Text's map to the source, s.size() + 1 entries, or empty) shows where
// normalisation removed page artefacts between two lines.
Lines split_lines(std::string_view s, const std::vector<uint32_t>& to_src);

}  // namespace kg::seg
