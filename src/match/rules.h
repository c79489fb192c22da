// The rule set: everything under rules/ that drives extraction, loaded and checked once
// before any document is read.
//
// Layout of a rules folder (docs/rules.md has the full format):
//   gazetteer/*.jsonl  entity patterns, spaCy EntityRuler convention, one JSON object a line:
//                      {"label": "ORG", "pattern": "Autoriteit Persoonsgegevens",
//                       "id": "org:autoriteit-persoonsgegevens"}
//                      optional: "name" (canonical label for the id), "case": "exact",
//                      "context": ["..."] (match only when one of these occurs in the
//                      document), "priority": N, "attrs": {...} (node attributes).
//   patterns/*.jsonl   regex rules (RE2 syntax, named captures):
//                      {"id": "...", "fact": "...", "scope": "header", "regex": "..."}
//   register/*.jsonl   the person register (one person a line), see docs/rules.md.
// Lines that are empty or start with "//" are ignored.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/status.h"

namespace kg {

// A problem in a rule file, reported as "file:line:col: message" plus the line and a caret.
struct RuleError {
  std::string file;
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
  std::string message;
  std::string source_line;
  std::string format() const;
};

struct GazetteerEntry {
  std::string id;       // canonical node id, e.g. "org:autoriteit-persoonsgegevens"
  std::string label;    // entity label: ORG, PARTY, COUNTRY, PERSON, ...
  std::string pattern;  // surface form as written in the rule
  std::string key;      // fold(pattern): what is matched
  std::string name;     // canonical display name of the id (from the first line that has one)
  bool exact_case = false;
  int priority = 0;
  std::vector<std::string> context;  // folded
  nlohmann::json attrs;              // object, possibly empty
  std::string where;                 // "file:line", file relative to the rules folder
};

// Where a pattern rule applies.
enum class Scope { kHeader, kBody, kTrailer, kNotice, kAll };

struct PatternRule {
  std::string id;
  std::string fact;  // what the captures mean; the extractor knows each fact kind
  Scope scope = Scope::kAll;
  std::string regex;
  std::string where;
};

struct RegisterEntry {
  nlohmann::json record;
  std::string where;
};

class RuleSet {
 public:
  // Loads every rule file under dir. All problems are collected (not just the first);
  // the result is an error when there is at least one. Errors are Code::kInput.
  static Result<RuleSet> load(const std::filesystem::path& dir, std::vector<RuleError>* errors);

  const std::vector<GazetteerEntry>& gazetteer() const { return gazetteer_; }
  const std::vector<PatternRule>& patterns() const { return patterns_; }
  const std::vector<RegisterEntry>& register_entries() const { return register_; }
  // sha256 over the relative paths and bytes of all rule files: a change to any rule
  // changes the hash, and a document extracted under another hash is re-extracted.
  const std::string& hash() const { return hash_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::vector<GazetteerEntry> gazetteer_;
  std::vector<PatternRule> patterns_;
  std::vector<RegisterEntry> register_;
  std::string hash_;
  std::filesystem::path dir_;
};

}  // namespace kg
