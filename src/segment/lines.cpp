#include "segment/lines.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstring>

#include "segment/headings.h"

namespace kg::seg {
namespace {

constexpr std::string_view kFooterStart = "Tweede Kamer, vergaderjaar";
// Source bytes removed between two lines beyond which a page artefact was there. Normalisation
// also removes a few bytes for other reasons (a curly quote, CRLF, a hyphenated line break).
constexpr uint32_t kMinRemoved = 6;

// The page footer of the Aanhangsel, page number included when it is on the same line.
const RE2& footer_re() {
  static const RE2 re(
      R"(Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{2,4},?\s*Aanhangsel(?:[ \t]*\d{1,4})?)");
  return re;
}

// Colophon lines of page 1: "ah-tk-20232024-909", "ISSN 0921 - 7398", "’s-Gravenhage 2024",
// the Markdown "h tk 20232024 387". Whole line (the document id may run into the ISSN).
const RE2& colophon_re() {
  static const RE2 re(
      R"((?:(?:ah|kv)-tk-\d{6,8}-\d+(?:\s.*)?|ISSN \d{4}.*|(?:’|')s-Gravenhage \d{4}|h tk \d{8} \d+|Pagina \d+ van \d+))");
  return re;
}

bool blank(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (is_space(s[i])) continue;
    if (s.substr(i, 2) == "\xC2\xA0") {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

bool dashes(std::string_view t) {
  return t.size() >= 3 && std::all_of(t.begin(), t.end(), [](char c) { return c == '-'; });
}

// Length of the footer at the start of t, or 0.
size_t footer_length(std::string_view t) {
  if (!t.starts_with(kFooterStart)) return 0;
  re2::StringPiece m;
  if (!footer_re().Match(t, 0, t.size(), RE2::ANCHOR_START, &m, 1)) return 0;
  return m.size();
}

void classify(Lines& out, uint32_t b, uint32_t e) {
  Line ln;
  ln.begin = b;
  ln.end = e;
  ln.rest = e;
  std::string_view line = out.s.substr(b, e - b);
  Range t = trim(out.s, b, e);
  std::string_view tv = view(out.s, t);
  Heading h;
  if (blank(line)) {
    ln.kind = Kind::kBlank;
  } else if (footer_length(tv) > 0 || dashes(tv)) {
    ln.kind = Kind::kFooter;
  } else if (tv.size() < 200 &&
             std::string_view("akIh'\xE2P").find(tv[0]) != std::string_view::npos &&
             RE2::FullMatch(tv, colophon_re())) {
    ln.kind = Kind::kColophon;
  } else if (parse_heading(line, h)) {
    ln.kind = h.kind;
    ln.heading =
        Range{b + static_cast<uint32_t>(h.head_begin), b + static_cast<uint32_t>(h.head_end)};
    ln.heading = trim(out.s, ln.heading.begin, ln.heading.end);
    ln.rest = b + static_cast<uint32_t>(std::min(h.rest, line.size()));
    ln.weak_marker = h.weak_marker;
    ln.weak_at = b + static_cast<uint32_t>(h.weak_at);
    if (!h.numbers.empty()) {
      ln.numbers = static_cast<int32_t>(out.numbers.size());
      out.numbers.push_back(std::move(h.numbers));
    }
  }
  out.v.push_back(ln);
}

// Adds the physical line [b, e), split where a page footer is glued inside it.
void add_line(Lines& out, uint32_t b, uint32_t e) {
  while (true) {
    std::string_view line = out.s.substr(b, e - b);
    size_t f = line.find(kFooterStart);
    if (f == std::string_view::npos) break;
    if (f > 0 && !blank(line.substr(0, f))) {
      classify(out, b, b + static_cast<uint32_t>(f));
      b += static_cast<uint32_t>(f);
      continue;
    }
    size_t len = footer_length(line.substr(f));
    if (len == 0) break;
    uint32_t cut = b + static_cast<uint32_t>(f + len);
    if (blank(out.s.substr(cut, e - cut))) break;
    classify(out, b, cut);
    b = cut;
  }
  classify(out, b, e);
}

void mark_removals(Lines& out, const std::vector<uint32_t>& to_src) {
  if (to_src.size() != out.s.size() + 1) return;
  for (size_t k = 1; k < out.v.size(); ++k) {
    const Line& prev = out.v[k - 1];
    Line& l = out.v[k];
    if (to_src[l.begin] < to_src[prev.end]) continue;
    uint32_t src = to_src[l.begin] - to_src[prev.end];
    l.page_break = src >= l.begin - prev.end + kMinRemoved;
  }
}

// pdftotext puts the page number on its own line after the footer.
void mark_page_numbers(Lines& out) {
  for (size_t i = 0; i < out.v.size(); ++i) {
    if (out.v[i].kind != Kind::kFooter) continue;
    size_t j = i + 1;
    while (j < out.v.size() && out.v[j].kind == Kind::kBlank) ++j;
    if (j < out.v.size() && out.v[j].kind == Kind::kLoneNumber) out.v[j].kind = Kind::kPageArtefact;
  }
}

}  // namespace

Range trim(std::string_view s, uint32_t begin, uint32_t end) {
  while (begin < end) {
    if (is_space(s[begin])) {
      ++begin;
    } else if (end - begin >= 2 && s.substr(begin, 2) == "\xC2\xA0") {
      begin += 2;
    } else {
      break;
    }
  }
  while (end > begin) {
    if (is_space(s[end - 1])) {
      --end;
    } else if (end - begin >= 2 && s.substr(end - 2, 2) == "\xC2\xA0") {
      end -= 2;
    } else {
      break;
    }
  }
  return Range{begin, end};
}

Lines split_lines(std::string_view s, const std::vector<uint32_t>& to_src) {
  Lines out;
  out.s = s;
  out.v.reserve(static_cast<size_t>(std::count(s.begin(), s.end(), '\n')) + 1);
  uint32_t b = 0;
  const auto size = static_cast<uint32_t>(s.size());
  // The next LF and FF at or after b, each searched again only once passed: linear overall.
  auto next = [&](char c, uint32_t from) {
    const void* p = std::memchr(s.data() + from, c, size - from);
    return p ? static_cast<uint32_t>(static_cast<const char*>(p) - s.data()) : size;
  };
  uint32_t nl = next('\n', 0);
  uint32_t ff = next('\f', 0);
  while (true) {
    if (nl < b) nl = next('\n', b);
    if (ff < b) ff = next('\f', b);
    uint32_t e = std::min(nl, ff);
    add_line(out, b, e);
    if (e >= size) break;
    b = e + 1;
  }
  mark_page_numbers(out);
  mark_removals(out, to_src);
  return out;
}

}  // namespace kg::seg
