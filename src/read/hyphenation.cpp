// Line-end hyphens: hyphenation (joined) versus real hyphens (kept, the line break dropped).
//
// The rules, in order, for "P-\nS" where P and S are the letter runs around the break:
//   - no letter or digit before the hyphen (" -\n"), nothing word-like after it, or a blank line
//     between: not a hyphenated word, left alone;
//   - S is a conjunction ("inkoop-\nen aanbestedingsbeleid", "kinder- tot ouderenzorg"): the
//     hyphen marks an elided word, left alone;
//   - digits around the hyphen, an uppercase letter after it ("Dekker-\nAbdulaziz") or just before
//     it ("EU-\nlanden"), a one-letter P ("e-\nprivacy"), a part without a vowel
//     ("ggz-\ninstelling") or a vowel clash that Dutch writes with a hyphen ("zee-\neend"): a real
//     hyphen, kept;
//   - otherwise the document decides when it can: "P-S" written elsewhere keeps the hyphen; for a
//     capitalised P ("Xiaomi-\ntelefoons" vs "Telecommunicatie-\nwet") the joined form elsewhere
//     joins, P on its own elsewhere (a name) keeps the hyphen;
//   - otherwise hyphenation: joined.
#include "read/hyphenation.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "read/char_class.h"
#include "read/hyphen_evidence.h"
#include "read/normalise.h"

