// The compiled matcher: one Hyperscan literal database for all gazetteer patterns
// (case- and diacritic-insensitive on Text::key, word boundaries, leftmost-longest,
// then priority) and RE2 for the regex rules, behind a prefilter (prefilter.h: a rule
// runs on a range only when the literals it needs occur there) and with a relaxed first
// search for rules with large counted repeats (relax.h). Neither changes what is found.
// Compiled once per run; const methods are safe to call from several threads.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/range.h"
#include "common/status.h"
#include "match/rules.h"
#include "read/normalise.h"

namespace kg {

struct EntityMatch {
  Range range;  // in Text::text
  const GazetteerEntry* entry = nullptr;
};

struct Capture {
  std::string name;
  Range range;  // in Text::text; empty when the group did not participate
};

struct PatternMatch {
  const PatternRule* rule = nullptr;
  Range range;
  std::vector<Capture> captures;
  // The capture with this name, or nullptr.
  const Capture* get(std::string_view name) const;
};

class Matcher;

namespace match_internal {
// One occurrence of a prefilter literal in Text::key: [begin, end) and its literal id.
struct LiteralHit {
  uint32_t begin = 0, end = 0, id = 0;
};
}  // namespace match_internal

// A document prepared for Matcher::patterns: the literals of the regex rules' prefilter
// are found in the whole text once, so that each call over a part of it only looks them
// up. Refers to `text`, which must outlive it and not change.
class PreparedText {
 public:
  const Text& text() const { return *text_; }

 private:
  friend class Matcher;
  explicit PreparedText(const Text& text) : text_(&text) {}
  const Text* text_;
  std::vector<match_internal::LiteralHit> hits_;  // ordered by end
  bool scanned_ = false;  // false: the prefilter could not scan, every rule runs
};

class Matcher {
 public:
  // Fails (Code::kInput) with one line per broken pattern if a regex does not compile.
  // `rules` must outlive the Matcher: matches point at its entries and rules.
  static Result<std::unique_ptr<Matcher>> compile(const RuleSet& rules);
  ~Matcher();

  // Non-overlapping entity mentions in text order.
  std::vector<EntityMatch> entities(const Text& text) const;

  // Prepares a document for patterns(); one scan of its key.
  PreparedText prepare(const Text& text) const;

  // All matches of the regex rules whose scope is `scope` (or kAll), searched inside
  // `range` only; matches do not overlap within one rule. In text order (ties: rule order).
  // `range` is the subject: ^ and $ (without (?m)) match at its ends.
  // With a non-empty fact_prefix only the rules whose fact starts with it run, so that
  // each extractor runs just its own rules.
  std::vector<PatternMatch> patterns(const PreparedText& text, Range range, Scope scope,
                                     std::string_view fact_prefix = {}) const;
  // The same with only the rules for which keep(rule) is true.
  std::vector<PatternMatch> patterns(const PreparedText& text, Range range, Scope scope,
                                     const std::function<bool(const PatternRule&)>& keep) const;
  // For a single call: prepares `text` (scanning all of it) and runs the rules on `range`.
  std::vector<PatternMatch> patterns(const Text& text, Range range, Scope scope,
                                     std::string_view fact_prefix = {}) const;

 private:
  struct Impl;
  explicit Matcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
