#include "segment/footnotes.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "segment/refs.h"

namespace kg::seg {
namespace {

constexpr int kMaxMarker = 999;
constexpr int kMaxWeakMarker = 99;
constexpr size_t kMaxCandidates = 100000;  // bounds memory on adversarial input
constexpr size_t kMaxNoteLines = 6;        // a footnote text runs to at most this many lines
constexpr size_t kMaxMarkerGap = 8;        // lines between a lone marker and its text
constexpr size_t kMaxTailLines = 2;        // a page-bottom remainder of a footnote
constexpr uint32_t kMaxTailBytes = 400;

enum class Shape : uint8_t {
  kNone,
  kSpaced,  // "1 Kamerstuk 30 821", "¹ Xiaomi Tops ..."
  kGlued,   // "1AD.nl, 7 december 2023", "4(Aanhangsel ..."
  kLone,    // "1" alone, the text on the next lines
};

struct Start {
  Shape shape = Shape::kNone;
  int marker = 0;
  uint32_t text = 0;
};

bool starts(std::string_view s, size_t p, std::string_view w) { return s.substr(p, w.size()) == w; }

// What a footnote text glued to its marker starts with: "1AD.nl", "4(Aanhangsel", "1«…", "2https".
bool glued_text(std::string_view s, size_t p, size_t end) {
  if (p >= end) return false;
  char c = s[p];
  return (c >= 'A' && c <= 'Z') || c == '(' || c == '"' || c == '[' || starts(s, p, "\xC2\xAB") ||
         starts(s, p, "http") || starts(s, p, "www.");
}

class Scanner {
 public:
  Scanner(Lines& lines, uint32_t scope) : L_(lines), s_(lines.s), scope_(scope) {}

  FootnoteScan run() {
    const size_t n = L_.v.size();
    for (size_t i = 0; i < n; ++i) {
      Line& ln = L_.v[i];
      if (ln.end < scope_ || ln.kind == Kind::kBlank || ln.kind == Kind::kFootnote ||
          is_artefact(ln.kind)) {
        continue;
      }
      bool after_break = i == 0 || ln.page_break || L_.v[i - 1].kind == Kind::kBlank ||
                         L_.v[i - 1].kind == Kind::kFootnote || is_artefact(L_.v[i - 1].kind);
      if (is_heading(ln.kind)) {
        if (ln.weak_marker > 0) add({ln.weak_at, ln.weak_marker, Strength::kWeak, false, -1});
        if (ln.rest < ln.end) scan(std::max(ln.rest, scope_), ln.end);
        run_max_ = 0;
        continue;
      }
      if (ln.begin >= scope_) {
        Start st = start_of(i, after_break);
        if (st.shape != Shape::kNone) {
          if (std::optional<size_t> last = define(i, st)) {
            i = *last;
            continue;
          }
        }
      }
      run_max_ = 0;
      if (ln.kind == Kind::kLoneNumber) {
        int m = L_.numbers[ln.numbers].front();
        Range t = trim(s_, ln.begin, ln.end);
        if (m <= kMaxWeakMarker) add({t.begin, m, Strength::kWeak, false, static_cast<int32_t>(i)});
      } else if (ln.kind == Kind::kText) {
        weak_line_start(ln);
        scan(std::max(ln.begin, scope_), ln.end);
      }
    }
    return std::move(out_);
  }

 private:
  // Per-marker tables grow to the highest marker seen (usually a few dozen).
  void ensure(int m) {
    auto size = static_cast<size_t>(m) + 1;
    if (counts_.size() >= size) return;
    counts_.resize(size);
    lists_.resize(size);
    defined_.resize(size, -1);
  }

  void add(const RefCandidate& c) {
    if (c.marker < 1 || c.marker > kMaxMarker || out_.candidates.size() >= kMaxCandidates) return;
    ensure(c.marker);
    lists_[c.marker].push_back(static_cast<uint32_t>(out_.candidates.size()));
    ++counts_[c.marker][static_cast<size_t>(c.strength)];
    out_.candidates.push_back(c);
  }

