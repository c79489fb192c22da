// Page-break artefacts: found with one RE2 scan, then grown over the whitespace around them so
// that a page break inside a sentence or a hyphenated word leaves a single line break.
#include "read/page_artefacts.h"

#include <re2/re2.h>

namespace kg::read_detail {
namespace {

// Group 1 is the lone document-number line, which needs a check RE2 cannot express (the rest of
// its line must be empty or another artefact); every other alternative is an artefact as matched.
constexpr const char* kPattern =
    R"((?m)(^[ \t]*(?:ah|h)[- ](?:tk|ek)[- ]\d{8}[- ]\d{1,5}))"
    R"(|\f+)"
    // Page footer; the page number may follow on the same line ("Aanhangsel 1", glued to the next
    // text as in "Aanhangsel 1Antwoord 3") or alone on a later line (pdftotext).
    R"(|Tweede[ \t\x{A0}]+Kamer,[ \t\x{A0}]*(?i:vergaderjaar)[ \t\x{A0}]+)"
    R"(\d{4}[ \t]*[-\x{2010}-\x{2014}][ \t]*\d{4},[ \t\x{A0}]*Aanhangsel)"
    R"((?:[ \t\x{A0}]*\d{1,4}|[ \t]*(?:\r?\n[ \t\r\n]*\d{1,4}[ \t]*)?(?:\r?\n|\f|\z)))"
    R"(|ISSN[ \t\x{A0}]*\d{4}[ \t\x{A0}]*[-\x{2010}-\x{2014}][ \t\x{A0}]*\d{3}[\dXx])"
    R"(|[\x{2018}\x{2019}'`]s-Gravenhage[ \t\x{A0}]+\d{4})"
    // Markdown horizontal rules left by PDF-to-Markdown converters.
    R"(|^[ \t]*(?:-[ \t]*){3,}\r?$|^[ \t]*(?:\*[ \t]*){3,}\r?$|^[ \t]*(?:_[ \t]*){3,}\r?$)";

const RE2& artefact_re() {
  static const RE2 re(kPattern);
  return re;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_line_end(char c) { return c == '\n' || c == '\r' || c == '\f'; }

struct Match {
  uint32_t begin;
  uint32_t end;
  bool doc_number;
};

std::vector<Match> scan(std::string_view src) {
  std::vector<Match> out;
  const RE2& re = artefact_re();
  re2::StringPiece text(src.data(), src.size());
  re2::StringPiece sub[2];
  size_t pos = 0;
  while (pos < src.size() && re.Match(text, pos, src.size(), RE2::UNANCHORED, sub, 2)) {
    auto b = static_cast<uint32_t>(sub[0].data() - src.data());
    auto e = static_cast<uint32_t>(b + sub[0].size());
    out.push_back({b, e, sub[1].data() != nullptr});
    pos = e > pos ? e : pos + 1;
  }
  return out;
}

// A document number counts only when nothing but whitespace or another artefact follows it on
// its line: "Bron antwoord https://.../ah-tk-20212022-3019.html" and "ah-tk-20232024-909 is
// beantwoord" are text.
void drop_embedded_doc_numbers(std::string_view src, std::vector<Match>& matches) {
  size_t kept = 0;
  for (size_t i = 0; i < matches.size(); ++i) {
    const Match& m = matches[i];
    if (m.doc_number) {
      size_t k = m.end;
      while (k < src.size() && (src[k] == ' ' || src[k] == '\t')) ++k;
      bool alone = k == src.size() || is_line_end(src[k]);
      bool glued = i + 1 < matches.size() && matches[i + 1].begin == k;
      if (!alone && !glued) continue;
    }
    matches[kept++] = m;
  }
  matches.resize(kept);
}

}  // namespace

std::vector<Region> find_page_artefacts(std::string_view src) {
  std::vector<Match> matches = scan(src);
  drop_embedded_doc_numbers(src, matches);
  const auto n = static_cast<uint32_t>(src.size());
  std::vector<Region> regions;
  uint32_t last_first = 0;  // first artefact byte of regions.back()
  for (size_t i = 0; i < matches.size();) {
    // Artefacts separated only by whitespace form one region, grown over surrounding whitespace.
    uint32_t first = matches[i].begin;
    uint32_t last = matches[i].end;
    for (++i; i < matches.size(); ++i) {
      uint32_t k = last;
      while (k < matches[i].begin && is_space(src[k])) ++k;
      if (k != matches[i].begin) break;
      last = matches[i].end;
    }
    uint32_t b = first;
    while (b > 0 && is_space(src[b - 1])) --b;
    uint32_t e = last;
    while (e < n && is_space(src[e])) ++e;
    if (!regions.empty() && b <= regions.back().end) {
      b = regions.back().begin;
      first = last_first;
      regions.pop_back();
    }
    uint32_t lf = Region::kNoLf;
    if (b > 0) {
      for (uint32_t k = b; k < e; ++k) {
        if (is_line_end(src[k])) {
          lf = k;
          break;
        }
      }
      // Text glued to an artefact on the same line still starts a new line ("...Aanhangsel
      // 1Antwoord 3"): the LF is then mapped to the artefact's first byte.
      if (lf == Region::kNoLf && e < n) lf = first;
    }
    regions.push_back({b, e, lf});
    last_first = first;
  }
  return regions;
}

}  // namespace kg::read_detail
