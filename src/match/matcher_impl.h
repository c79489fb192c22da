// Matcher internals shared by matcher.cpp (compile, regex rules) and entities.cpp.
#pragma once

#include <hs/hs.h>
#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "match/matcher.h"
#include "match/prefilter.h"

namespace kg {
namespace match_internal {

// Everything compile() builds; Matcher::Impl is this (it is private to Matcher, this is not,
// so the helpers of matcher.cpp and entities.cpp can take it).
struct MatcherState {
  const RuleSet* rules = nullptr;

  // Gazetteer. Hyperscan pattern id = index of a distinct folded key; the entries sharing
  // key k are key_entries[key_first[k] .. key_first[k + 1]), in rule order.
  hs_database_t* db = nullptr;        // null when the gazetteer is empty
  hs_scratch_t* prototype = nullptr;  // cloned or grown per thread, never used for scanning
  uint64_t serial = 0;                // unique per Matcher: keys the per-thread scratch
  std::vector<uint32_t> key_first;
  std::vector<uint32_t> key_entries;
  // Whether key k begins / ends with a word byte: only then is a word boundary required
  // there (the \b rule: "(AP)" may follow a letter, "AP" may not).
  std::vector<uint8_t> key_word_begin;
  std::vector<uint8_t> key_word_end;
  std::vector<std::string> exact_form;                // per entry: NFC pattern if exact_case
  std::vector<std::vector<uint32_t>> entry_contexts;  // per entry: indices into contexts
  std::vector<std::string> contexts;                  // distinct folded context strings

  // Regex rules, in rule order.
  struct Regex {
    const PatternRule* rule = nullptr;
    std::unique_ptr<RE2> re;
    std::unique_ptr<RE2> relaxed;  // relax(regex) when it differs: finds where to search
    std::vector<std::pair<int, std::string>> names;  // capture group index, name
  };
  std::vector<Regex> regexes;
  Prefilter prefilter;  // over `regexes`, same order

  MatcherState() = default;
  MatcherState(const MatcherState&) = delete;
  MatcherState& operator=(const MatcherState&) = delete;
  ~MatcherState() {
    hs_free_scratch(prototype);
    hs_free_database(db);
  }
};

// True for bytes that can be part of a word in Text::key: ASCII letters and digits, and
// every byte of a multibyte character (non-ASCII letters survive folding as such).
inline bool word_byte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace match_internal

struct Matcher::Impl : match_internal::MatcherState {};

}  // namespace kg
