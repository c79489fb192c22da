// normalise(): one pass over the source that writes text, key and both offset maps, after two
// linear scans that decide what the pass skips (page artefacts) and joins (hyphenated words).
#include "read/normalise.h"

#include <algorithm>

#include "read/hyphenation.h"
#include "read/page_artefacts.h"
#include "read/text_builder.h"

namespace kg {
namespace {

using read_detail::BreakAction;
using read_detail::HyphenBreak;
using read_detail::Region;
using read_detail::TextBuilder;

constexpr char32_t kDrop = 0xFFFFFFFF;

// The text form of a non-ASCII code point: kDrop for invisible ones, a replacement, or cp.
char32_t map_code_point(char32_t cp) {
  if (cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
      cp == 0x205F || cp == 0x3000) {
    return ' ';
  }
  if (cp == 0x0085 || cp == 0x2028 || cp == 0x2029) return '\n';  // NEL, line/paragraph sep.
  if (cp >= 0x2018 && cp <= 0x201B) return '\'';                  // ‘ ’ ‚ ‛
  if (cp >= 0x201C && cp <= 0x201F) return '"';                   // “ ” „ ‟
  // Soft hyphen, zero-width space, word joiner, BOM.
  if (cp == 0x00AD || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF) return kDrop;
  return cp;
}

size_t utf8_length(char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

Text normalise_impl(std::string_view src, bool build_key) {
  Text t;
  TextBuilder out(t, src.size(), build_key);
  const std::vector<Region> regions = read_detail::find_page_artefacts(src);
  const std::vector<HyphenBreak> breaks = read_detail::find_hyphen_breaks(src, regions);
  size_t ri = 0, bi = 0;
  size_t pos = 0;
  while (pos < src.size()) {
    while (ri < regions.size() && regions[ri].end <= pos) ++ri;
    while (bi < breaks.size() && breaks[bi].hyphen < pos) ++bi;
    const size_t next_region = ri < regions.size() ? regions[ri].begin : src.size();
    const size_t next_break = bi < breaks.size() ? breaks[bi].hyphen : src.size();
    if (pos >= next_region) {
      if (pos == next_region && regions[ri].lf != Region::kNoLf) {
        out.append_ascii("\n", regions[ri].lf);
      }
      pos = regions[ri].end;
      continue;
    }
    if (pos == next_break) {
      // The hyphen and everything up to the continuation of the word is dropped; a kept hyphen
      // maps to itself.
      if (breaks[bi].action == BreakAction::kKeepHyphen) {
        out.append_ascii("-", static_cast<uint32_t>(pos));
      }
      pos = breaks[bi].resume;
      continue;
    }
    // Plain ASCII up to the next event is copied in bulk (the common case).
    const size_t limit = std::min(next_region, next_break);
    size_t run = pos;
    while (run < limit && static_cast<unsigned char>(src[run]) < 0x80 && src[run] != '\r') ++run;
    if (run > pos) {
      out.append_ascii(src.substr(pos, run - pos), static_cast<uint32_t>(pos));
      pos = run;
      continue;
    }
    if (src[pos] == '\r') {  // CRLF -> LF (the LF maps to itself), lone CR -> LF
      if (pos + 1 >= src.size() || src[pos + 1] != '\n') {
        out.append_ascii("\n", static_cast<uint32_t>(pos));
      }
      ++pos;
      continue;
    }
    size_t next = pos;
    const char32_t cp = decode_utf8(src, next);
    const char32_t mapped = map_code_point(cp);
    if (mapped != kDrop) {
      // Unchanged, validly encoded code points keep a byte-for-byte map; replacements (including
      // U+FFFD for an invalid byte) map to the first source byte.
      const bool identity = mapped == cp && next - pos == utf8_length(cp);
      out.append(mapped, static_cast<uint32_t>(pos), identity);
    }
    pos = next;
  }
  out.finish(static_cast<uint32_t>(src.size()));
  return t;
}


bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Whitespace runs in key become one space, so that a gazetteer pattern matches across
// the line breaks of the text ("Economische Zaken \nen Klimaat"). In place, linear.
void collapse_key_whitespace(Text& t) {
  size_t w = 0;
  bool prev_space = false;
  for (size_t r = 0; r < t.key.size(); ++r) {
    const bool space = is_space(t.key[r]);
    if (space && prev_space) continue;
    t.key[w] = space ? ' ' : t.key[r];
    t.key_to_text[w] = t.key_to_text[r];
    ++w;
    prev_space = space;
  }
  t.key_to_text[w] = t.key_to_text[t.key.size()];
  t.key.resize(w);
  t.key_to_text.resize(w + 1);
}

}  // namespace

Text normalise(std::string_view utf8) {
  Text t = normalise_impl(utf8, true);
  collapse_key_whitespace(t);
  return t;
}

std::string display(std::string_view utf8) {
  const std::string text = normalise_impl(utf8, false).text;
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace kg
