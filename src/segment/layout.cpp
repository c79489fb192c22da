#include "segment/layout.h"

#include <re2/re2.h>

#include <array>
#include <limits>
#include <string_view>
#include <unordered_set>

namespace kg::seg {
namespace {

constexpr size_t kSignalLines = 80;     // the letterhead is within the first lines
constexpr size_t kSignalBytes = 65536;  // and so is the Aanhangsel's front matter
constexpr size_t kMaxHeaderLine = 60;   // letterhead lines repeated on later pages are short
constexpr size_t kMinHeaderLine = 3;
constexpr int kMinLetterLabels = 2;
constexpr size_t kMinNewsQuotes = 4;
constexpr size_t kMinNewsLine = 200;    // prose has long lines
constexpr size_t kMaxMetaPrefix = 200;  // "date 2021-09" is at the very start
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

constexpr std::array<std::string_view, 6> kLetterLabels = {
    "Datum", "Betreft", "Ons kenmerk", "Uw kenmerk", "Geachte", "> Retouradres"};

const RE2& news_re() {
  static const RE2 re(
      R"((?i:date|datum|published|gepubliceerd)\s*:?\s*(?:\d{4}-\d{2}(?:-\d{2})?|\d{1,2} \pL+ \d{4}))");
  return re;
}

struct Signals {
  size_t questions = 0;
  size_t answers = 0;
  size_t bullets = 0;
  size_t lone_answers = 0;
  bool openkamer_title = false;
  int letter_labels = 0;
  bool aanhangsel = false;
};

std::string_view trimmed(const Lines& L, const Line& l) {
  return view(L.s, trim(L.s, l.begin, l.end));
}

bool label_at(std::string_view t, std::string_view label) {
  if (!t.starts_with(label)) return false;
  if (t.size() == label.size()) return true;
  char c = t[label.size()];
  return c == ' ' || c == '\t' || c == ':';
}

Signals signals_of(const Lines& L) {
  Signals sig;
  for (const Line& l : L.v) {
    sig.questions += l.kind == Kind::kQuestion;
    sig.answers += l.kind == Kind::kAnswer;
    sig.bullets += l.kind == Kind::kBullet;
    sig.lone_answers += l.kind == Kind::kLoneAnswer;
  }
  std::array<bool, kLetterLabels.size()> found{};
  size_t seen = 0;
  for (size_t i = 0; i < L.v.size() && seen < kSignalLines; ++i) {
    if (L.v[i].kind == Kind::kBlank) continue;
    std::string_view t = trimmed(L, L.v[i]);
    if (seen++ == 0) {
      sig.openkamer_title = t.starts_with("Kamervraag ") && t.size() > 11 && is_digit(t[11]);
    }
    for (size_t k = 0; k < kLetterLabels.size(); ++k) found[k] |= label_at(t, kLetterLabels[k]);
  }
  for (bool f : found) sig.letter_labels += f;
  std::string_view head = L.s.substr(0, kSignalBytes);
  for (std::string_view w :
       {"Vragen van het lid", "Vragen van de leden", "Aanhangsel van de Handelingen"}) {
    sig.aanhangsel |= head.find(w) != std::string_view::npos;
  }
  return sig;
}

bool looks_like_news(std::string_view s) {
  size_t quotes = 0;
  size_t line = 0;
  size_t longest = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    line = c == '\n' ? 0 : line + 1;
    longest = std::max(longest, line);
    if (c == '"') ++quotes;
    std::string_view three = s.substr(i, 3);
    if (three == "\xE2\x80\x9C" || three == "\xE2\x80\x9D" || s.substr(i, 2) == "\xC2\xAB")
      ++quotes;
  }
  return quotes >= kMinNewsQuotes && longest >= kMinNewsLine;
}

// Demotes the headings of other styles to text.
void keep_style(Lines& L, Style style) {
  for (Line& l : L.v) {
    Kind k = l.kind;
    bool keep = true;
    switch (style) {
      case Style::kKeyword:
        keep = k != Kind::kBullet && k != Kind::kNotice && k != Kind::kLoneAnswer &&
               k != Kind::kTrailer;
        break;
      case Style::kBullet:
        keep = k != Kind::kQuestion && k != Kind::kAnswer && k != Kind::kLoneAnswer;
        break;
      case Style::kBare:
        keep = k != Kind::kQuestion && k != Kind::kAnswer && k != Kind::kBullet &&
               k != Kind::kNotice && k != Kind::kTrailer;
        break;
    }
    if (!keep) l.kind = Kind::kText;
  }
}

// A letter's question numbers: "1" alone, the question on the next lines, an "Antwoord" line
// before the next lone number. Numbers count up (a gap of two allowed), so that a page number
// in an answer is not taken for a question.
void resolve_bare_questions(Lines& L) {
  const size_t n = L.v.size();
  std::vector<uint32_t> next_answer(n + 1, kNone);
  std::vector<uint32_t> next_number(n + 1, kNone);
  for (size_t i = n; i-- > 0;) {
    next_answer[i] =
        L.v[i].kind == Kind::kLoneAnswer ? static_cast<uint32_t>(i) : next_answer[i + 1];
    next_number[i] =
        L.v[i].kind == Kind::kLoneNumber ? static_cast<uint32_t>(i) : next_number[i + 1];
  }
  int expected = 1;
  for (size_t i = 0; i < n; ++i) {
    Line& l = L.v[i];
    if (l.kind != Kind::kLoneNumber) continue;
    int v = L.numbers[l.numbers].front();
    if (v < expected || v > expected + 2) continue;
    size_t j = i + 1;
    while (j < n && L.v[j].kind == Kind::kBlank) ++j;
    if (j >= n || L.v[j].kind != Kind::kText) continue;
    uint32_t a = next_answer[i + 1];
    uint32_t m = next_number[i + 1];
    if (a == kNone || (m != kNone && m < a)) continue;
    l.kind = Kind::kQuestion;
    expected = v + 1;
  }
}

// Letterhead lines that come back at the top of later pages are page artefacts there.
void mark_repeated_letterhead(Lines& L) {
  size_t first = 0;
  while (first < L.v.size() && L.v[first].kind != Kind::kQuestion) ++first;
  std::unordered_set<std::string_view> head;
  for (size_t i = 0; i < first; ++i) {
    std::string_view t = trimmed(L, L.v[i]);
    if (t.size() >= kMinHeaderLine && t.size() <= kMaxHeaderLine) head.insert(t);
  }
  for (size_t i = first; i < L.v.size(); ++i) {
    if (L.v[i].kind == Kind::kText && head.count(trimmed(L, L.v[i])) > 0) {
      L.v[i].kind = Kind::kPageArtefact;
    }
  }
}

}  // namespace

