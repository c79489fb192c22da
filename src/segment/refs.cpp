#include "segment/refs.h"

#include <array>

#include "read/normalise.h"

namespace kg::seg {
namespace {

constexpr size_t kMaxGluedDigits = 2;  // markers glued to words run to 99
constexpr int kMaxBracketMarker = 999;

bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool ascii_letter(char c) { return ascii_lower(c) || (c >= 'A' && c <= 'Z'); }

// The code point that ends just before s[j] (j > from), and where it starts.
char32_t previous_cp(std::string_view s, uint32_t from, size_t j, size_t& start) {
  start = j - 1;
  while (start > from && j - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t i = start;
  return decode_utf8(s.substr(0, j), i);
}

bool closing_quote(char32_t cp) { return cp == 0x00BB || cp == 0x2019 || cp == 0x201D; }

// A lowercase letter beyond ASCII: Latin-1 ß..ÿ and the Latin Extended blocks.
bool wide_lower(char32_t cp) { return cp >= 0x00DF && cp <= 0x024F && cp != 0x00F7; }

// What may follow a marker: the end of the line, a blank, punctuation (not a decimal point).
bool marker_end(std::string_view s, size_t k, uint32_t to) {
  if (k >= to) return true;
  char c = s[k];
  if (is_space(c)) return true;
  if (c == '.' || c == ',' || c == ';' || c == ':') return k + 1 >= to || !is_digit(s[k + 1]);
  if (c == ')' || c == '?' || c == '!' || c == ']' || c == '"' || c == '\'') return true;
  size_t i = k;
  return closing_quote(decode_utf8(s.substr(0, to), i));
}

bool in_url(std::string_view s, size_t token) {
  for (size_t t = token; t <= token + 1 && t < s.size(); ++t) {
    if (s.substr(t, 4) == "http" || s.substr(t, 4) == "www.") return true;
  }
  return false;
}

bool ascii_is(char32_t cp, bool (*pred)(char)) { return cp < 0x80 && pred(static_cast<char>(cp)); }

// The marker a run of ASCII digits [j, k) stands for, or 0.
int ascii_marker(std::string_view s, uint32_t from, size_t j, size_t k, Strength& strength) {
  size_t nd = k - j;
  auto value = [&](size_t b) {
    int v = 0;
    for (size_t i = b; i < k; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  if (j > from) {
    size_t start = 0;
    char32_t cp = previous_cp(s, from, j, start);
    bool punct = cp == ')' || cp == '?' || cp == '!' || cp == ']' || cp == '"' || cp == '\'' ||
                 closing_quote(cp);
    if (cp == '.' || cp == ',' || cp == ';' || cp == ':') {
      punct = start > from && !is_digit(s[start - 1]) && !is_space(s[start - 1]);
    }
    bool letter = ascii_is(cp, ascii_lower) || wide_lower(cp);
    if (letter) {
      // A word of at least three letters: "x2", "km2", "B1" are not glued markers.
      size_t n = 0;
      for (size_t i = start; i > from && n < 3; --i, ++n) {
        char c = s[i - 1];
        if (!ascii_letter(c) && static_cast<unsigned char>(c) < 0x80) break;
      }
      letter = n >= 2;
    }
    if ((letter || punct) && nd <= kMaxGluedDigits) {
      strength = Strength::kStrong;
      return value(j);
    }
    if (letter || punct || cp == '/' || ascii_is(cp, is_digit)) return 0;
    if (!ascii_is(cp, is_space) && cp != '(' && cp != '-' && cp != 0x2013) return 0;
  }
  // "20231": the year 2023 with marker 1.
  bool year = (nd == 5 || nd == 6) && (s.substr(j, 2) == "19" || s.substr(j, 2) == "20");
  if (!year || s[j + 4] == '0') return 0;
  strength = Strength::kMedium;
  return value(j + 4);
}

}  // namespace

int superscript_digit(std::string_view s, size_t i, size_t& len) {
  auto at = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
  if (at(i) == 0xC2) {
    len = 2;
    switch (at(i + 1)) {
      case 0xB9:
        return 1;
      case 0xB2:
        return 2;
      case 0xB3:
        return 3;
      default:
        return -1;
    }
  }
  if (at(i) == 0xE2 && at(i + 1) == 0x81) {
    len = 3;
    unsigned char c = at(i + 2);
    if (c == 0xB0) return 0;
    if (c >= 0xB4 && c <= 0xB9) return c - 0xB0;
  }
  return -1;
}

void scan_refs(std::string_view s, uint32_t from, uint32_t to, std::vector<RefCandidate>& out) {
  // Bytes that can start something of interest; everything else is skipped in a tight loop.
  static const std::array<bool, 256> kInteresting = [] {
    std::array<bool, 256> a{};
    for (unsigned char c : std::string_view(" \t\r\v\f\n[0123456789\xC2\xE2")) a[c] = true;
    return a;
  }();
  size_t token = from;
  size_t j = from;
  while (j < to) {
    while (j < to && !kInteresting[static_cast<unsigned char>(s[j])]) ++j;
    if (j >= to) break;
    char c = s[j];
    size_t len = 0;
    if (is_space(c)) {
      token = ++j;
    } else if (superscript_digit(s, j, len) >= 0) {
      size_t k = j;
      int v = 0;
      int d = 0;
      for (int n = 0; n < 3 && k < to && (d = superscript_digit(s, k, len)) >= 0; ++n) {
        v = v * 10 + d;
        k += len;
      }
      if (j > from && !is_space(s[j - 1]) && v > 0) {
        out.push_back({static_cast<uint32_t>(j), v, Strength::kStrong, false, -1});
      }
      j = k;
    } else if (c == '[') {
      // Markdown footnote markers: "[1 ]", "[2]", "[4 5 ]".
      size_t k = j + 1;
      size_t first = out.size();
      while (k < to && (is_digit(s[k]) || s[k] == ' ')) {
        if (!is_digit(s[k])) {
          ++k;
          continue;
        }
        size_t e = k;
        int v = 0;
        while (e < to && is_digit(s[e])) v = v * 10 + (s[e++] - '0');
        if (e - k > 3 || v == 0 || v > kMaxBracketMarker) break;
        out.push_back({static_cast<uint32_t>(k), v, Strength::kStrong, false, -1});
        k = e;
      }
      if (k >= to || s[k] != ']') out.resize(first);
      j = k > j + 1 ? k : j + 1;
    } else if (is_digit(c)) {
      size_t k = j;
      while (k < to && is_digit(s[k])) ++k;
      Strength strength = Strength::kWeak;
      if (!in_url(s, token) && marker_end(s, k, to)) {
        int m = ascii_marker(s, from, j, k, strength);
        if (m > 0) {
          size_t at = strength == Strength::kMedium ? j + 4 : j;
          out.push_back({static_cast<uint32_t>(at), m, strength, false, -1});
        }
      }
      j = k;
    } else {
      ++j;
    }
  }
}

}  // namespace kg::seg