namespace kg::read_detail {
namespace {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A break whose action depends on evidence elsewhere in the document.
struct Pending {
  size_t index;  // into the result vector
  Span p;
  Span s;
  bool capitalised;
};

bool is_conjunction(std::string_view w) {
  return w == "en" || w == "of" || w == "tot" || w == "als" || w == "noch" || w == "ofwel";
}

bool is_vowel(char32_t base) {
  return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
}

// Vowel pairs that would read as one sound if the parts were joined ("zee-eend", "auto-ongeluk",
// "politie-inzet"); a diaeresis on the second vowel ("ge-\nïnformeerd") already marks the break.
bool is_vowel_clash(char32_t a, char32_t b) {
  static constexpr const char* kPairs[] = {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie",
                                           "ii", "oe", "oi", "oo", "ou", "ui", "uu"};
  if (a >= 0x80 || b >= 0x80) return false;
  for (const char* p : kPairs) {
    if (static_cast<char32_t>(p[0]) == a && static_cast<char32_t>(p[1]) == b) return true;
  }
  return false;
}

bool has_vowel(std::string_view src, Span w) {
  for (size_t i = w.begin; i < w.end;) {
    if (is_vowel(base_letter(decode_utf8(src, i)))) return true;
  }
  return false;
}

// Classifies the line-end hyphen before content_end whose word continues at resume. Returns
// nothing when it is not a hyphenated word; sets pending when the document must decide.
std::optional<HyphenBreak> classify(std::string_view src, uint32_t content_end, uint32_t resume,
                                    std::optional<Pending>& pending) {
  pending.reset();
  if (content_end == 0 || resume >= src.size()) return std::nullopt;
  uint32_t h = 0;
  bool soft = false;
  if (src[content_end - 1] == '-') {
    h = content_end - 1;
  } else if (content_end >= 2 && src.compare(content_end - 2, 2, "\xC2\xAD") == 0) {
    h = content_end - 2;
    soft = true;
  } else {
    return std::nullopt;
  }
  size_t i = resume;
  const char32_t s0 = decode_utf8(src, i);
  if (!is_letter(s0) && !is_digit(s0)) return std::nullopt;
  if (soft) return HyphenBreak{h, resume, BreakAction::kJoin};
  if (h == 0) return std::nullopt;

  size_t pb = 0;
  const char32_t p_last = decode_before(src, h, pb);
  if (!is_letter(p_last)) {
    if (is_digit(p_last)) return HyphenBreak{h, resume, BreakAction::kKeepHyphen};
    return std::nullopt;
  }
  if (is_digit(s0)) return HyphenBreak{h, resume, BreakAction::kKeepHyphen};
  Span p{static_cast<uint32_t>(pb), h};
  size_t p_letters = 1;
  char32_t p_first = p_last;
  for (size_t b = pb; b > 0;) {
    size_t bb = 0;
    char32_t cp = decode_before(src, b, bb);
    if (!is_letter(cp)) break;
    p.begin = static_cast<uint32_t>(bb);
    p_first = cp;
    ++p_letters;
    b = bb;
  }
  Span s{resume, resume};
  for (size_t k = resume; k < src.size();) {
    size_t next = k;
    if (!is_letter(decode_utf8(src, next))) break;
    s.end = static_cast<uint32_t>(next);
    k = next;
  }
  if (is_conjunction(src.substr(s.begin, s.end - s.begin))) return std::nullopt;

  HyphenBreak keep{h, resume, BreakAction::kKeepHyphen};
  if (is_upper(s0) || is_upper(p_last) || p_letters == 1) return keep;
  if (!has_vowel(src, p) || !has_vowel(src, s)) return keep;
  if (is_vowel_clash(p_last, s0)) return keep;
  pending = Pending{0, p, s, is_upper(p_first)};
  return HyphenBreak{h, resume, BreakAction::kJoin};
}

size_t find_byte(std::string_view src, char c, size_t from) {
  const void* hit = std::memchr(src.data() + from, c, src.size() - from);
  return hit ? static_cast<size_t>(static_cast<const char*>(hit) - src.data()) : src.size();
}

// Next '\n' or '\r' at or after i, or src.size(); next_lf and next_cr cache the last finds.
size_t next_line_end(std::string_view src, size_t i, size_t& next_lf, size_t& next_cr) {
  if (next_lf < i) next_lf = find_byte(src, '\n', i);
  if (next_cr < i) next_cr = find_byte(src, '\r', i);
  return std::min(next_lf, next_cr);
}

void resolve(std::string_view src, const std::vector<Pending>& pending,
             std::vector<HyphenBreak>& breaks) {
  auto str = [&](Span w) { return std::string(src.substr(w.begin, w.end - w.begin)); };
  HyphenEvidence evidence;
  struct Keys {
    size_t hyphenated, joined, joined_lower, alone;
  };
  std::vector<Keys> keys;
  keys.reserve(pending.size());
  for (const Pending& pd : pending) {
    Keys k{};
    const std::string p = str(pd.p), s = str(pd.s);
    k.hyphenated = evidence.add(p + "-" + s);
    if (pd.capitalised) {
      k.joined = evidence.add(p + s);
      k.joined_lower = evidence.add(lower_first(p) + s);
      k.alone = evidence.add(p);
    }
    keys.push_back(k);
  }
  evidence.scan(src);
  for (size_t i = 0; i < pending.size(); ++i) {
    const Pending& pd = pending[i];
    const Keys& k = keys[i];
    bool keep = evidence.found(k.hyphenated);
    if (!keep && pd.capitalised) {
      keep =
          !evidence.found(k.joined) && !evidence.found(k.joined_lower) && evidence.found(k.alone);
    }
    if (keep) breaks[pd.index].action = BreakAction::kKeepHyphen;
  }
}

}  // namespace

std::vector<HyphenBreak> find_hyphen_breaks(std::string_view src,
                                            const std::vector<Region>& regions) {
  std::vector<HyphenBreak> breaks;
  std::vector<Pending> pending;
  std::optional<Pending> pd;
  size_t ri = 0;
  size_t next_lf = find_byte(src, '\n', 0);
  size_t next_cr = find_byte(src, '\r', 0);
  for (size_t i = 0; i < src.size(); ++i) {
    i = next_line_end(src, i, next_lf, next_cr);
    if (i >= src.size()) break;
    while (ri < regions.size() && regions[ri].end <= i) ++ri;
    uint32_t content_end = 0, resume = 0;
    if (ri < regions.size() && regions[ri].begin <= i) {
      // A page break: the region stands for one line break.
      content_end = regions[ri].begin;
      resume = regions[ri].end;
      i = resume - 1;
    } else {
      size_t k = i;
      while (k > 0 && (src[k - 1] == ' ' || src[k - 1] == '\t')) --k;
      content_end = static_cast<uint32_t>(k);
      size_t j = i + 1;
      if (src[i] == '\r' && j < src.size() && src[j] == '\n') ++j;
      i = j - 1;
      while (j < src.size() && (src[j] == ' ' || src[j] == '\t')) ++j;
      resume = static_cast<uint32_t>(j);
    }
    std::optional<HyphenBreak> b = classify(src, content_end, resume, pd);
    if (!b) continue;
    if (pd) {
      pd->index = breaks.size();
      pending.push_back(*pd);
    }
    breaks.push_back(*b);
  }
  if (!pending.empty()) resolve(src, pending, breaks);
  return breaks;
}

}  // namespace kg::read_detail