LayoutChoice choose_layout(Lines& L) {
  Signals sig = signals_of(L);
  LayoutChoice c;
  bool letter = sig.letter_labels >= kMinLetterLabels;
  if (sig.bullets > 0 || sig.openkamer_title) {
    c = {Layout::kOpenKamer, Style::kBullet};
  } else if (letter && sig.questions > 0 && sig.answers > 0) {
    c = {Layout::kLetter, Style::kKeyword};
  } else if (letter || (sig.lone_answers > 0 && sig.questions + sig.answers == 0)) {
    c = {Layout::kLetter, Style::kBare};
  } else if (sig.questions + sig.answers > 0 || sig.aanhangsel) {
    c = {Layout::kAanhangsel, Style::kKeyword};
  } else if (news_header(L) || looks_like_news(L.s)) {
    c.layout = Layout::kNews;
  }
  if (!c.style) return c;
  keep_style(L, *c.style);
  if (*c.style == Style::kBare) resolve_bare_questions(L);
  if (c.layout == Layout::kLetter) mark_repeated_letterhead(L);
  return c;
}

std::optional<Range> news_header(const Lines& L) {
  for (const Line& l : L.v) {
    if (l.kind == Kind::kBlank) continue;
    Range t = trim(L.s, l.begin, l.end);
    std::string_view v = view(L.s, t).substr(0, kMaxMetaPrefix);
    re2::StringPiece m;
    if (!news_re().Match(v, 0, v.size(), RE2::ANCHOR_START, &m, 1)) return std::nullopt;
    return Range{t.begin, t.begin + static_cast<uint32_t>(m.size())};
  }
  return std::nullopt;
}

std::optional<Range> salutation(const Lines& L) {
  size_t seen = 0;
  for (size_t i = 0; i < L.v.size() && seen < kSignalLines; ++i) {
    if (L.v[i].kind == Kind::kBlank) continue;
    ++seen;
    Range t = trim(L.s, L.v[i].begin, L.v[i].end);
    if (label_at(view(L.s, t), "Geachte")) return t;
  }
  return std::nullopt;
}

uint32_t header_sentence(const Lines& L) {
  std::string_view head = L.s.substr(0, kSignalBytes);
  size_t p = head.find("Vragen van ");
  return p == std::string_view::npos ? 0 : static_cast<uint32_t>(p);
}

}  // namespace kg::seg