  void scan(uint32_t from, uint32_t to) {
    buf_.clear();
    scan_refs(s_, from, to, buf_);
    for (const RefCandidate& c : buf_) add(c);
  }

  // "3 ingegaan op het proces": a marker set at the start of the line it refers from (pdf-tekst).
  void weak_line_start(const Line& ln) {
    uint32_t k = ln.begin;
    int v = 0;
    while (k < ln.end && is_digit(s_[k]) && k - ln.begin < 3) v = v * 10 + (s_[k++] - '0');
    if (k == ln.begin || k - ln.begin > 2 || k >= ln.end || s_[k] != ' ') return;
    while (k < ln.end && s_[k] == ' ') ++k;
    if (k < ln.end && s_[k] >= 'a' && s_[k] <= 'z') add({ln.begin, v, Strength::kWeak, false, -1});
  }

  bool pending(int m, Strength min) const {
    if (m < 1 || static_cast<size_t>(m) >= counts_.size()) return false;
    uint32_t sum = 0;
    for (size_t k = static_cast<size_t>(min); k < 3; ++k) sum += counts_[m][k];
    return sum > 0;
  }

  // Whether line i starts a footnote text (a marker referred to before).
  Start start_of(size_t i, bool after_break) const {
    const Line& ln = L_.v[i];
    if (ln.kind == Kind::kLoneNumber) {
      // In a run of footnotes the next number is the next footnote, referred to or not (its
      // marker may be unrecognisable: "NIS24" is NIS2 with marker 4).
      int m = L_.numbers[ln.numbers].front();
      bool next_in_run = i > 0 && L_.v[i - 1].kind == Kind::kFootnote && m == run_max_ + 1;
      if (next_in_run || pending(m, Strength::kMedium)) return {Shape::kLone, m, ln.end};
      return {};
    }
    if (ln.kind != Kind::kText) return {};
    uint32_t k = ln.begin;
    int v = 0;
    size_t len = 0;
    int d = 0;
    bool super = false;
    for (int n = 0; n < 3 && k < ln.end && (d = superscript_digit(s_, k, len)) >= 0; ++n) {
      v = v * 10 + d;
      k += static_cast<uint32_t>(len);
      super = true;
    }
    if (!super) {
      while (k < ln.end && is_digit(s_[k]) && k - ln.begin <= 3) v = v * 10 + (s_[k++] - '0');
    }
    uint32_t digits = k - ln.begin;
    if (digits == 0 || v == 0 || (!super && digits > 3)) return {};
    uint32_t t = k;
    while (t < ln.end && (s_[t] == ' ' || s_[t] == '\t')) ++t;
    if (t > k) {
      if (t < ln.end && after_break && pending(v, Strength::kMedium)) return {Shape::kSpaced, v, t};
      return {};
    }
    if (!super && digits <= 2 && glued_text(s_, k, ln.end) && pending(v, Strength::kWeak)) {
      return {Shape::kGlued, v, k};
    }
    return {};
  }

  // The last line of the footnote text starting at line first.
  size_t extend(size_t first) const {
    const size_t n = L_.v.size();
    size_t k = first + 1;
    while (k < n && k - first < kMaxNoteLines) {
      const Line& l = L_.v[k];
      if (l.kind != Kind::kText || l.page_break || is_space(s_[l.begin]) ||
          start_of(k, true).shape != Shape::kNone) {
        break;
      }
      ++k;
    }
    size_t last = k - 1;
    if (k >= n || L_.v[k].kind != Kind::kBlank) return last;
    // Chunked text can split a footnote at a blank line: a short paragraph between the footnote
    // and the end of the page (a footer, or where normalisation removed one) still belongs to it.
    size_t j = k;
    while (j < n && L_.v[j].kind == Kind::kBlank && j - k < 3) ++j;
    size_t p = j;
    uint32_t bytes = 0;
    while (p < n && p - j < kMaxTailLines && L_.v[p].kind == Kind::kText && !L_.v[p].page_break &&
           !is_space(s_[L_.v[p].begin]) && start_of(p, true).shape == Shape::kNone) {
      bytes += L_.v[p].end - L_.v[p].begin;
      ++p;
    }
    if (p == j || bytes > kMaxTailBytes) return last;
    size_t q = p;
    while (q < n && L_.v[q].kind == Kind::kBlank && q - p < 3) ++q;
    if (q < n &&
        (L_.v[q].kind == Kind::kFooter || L_.v[q].kind == Kind::kColophon || L_.v[q].page_break)) {
      return p - 1;
    }
    return last;
  }

