#include "resolve/claims_sentences.h"

#include <algorithm>
#include <array>

#include "read/normalise.h"

namespace kg {
namespace {

// Folded abbreviations that end in a period without ending the sentence. Words with an
// inner period ("o.a.", "m.b.t.") and single letters (initials) are abbreviations too.
// Abbreviations usually followed by a lowercase word or a number ("jl.", "ca.") need no
// entry: only a capital starts a sentence.
constexpr std::array<std::string_view, 18> kAbbreviations = {
    "nr",  "nrs", "art",  "artt", "mr",  "dr",  "drs",   "prof", "ir",
    "ing", "dhr", "mevr", "mw",   "zgn", "stb", "stcrt", "bijv", "bv"};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// « and » are two bytes in UTF-8: C2 AB and C2 BB.
bool opens_title(std::string_view t, uint32_t i) {
  return i + 1 < t.size() && t[i] == '\xC2' && t[i + 1] == '\xAB';
}
bool closes_title(std::string_view t, uint32_t i) {
  return i + 1 < t.size() && t[i] == '\xC2' && t[i + 1] == '\xBB';
}

bool starts_upper(std::string_view t, uint32_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  size_t at = i;
  char32_t cp = decode_utf8(t, at);
  std::string folded, same;
  fold_append(cp, folded);
  encode_utf8(cp, same);
  return folded != same && !folded.empty() && folded[0] != same[0];
}

// True when the next sentence may start at t[i]: a capital, a quote, a title or a bullet.
bool sentence_start(std::string_view t, uint32_t i) {
  char c = t[i];
  return starts_upper(t, i) || c == '"' || c == '(' || opens_title(t, i) ||
         (i + 2 < t.size() && t.substr(i, 3) == "\xE2\x80\xA2");  // •
}

// True when the period at t[dot] closes an abbreviation or an initial.
bool abbreviation_before(std::string_view t, uint32_t begin, uint32_t dot) {
  uint32_t w = dot;
  while (w > begin && !is_space(t[w - 1]) && t[w - 1] != '(') --w;
  std::string word = fold(t.substr(w, dot - w));
  if (word.empty()) return false;
  if (word.find('.') != std::string::npos) return true;                   // o.a., m.b.t.
  if (word.size() == 1 && word[0] >= 'a' && word[0] <= 'z') return true;  // an initial
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

// Paragraphs of a part: split at blank lines.
std::vector<Range> paragraphs(std::string_view t, Range part) {
  std::vector<Range> out;
  uint32_t start = part.begin;
  for (uint32_t i = part.begin; i < part.end; ++i) {
    if (t[i] != '\n') continue;
    uint32_t j = i + 1;
    while (j < part.end && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) ++j;
    if (j < part.end && t[j] == '\n') {
      out.push_back({start, i});
      start = j;
      i = j;
    }
  }
  out.push_back({start, part.end});
  return out;
}

// Quotation marks and «» pair up within the paragraph: only then can they shield
// sentence ends inside them.
bool balanced(std::string_view t, Range r) {
  int quotes = 0, titles = 0;
  for (uint32_t i = r.begin; i < r.end; ++i) {
    if (t[i] == '"')
      ++quotes;
    else if (opens_title(t, i))
      ++titles;
    else if (closes_title(t, i))
      --titles;
    if (titles < 0) return false;
  }
  return quotes % 2 == 0 && titles == 0;
}

class Splitter {
 public:
  Splitter(std::string_view t, const std::vector<Range>& parts) : t_(t), parts_(parts) {}

  std::vector<Sentence> run() {
    for (Range part : parts_) {
      std::vector<Range> paras = paragraphs(t_, part);
      for (size_t p = 0; p < paras.size(); ++p) scan(paras[p], p + 1 == paras.size());
      // A part that ends mid-sentence continues in the next (a footnote was cut out).
      uint32_t e = part.end;
      while (e > part.begin && is_space(t_[e - 1])) --e;
      if (open_ && e > part.begin &&
          std::string_view(".!?\"").find(t_[e - 1]) != std::string_view::npos) {
        close(part.end);
      }
    }
    if (open_) close(parts_.back().end);
    return std::move(out_);
  }

 private:
  bool end_mark_before(uint32_t i) const {
    return i > start_ && std::string_view(".!?").find(t_[i - 1]) != std::string_view::npos;
  }

  void scan(Range para, bool last) {
    bool shield = balanced(t_, para);
    bool quote = false;
    int title = 0;
    for (uint32_t i = para.begin; i < para.end; ++i) {
      char c = t_[i];
      if (!open_ && !is_space(c)) {
        open_ = true;
        start_ = i;
      }
      if (!open_) continue;
      // The byte after a candidate sentence end: after . ! ? outside quotes and titles, or
      // after the quote or title that closes right behind one.
      uint32_t j = 0;
      if (shield && c == '"') {
        quote = !quote;
        if (!quote && title == 0 && end_mark_before(i)) j = i + 1;
      } else if (shield && opens_title(t_, i)) {
        ++title;
      } else if (shield && closes_title(t_, i)) {
        title = std::max(0, title - 1);
        if (title == 0 && !quote && end_mark_before(i)) j = i + 2;
      } else if (!quote && title == 0 && (c == '.' || c == '!' || c == '?')) {
        if (c == '.' && abbreviation_before(t_, start_, i)) continue;
        j = i + 1;
      }
      if (j == 0) continue;
      // Closing marks, then a footnote marker of one or two digits, possibly in brackets
      // as a Markdown conversion writes it ("[5 ]").
      while (j < para.end && (t_[j] == ')' || t_[j] == '\'' || (t_[j] == '"' && !shield))) ++j;
      uint32_t digits = j;
      while (digits < para.end && digits - j < 3 && t_[digits] >= '0' && t_[digits] <= '9')
        ++digits;
      if (digits - j <= 2) j = digits;
      if (j < para.end && t_[j] == '[') {
        uint32_t close = j + 1;
        while (close < para.end && close - j < 6 &&
               (t_[close] == ' ' || (t_[close] >= '0' && t_[close] <= '9')))
          ++close;
        if (close < para.end && t_[close] == ']') j = close + 1;
      }
      if (j < para.end && !is_space(t_[j])) continue;
      uint32_t k = j;
      while (k < para.end && is_space(t_[k])) ++k;
      if (k < para.end && !sentence_start(t_, k)) continue;
      close(j);
      i = j - 1;
    }
    if (open_ && !last) close(para.end);
  }

  void close(uint32_t end) {
    while (end > start_ && is_space(t_[end - 1])) --end;
    open_ = false;
    if (end <= start_) return;
    Sentence s{{start_, end}, {}};
    for (Range part : parts_) {
      uint32_t b = std::max(part.begin, start_), e = std::min(part.end, end);
      if (b < e) s.pieces.push_back({b, e});
    }
    out_.push_back(std::move(s));
  }

  std::string_view t_;
  const std::vector<Range>& parts_;
  std::vector<Sentence> out_;
  bool open_ = false;
  uint32_t start_ = 0;
};

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Range>& parts) {
  if (parts.empty()) return {};
  return Splitter(text, parts).run();
}

std::string sentence_text(std::string_view text, const Sentence& s) {
  std::string out;
  for (Range piece : s.pieces) {
    std::string part = display(text.substr(piece.begin, piece.size()));
    if (part.empty()) continue;
    // No space before punctuation where a footnote marker was cut out ("Xinjiang5.").
    if (!out.empty() && std::string_view(".,;:!?)").find(part[0]) == std::string_view::npos) {
      out += ' ';
    }
    out += part;
  }
  return out;
}

}  // namespace kg
