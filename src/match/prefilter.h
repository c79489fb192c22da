// The regex rules' prefilter: RE2's FilteredRE2 derives from every rule the literal
// strings ("atoms") that any match must contain, as an AND/OR formula; one Hyperscan
// database of all atoms scans a document's Text::key once (scan), and for each range
// only the rules whose formula the atoms wholly inside the range satisfy are run
// (candidates). Exact: a rule that is skipped cannot match there.
//
// Why key: atoms are lowercase, and Text::key is the text lowercased and folded code
// point by code point (whitespace runs made one space), so the fold of an atom that
// occurs in a stretch of text occurs in the key of that stretch. Atoms are folded the
// same way before they are compiled.
#pragma once

#include <hs/hs.h>
#include <re2/filtered_re2.h>

#include <cstdint>
#include <string>
#include <vector>

#include "common/range.h"
#include "common/status.h"
#include "match/matcher.h"
#include "read/normalise.h"

namespace kg::match_internal {

class Prefilter {
 public:
  Prefilter() = default;
  Prefilter(const Prefilter&) = delete;
  Prefilter& operator=(const Prefilter&) = delete;
  ~Prefilter();

  // Adds the regexes (all must compile with `options`), in rule order: rule i of the
  // list is index i below.
  Status build(const std::vector<const std::string*>& regexes, const RE2::Options& options);

  // Every occurrence of an atom in text's key, ordered by end, into hits. False when it
  // cannot scan (no atoms, a text without its key map, no scratch space): then every
  // rule must run. Safe from several threads.
  bool scan(const Text& text, std::vector<LiteralHit>& hits) const;

  // Sets pass[i] to 1 for every rule i that may match inside `range` of `text` and to 0
  // for the others, from the hits of a successful scan(text); pass is resized to the
  // number of rules. Safe from several threads.
  void candidates(const Text& text, const std::vector<LiteralHit>& hits, Range range,
                  std::vector<uint8_t>& pass) const;

 private:
  re2::FilteredRE2 filter_{3};
  size_t rules_ = 0;
  std::vector<int> always_;  // atoms whose fold is empty: count as present everywhere
  std::vector<std::vector<int>> atoms_of_;  // Hyperscan id (a distinct fold) -> atom ids
  std::vector<uint32_t> length_;            // Hyperscan id -> bytes of the fold
  hs_database_t* db_ = nullptr;
  hs_scratch_t* prototype_ = nullptr;
  uint64_t serial_ = 0;  // keys the per-thread scratch
};

}  // namespace kg::match_internal
