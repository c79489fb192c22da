#include "segment/blocks.h"

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_set>

namespace kg::seg {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
constexpr size_t kMinRepeatedLine = 24;  // shorter lines ("Ja.") may repeat legitimately

bool is_event(Kind k, Style style) {
  switch (style) {
    case Style::kKeyword:
      return k == Kind::kQuestion || k == Kind::kAnswer;
    case Style::kBare:
      return k == Kind::kQuestion || k == Kind::kLoneAnswer;
    case Style::kBullet:
      return k == Kind::kBullet || k == Kind::kNotice;
  }
  return false;
}

bool is_question(Kind k) { return k == Kind::kQuestion || k == Kind::kBullet; }

// Collects the text of a line range into parts: blank lines stay inside a part, anything left
// out (footnotes, page artefacts, marker lines, repeated lines) ends one.
class Collector {
 public:
  Collector(const Lines& lines, bool drop_repeats) : L_(lines), drop_repeats_(drop_repeats) {}

  // Lines [from, to); the first from offset first_begin.
  std::vector<Range> collect(size_t from, uint32_t first_begin, size_t to) {
    std::vector<Range> parts;
    uint32_t cur_b = kNone;
    uint32_t cur_e = 0;
    auto close = [&] {
      if (cur_b == kNone) return;
      Range r = trim(L_.s, cur_b, cur_e);
      if (!r.empty()) parts.push_back(r);
      cur_b = kNone;
    };
    for (size_t k = from; k < to; ++k) {
      const Line& l = L_.v[k];
      uint32_t b = k == from ? std::max(first_begin, l.begin) : l.begin;
      if (b >= l.end || l.kind == Kind::kBlank) continue;
      bool glued = k == from && b > l.begin;  // text after a heading on its line
      bool text = (glued || l.kind == Kind::kText || l.kind == Kind::kLoneNumber) && !l.ref_line;
      if (text && drop_repeats_) text = !repeated(trim(L_.s, b, l.end));
      if (!text) {
        close();
        continue;
      }
      if (cur_b == kNone) cur_b = b;
      cur_e = l.end;
    }
    close();
    return parts;
  }

  void reset() { seen_.clear(); }

 private:
  bool repeated(Range r) {
    if (r.size() < kMinRepeatedLine) return false;
    return !seen_.insert(view(L_.s, r)).second;
  }

  const Lines& L_;
  bool drop_repeats_;
  std::unordered_set<std::string_view> seen_;
};

Range span(const std::vector<Range>& parts, uint32_t fallback) {
  if (parts.empty()) return Range{fallback, fallback};
  return Range{parts.front().begin, parts.back().end};
}

// The first paragraph of [from, to): from its first text line to the next blank line.
size_t paragraph_end(const Lines& L, size_t from, size_t to) {
  size_t k = from;
  while (k < to && L.v[k].kind == Kind::kBlank) ++k;
  while (k < to && L.v[k].kind != Kind::kBlank) ++k;
  return k;
}

}  // namespace

Blocks build_blocks(const Lines& L, Style style, size_t stop_line) {
  Blocks out;
  std::vector<size_t> events;
  for (size_t i = 0; i < stop_line; ++i) {
    Kind k = L.v[i].kind;
    if (!is_event(k, style)) continue;
    if (style == Style::kBare && k == Kind::kLoneAnswer && events.empty()) continue;
    events.push_back(i);
  }
  out.first_line = events.empty() ? L.v.size() : events.front();

  // Which headings stand: the first occurrence of each number per kind.
  std::unordered_set<int> seen_q;
  std::unordered_set<int> seen_a;
  std::vector<const std::vector<int>*> numbers(events.size(), nullptr);
  std::vector<bool> accepted(events.size(), true);
  bool repeats = false;
  const std::vector<int>* current = nullptr;  // bare style: the question being answered
  for (size_t e = 0; e < events.size(); ++e) {
    const Line& l = L.v[events[e]];
    if (l.kind == Kind::kNotice) continue;
    const std::vector<int>* nums = l.numbers >= 0 ? &L.numbers[l.numbers] : current;
    if (nums == nullptr) {
      accepted[e] = false;
      continue;
    }
    auto& seen = is_question(l.kind) ? seen_q : seen_a;
    bool dup = false;
    for (int n : *nums) dup |= seen.count(n) > 0;
    if (dup) {
      accepted[e] = false;
      repeats = true;
      continue;
    }
    seen.insert(nums->begin(), nums->end());
    numbers[e] = nums;
    if (l.kind == Kind::kQuestion) current = nums;
  }

  Collector col(L, repeats);
  for (size_t e = 0; e < events.size(); ++e) {
    size_t i = events[e];
    size_t next = e + 1 < events.size() ? events[e + 1] : stop_line;
    const Line& l = L.v[i];
    if (!accepted[e]) {
      out.skipped.push_back(Range{l.begin, next < L.v.size() ? L.v[next].begin : L.v.back().end});
      continue;
    }
    col.reset();
    uint32_t after = l.heading.end;
    if (l.kind == Kind::kNotice) {
      std::vector<Range> parts = col.collect(i + 1, 0, next);
      out.notices.push_back(Notice{l.heading, span(parts, after)});
      continue;
    }
    if (l.kind == Kind::kBullet) {
      size_t p = paragraph_end(L, i + 1, next);
      std::vector<Range> q = col.collect(i + 1, 0, p);
      std::vector<Range> a = col.collect(p, 0, next);
      Range qbody = span(q, after);
      out.questions.push_back(Block{*numbers[e], l.heading, qbody, std::move(q)});
      if (!a.empty()) {
        Range abody = span(a, qbody.end);
        out.answers.push_back(
            Block{*numbers[e], Range{abody.begin, abody.begin}, abody, std::move(a)});
      }
      continue;
    }
    // A keyword heading may have text glued after it on its line; a bare one has not.
    std::vector<Range> parts =
        style == Style::kKeyword ? col.collect(i, l.rest, next) : col.collect(i + 1, 0, next);
    Range body = span(parts, after);
    auto& list = is_question(l.kind) ? out.questions : out.answers;
    list.push_back(Block{*numbers[e], l.heading, body, std::move(parts)});
  }
  return out;
}

std::vector<Range> paragraphs(const Lines& L, uint32_t from, size_t stop_line) {
  std::vector<Range> out;
  uint32_t cur_b = kNone;
  uint32_t cur_e = 0;
  auto close = [&] {
    if (cur_b == kNone) return;
    Range r = trim(L.s, cur_b, cur_e);
    if (!r.empty()) out.push_back(r);
    cur_b = kNone;
  };
  for (size_t k = 0; k < stop_line && k < L.v.size(); ++k) {
    const Line& l = L.v[k];
    if (l.end <= from) continue;
    if (l.kind == Kind::kBlank || is_artefact(l.kind)) {
      close();
      continue;
    }
    if (cur_b == kNone) cur_b = std::max(l.begin, from);
    cur_e = l.end;
  }
  close();
  return out;
}

}  // namespace kg::seg
