#include "segment/headings.h"

#include <algorithm>

namespace kg::seg {
namespace {

constexpr size_t kMaxNumbers = 500;
constexpr int kMaxRange = 200;
constexpr size_t kMaxDigits = 5;
constexpr size_t kLookahead = 512;

bool starts(std::string_view s, size_t pos, std::string_view w) {
  return pos <= s.size() && s.substr(pos, w.size()) == w;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

int digits_value(std::string_view d) {
  int v = 0;
  for (char c : d) v = v * 10 + (c - '0');
  return v;
}

size_t skip_blanks(std::string_view s, size_t p) {
  while (p < s.size()) {
    if (s[p] == ' ' || s[p] == '\t' || s[p] == '\r') {
      ++p;
    } else if (starts(s, p, "\xC2\xA0")) {  // NBSP
      p += 2;
    } else {
      break;
    }
  }
  return p;
}

// A number of 1-5 digits, not zero, not glued to a letter or another digit ("1a", "1Bent").
bool read_number(std::string_view s, size_t& p, int& n) {
  size_t q = p;
  int v = 0;
  while (q < s.size() && is_digit(s[q]) && q - p <= kMaxDigits) v = v * 10 + (s[q++] - '0');
  if (q == p || q - p > kMaxDigits || v == 0) return false;
  if (q < s.size() && (is_digit(s[q]) || is_alpha(s[q]))) return false;
  n = v;
  p = q;
  return true;
}

// Keyword followed by at least one blank; advances p past both.
bool keyword(std::string_view s, size_t& p, std::string_view w) {
  if (!starts(s, p, w)) return false;
  size_t q = skip_blanks(s, p + w.size());
  if (q == p + w.size()) return false;
  p = q;
  return true;
}

// The first character of a sentence: an uppercase letter or an opening quote or bracket.
bool starts_sentence(std::string_view s, size_t p) {
  if (p >= s.size()) return false;
  char c = s[p];
  if ((c >= 'A' && c <= 'Z') || c == '"' || c == '\'' || c == '(') return true;
  if (starts(s, p, "\xC2\xAB") || starts(s, p, "\xE2\x80\x9C") || starts(s, p, "\xE2\x80\x98") ||
      starts(s, p, "\xE2\x80\x9E")) {
    return true;  // « “ ‘ „
  }
  // Latin-1 uppercase letters À..Þ are C3 80..C3 9E.
  return static_cast<unsigned char>(c) == 0xC3 && p + 1 < s.size() &&
         static_cast<unsigned char>(s[p + 1]) >= 0x80 &&
         static_cast<unsigned char>(s[p + 1]) <= 0x9E;
}

size_t bullet_length(std::string_view s, size_t p) {
  if (p >= s.size() || (s[p] != '\xE2' && s[p] != '\xC2' && s[p] != '*')) return 0;
  for (std::string_view b : {"\xE2\x80\xA2", "\xE2\x96\xAA", "\xC2\xB7", "\xE2\x97\xA6", "*"}) {
    if (starts(s, p, b)) return b.size();
  }
  return 0;
}

size_t trimmed_end(std::string_view s) {
  size_t e = s.size();
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  while (e >= 2 && s.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
  return e;
}

// "• Vraag 3" alone on its line, or "• Mededeling - 1 april 2022".
bool parse_bullet(std::string_view s, size_t p, size_t end, Heading& out) {
  size_t blen = bullet_length(s, p);
  if (blen == 0) return false;
  size_t q = skip_blanks(s, p + blen);
  if (q == p + blen) return false;
  if (starts(s, q, "Mededeling") && (q + 10 >= end || !is_alpha(s[q + 10]))) {
    out.kind = Kind::kNotice;
  } else if (keyword(s, q, "Vraag") && parse_numbers(s, q, out.numbers)) {
    if (q < end && s[q] == ':') ++q;
    if (skip_blanks(s, q) < end) return false;
    out.kind = Kind::kBullet;
  } else {
    return false;
  }
  out.head_begin = p;
  out.head_end = end;
  out.rest = s.size();
  return true;
}

// "Vraag 1", "Vragen 2, 3 en 4", "Antwoord op vraag 2 en 3", "Antwoord vragen 1 en 2", with
// optional Markdown decoration, a glued footnote marker before it and text glued after it.
bool parse_keyword(std::string_view s, size_t p, Heading& out) {
  size_t q = p;
  while (q < s.size() && is_digit(s[q]) && q - p < 3) ++q;
  if (q > p && q < s.size() && (s[q] == ' ' || s[q] == '\t')) {
    size_t k = skip_blanks(s, q);
    if (starts(s, k, "Vraag") || starts(s, k, "Antwoord")) {
      out.weak_marker = digits_value(s.substr(p, q - p));
      out.weak_at = p;
      p = k;
    }
  }
  while (p < s.size() && s[p] == '#') ++p;
  p = skip_blanks(s, p);
  if (starts(s, p, "**")) p += 2;
  size_t head = p;
  if (p >= s.size() || (s[p] != 'V' && s[p] != 'A')) return false;
  if (keyword(s, p, "Vragen") || keyword(s, p, "Vraag")) {
    out.kind = Kind::kQuestion;
  } else if (keyword(s, p, "Antwoorden") || keyword(s, p, "Antwoord")) {
    out.kind = Kind::kAnswer;
    keyword(s, p, "op");
    keyword(s, p, "de");
    if (!keyword(s, p, "vragen")) keyword(s, p, "vraag");
  } else {
    return false;
  }
  if (!parse_numbers(s, p, out.numbers)) return false;
  size_t head_end = p;  // the heading is keyword and numbers, without "**" or ':'
  if (starts(s, p, "**")) p += 2;
  bool separated = false;
  if (p < s.size() && (s[p] == ':' || s[p] == '.')) {
    ++p;
    separated = true;
  }
  size_t r = skip_blanks(s, p);
  if (r < s.size() && (s[r] == '-' || starts(s, r, "\xE2\x80\x93"))) {
    r = skip_blanks(s, r + (s[r] == '-' ? 1 : 3));
    separated = true;
  }
  if (r >= s.size()) {
    r = s.size();
  } else if ((r == p && !separated) || !starts_sentence(s, r)) {
    return false;
  }
  out.head_begin = head;
  out.head_end = head_end;
  out.rest = r;
  return true;
}

}  // namespace

bool parse_numbers(std::string_view s, size_t& pos, std::vector<int>& out) {
  size_t p = pos;
  int n = 0;
  if (!read_number(s, p, n)) return false;
  out.push_back(n);
  while (out.size() < kMaxNumbers) {
    size_t q = p;
    bool comma = false;
    while (q < s.size() && (s[q] == ' ' || s[q] == '\t' || s[q] == ',')) comma |= s[q++] == ',';
    bool conj = false;
    bool range = false;
    if (starts(s, q, "en ") || starts(s, q, "& ")) {
      conj = true;
      q += s[q] == 'e' ? 3 : 2;
    } else if (starts(s, q, "t/m ") || starts(s, q, "tot en met ")) {
      range = true;
      q += s[q + 1] == '/' ? 4 : 11;
    } else if (starts(s, q, "-") || starts(s, q, "\xE2\x80\x93")) {
      range = true;
      q += s[q] == '-' ? 1 : 3;
    }
    q = skip_blanks(s, q);
    int m = 0;
    size_t r = q;
    if (q == p || !read_number(s, r, m) || m <= out.back()) break;
    int prev = out.back();
    if (range) {
      if (m - prev > kMaxRange) break;
      for (int k = prev + 1; k <= m && out.size() < kMaxNumbers; ++k) out.push_back(k);
    } else if (!comma && !conj && m != prev + 1) {
      break;  // "Vraag 1 2018": only a missing comma between consecutive numbers is forgiven
    } else {
      out.push_back(m);
    }
    p = r;
  }
  pos = p;
  return true;
}

bool parse_heading(std::string_view line, Heading& out) {
  std::string_view s = line.substr(0, std::min(line.size(), kLookahead));
  size_t p = skip_blanks(s, 0);
  size_t end = trimmed_end(s);
  if (p >= end) return false;
  std::string_view t = s.substr(p, end - p);
  if (t == "Antwoord" || t == "Antwoord:" || t == "**Antwoord**") {
    out.kind = Kind::kLoneAnswer;
  } else if (t.size() <= 4 && std::all_of(t.begin(), t.end(), is_digit) && t != "0") {
    out.kind = Kind::kLoneNumber;
    out.numbers.push_back(digits_value(t));
  } else if (t.starts_with("Kamervraag document nummer") ||
             t.starts_with("Kamerantwoord document nummer")) {
    out.kind = Kind::kTrailer;
  } else if (parse_bullet(s, p, end, out) || parse_keyword(s, p, out)) {
    if (out.kind == Kind::kQuestion || out.kind == Kind::kAnswer) {
      if (out.rest >= s.size()) out.rest = line.size();
    }
    return true;
  } else {
    return false;
  }
  out.head_begin = p;
  out.head_end = end;
  out.rest = line.size();
  return true;
}

}  // namespace kg::seg
