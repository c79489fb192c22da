// Text helpers of the reference resolver: captures, slugs, sentences, list splitting,
// footnote lookup.
#include <algorithm>
#include <array>

#include "resolve/references_state.h"

namespace kg::refs {
namespace {

bool is_upper_start(const std::string& t, uint32_t i) {
  if (i >= t.size()) return false;
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c >= 'A' && c <= 'Z') return true;
  // «, a quote or a capital with a diacritic (UTF-8 lead bytes of Latin-1 capitals)
  return c == '"' || t.compare(i, 2, "«") == 0 || c == 0xC3;
}

// Abbreviations whose period does not end a sentence even before a capital ("vgl. Hoge Raad").
bool is_abbreviation(const std::string& t, uint32_t dot, uint32_t floor) {
  static constexpr std::array<std::string_view, 18> kAbbr = {
      "vgl", "nr",  "jl",   "dhr",  "mevr", "mr",    "dr",    "prof", "art",
      "o.a", "d.d", "bijv", "resp", "i.c",  "m.b.t", "t.a.v", "e.a",  "St"};
  uint32_t b = dot;
  while (b > floor && (std::isalpha(static_cast<unsigned char>(t[b - 1])) || t[b - 1] == '.')) --b;
  std::string_view word(t.data() + b, dot - b);
  return std::find(kAbbr.begin(), kAbbr.end(), word) != kAbbr.end();
}

// True when the punctuation at i ends a sentence: then whitespace (a footnote marker of up
// to two digits may sit in between) and a capital, or a blank line, or the end.
bool ends_sentence(const std::string& t, uint32_t i, Range bound) {
  char c = t[i];
  if (c != '.' && c != '?' && c != '!') return false;
  if (c == '.' && is_abbreviation(t, i, bound.begin)) return false;
  uint32_t j = i + 1;
  for (int k = 0; k < 2 && j < bound.end && std::isdigit(static_cast<unsigned char>(t[j])); ++k)
    ++j;
  if (j >= bound.end) return true;
  if (!std::isspace(static_cast<unsigned char>(t[j]))) return false;
  uint32_t k = skip_space(t, j, bound.end);
  return k >= bound.end || is_upper_start(t, k) || t.compare(j, 2, "\n\n") == 0;
}

}  // namespace

bool has(const PatternMatch& m, std::string_view name) {
  const Capture* c = m.get(name);
  return c && !c->range.empty();
}

Range cap_range(const PatternMatch& m, std::string_view name) {
  const Capture* c = m.get(name);
  return c ? c->range : Range{};
}

std::string cap(const DocState& st, const PatternMatch& m, std::string_view name) {
  return has(m, name) ? display(st.slice(cap_range(m, name))) : std::string();
}

std::string slug(std::string_view s, size_t max_words) {
  std::string f = fold(s), out;
  size_t words = 0;
  bool gap = true;
  for (char c : f) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      if (gap && !out.empty()) {
        if (words == max_words) break;
        out += '-';
      }
      if (gap) ++words;
      out += c;
    }
    gap = !keep;
  }
  return out;
}

bool after_letter(const std::string& text, uint32_t pos) {
  if (pos == 0) return false;
  unsigned char c = static_cast<unsigned char>(text[pos - 1]);
  return std::isalpha(c) || c >= 0x80;
}

uint32_t skip_space(const std::string& text, uint32_t pos, uint32_t end) {
  while (pos < end && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  return pos;
}

Range sentence_of(const std::string& text, uint32_t at, Range bound) {
  Range r{bound.begin, bound.end};
  for (uint32_t i = at; i > bound.begin; --i) {
    if (text.compare(i - 1, 2, "\n\n") == 0 || ends_sentence(text, i - 1, bound)) {
      r.begin = i;
      break;
    }
  }
  for (uint32_t i = at; i < bound.end; ++i) {
    if (text.compare(i, 2, "\n\n") == 0) {
      r.end = i;
      break;
    }
    if (ends_sentence(text, i, bound)) {
      r.end = i + 1;
      while (r.end < bound.end && std::isdigit(static_cast<unsigned char>(text[r.end])) &&
             r.end < i + 3)
        ++r.end;
      break;
    }
  }
  r.begin = skip_space(text, r.begin, r.end);
  return r;
}

std::string ordinal_number(std::string_view word) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "eerste",    "tweede",      "derde",      "vierde",      "vijfde",
      "zesde",     "zevende",     "achtste",    "negende",     "tiende",
      "elfde",     "twaalfde",    "dertiende",  "veertiende",  "vijftiende",
      "zestiende", "zeventiende", "achttiende", "negentiende", "twintigste"};
  for (size_t i = 0; i < kWords.size(); ++i) {
    if (word == kWords[i]) return std::to_string(i + 1);
  }
  size_t digits = 0;
  while (digits < word.size() && std::isdigit(static_cast<unsigned char>(word[digits]))) ++digits;
  return digits > 0 ? std::string(word.substr(0, digits)) : std::string();
}

std::vector<std::string> split_list(std::string_view list) {
  // Tokens are runs of letters, digits, '.' and ':'; the numbers are the tokens that start
  // with a digit ("11.2a", "3:10"), the rest are separators ("en", "of", "en/of").
  std::vector<std::string> out;
  size_t i = 0;
  while (i < list.size()) {
    size_t j = i;
    while (j < list.size() &&
           (std::isalnum(static_cast<unsigned char>(list[j])) || list[j] == '.' || list[j] == ':'))
      ++j;
    if (j > i && std::isdigit(static_cast<unsigned char>(list[i]))) {
      std::string_view tok = list.substr(i, j - i);
      while (!tok.empty() && (tok.back() == '.' || tok.back() == ':')) tok.remove_suffix(1);
      out.emplace_back(tok);
    }
    i = j == i ? i + 1 : j;
  }
  return out;
}

const Footnote* footnote_at(const Segmentation& seg, uint32_t offset) {
  for (const Footnote& f : seg.footnotes) {
    if (f.text.contains(offset)) return &f;
  }
  return nullptr;
}

}  // namespace kg::refs