  // Records the footnote starting at line i; nullopt when a lone number has no text after all.
  std::optional<size_t> define(size_t i, const Start& st) {
    const size_t n = L_.v.size();
    size_t first = i;
    uint32_t text_begin = st.text;
    bool textless = false;
    if (st.shape == Shape::kLone) {
      // pdftotext can put a marker after the footnotes that follow it ("11 … 12 … 10"): its text
      // is lost among theirs.
      textless = st.marker < run_max_;
      size_t j = i + 1;
      while (j < n && j - i <= kMaxMarkerGap &&
             (L_.v[j].kind == Kind::kBlank || L_.v[j].kind == Kind::kColophon)) {
        ++j;
      }
      if (!textless) {
        if (j >= n || j - i > kMaxMarkerGap || L_.v[j].kind != Kind::kText) return std::nullopt;
        first = j;
        text_begin = L_.v[j].begin;
      }
    }
    size_t last = textless ? i : extend(first);
    L_.v[i].kind = Kind::kFootnote;
    for (size_t k = first; k <= last; ++k) L_.v[k].kind = Kind::kFootnote;
    Footnote fn;
    fn.marker = std::to_string(st.marker);
    if (!textless) fn.text = trim(s_, text_begin, L_.v[last].end);
    ensure(st.marker);
    claim(st.marker, fn);
    int32_t& slot = defined_[st.marker];
    if (slot >= 0) {  // a repeated chunk: the first definition stands
      auto& refs = out_.footnotes[slot].refs;
      refs.insert(refs.end(), fn.refs.begin(), fn.refs.end());
    } else {
      slot = static_cast<int32_t>(out_.footnotes.size());
      out_.footnotes.push_back(std::move(fn));
    }
    run_max_ = std::max(run_max_, st.marker);
    return last;
  }

  // The strongest unclaimed candidates for m become the footnote's references; weaker ones are
  // dropped so that every candidate is looked at once.
  void claim(int m, Footnote& fn) {
    auto& list = lists_[m];
    Strength best = Strength::kWeak;
    for (uint32_t idx : list) best = std::max(best, out_.candidates[idx].strength);
    for (uint32_t idx : list) {
      RefCandidate& c = out_.candidates[idx];
      if (c.strength != best) continue;
      c.claimed = true;
      fn.refs.push_back({c.at});
      if (c.line >= 0) L_.v[c.line].ref_line = true;
    }
    list.clear();
    counts_[m] = {0, 0, 0};
  }

  Lines& L_;
  std::string_view s_;
  uint32_t scope_;
  std::vector<std::array<uint32_t, 3>> counts_;  // unclaimed candidates per marker and strength
  std::vector<std::vector<uint32_t>> lists_;     // their indices into out_.candidates
  std::vector<int32_t> defined_;                 // footnote index per marker, -1 if none
  int run_max_ = 0;  // the highest marker in the current run of footnote lines
  FootnoteScan out_;
  std::vector<RefCandidate> buf_;
};

}  // namespace

FootnoteScan find_footnotes(Lines& lines, uint32_t scope_begin) {
  return Scanner(lines, scope_begin).run();
}

void chain_markers(FootnoteScan& scan) {
  int last = 0;
  for (RefCandidate& c : scan.candidates) {
    if (c.claimed || c.strength == Strength::kWeak) continue;
    bool next = last == 0 ? c.marker <= 2 : (c.marker == last + 1 || c.marker == last + 2);
    if (!next) continue;
    Footnote fn;
    fn.marker = std::to_string(c.marker);
    fn.refs.push_back({c.at});
    c.claimed = true;
    scan.footnotes.push_back(std::move(fn));
    last = c.marker;
  }
}

}  // namespace kg::seg
