// Segmentation: lines are classified by their syntax (lines.cpp, headings.cpp), the layout is
// chosen (layout.cpp), footnote texts are found and cut out (footnotes.cpp, refs.cpp), and the
// remaining text is grouped into blocks (blocks.cpp). Every step is one pass over the lines.
#include "segment/segment.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "segment/blocks.h"
#include "segment/footnotes.h"
#include "segment/layout.h"
#include "segment/lines.h"

namespace kg {
namespace {

using seg::Kind;
using seg::Lines;

bool inside(const std::vector<Range>& sorted, uint32_t at) {
  auto it = std::upper_bound(sorted.begin(), sorted.end(), at,
                             [](uint32_t x, const Range& r) { return x < r.begin; });
  return it != sorted.begin() && std::prev(it)->contains(at);
}

// References inside a left-out repeated chunk are dropped; a footnote known only by its
// references goes with them.
void drop_skipped_refs(std::vector<Footnote>& notes, const std::vector<Range>& skipped) {
  if (skipped.empty()) return;
  for (Footnote& fn : notes) {
    std::erase_if(fn.refs, [&](const FootnoteRef& r) { return inside(skipped, r.at); });
  }
  std::erase_if(notes, [](const Footnote& fn) { return fn.text.empty() && fn.refs.empty(); });
}

// The first trailer line after the first bullet (openkamer), or the end.
size_t trailer_line(const Lines& L) {
  size_t i = 0;
  while (i < L.v.size() && L.v[i].kind != Kind::kBullet && L.v[i].kind != Kind::kNotice) ++i;
  while (i < L.v.size() && L.v[i].kind != Kind::kTrailer) ++i;
  return i;
}

// The header of a document in which no heading was found.
Range plain_header(const Lines& L, Layout layout) {
  std::optional<Range> r;
  if (layout == Layout::kNews) r = seg::news_header(L);
  if (layout == Layout::kLetter) r = seg::salutation(L);
  if (r) return *r;
  return Range{};
}

}  // namespace

const char* layout_name(Layout layout) {
  switch (layout) {
    case Layout::kAanhangsel:
      return "aanhangsel";
    case Layout::kLetter:
      return "letter";
    case Layout::kOpenKamer:
      return "openkamer";
    case Layout::kNews:
      return "news";
    case Layout::kUnknown:
      return "unknown";
  }
  return "unknown";
}

Segmentation segment(const Text& text) {
  Segmentation seg;
  const std::string_view s = text.text;
  if (s.empty()) return seg;
  Lines L = seg::split_lines(s, text.to_src);
  seg::LayoutChoice choice = seg::choose_layout(L);
  seg.layout = choice.layout;
  const size_t n = L.v.size();
  size_t stop = n;
  seg::Blocks blocks;
  blocks.first_line = n;
  if (choice.style) {
    uint32_t scope = seg.layout == Layout::kAanhangsel ? seg::header_sentence(L) : 0;
    seg::FootnoteScan notes = seg::find_footnotes(L, scope);
    if (*choice.style == seg::Style::kBullet) stop = trailer_line(L);
    blocks = seg::build_blocks(L, *choice.style, stop);
    if (seg.layout == Layout::kOpenKamer && notes.footnotes.empty()) seg::chain_markers(notes);
    drop_skipped_refs(notes.footnotes, blocks.skipped);
    seg.footnotes = std::move(notes.footnotes);
    seg.questions = std::move(blocks.questions);
    seg.answers = std::move(blocks.answers);
    seg.notices = std::move(blocks.notices);
  }
  if (stop < n) seg.trailer = seg::trim(s, L.v[stop].begin, static_cast<uint32_t>(s.size()));
  bool structured = !seg.questions.empty() || !seg.answers.empty() || !seg.notices.empty();
  if (structured) {
    seg.header = seg::trim(s, 0, L.v[blocks.first_line].begin);
  } else {
    seg.header = plain_header(L, seg.layout);
    seg.paragraphs = seg::paragraphs(L, seg.header.end, stop);
  }
  return seg;
}

}  // namespace kg
