// Parsing and checking of single rule lines; RuleSet::load feeds it every line of every file.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "match/rules.h"

namespace kg::match_internal {

enum class RuleKind { kGazetteer, kPatterns, kRegister };

class RuleParser {
 public:
  // Parses one line (not blank, not a "//" comment) of a rule file of the given kind.
  // A line with any error contributes no rule; every error found is recorded.
  void add_line(RuleKind kind, const std::string& file, int number, std::string_view line);
  // Gives every gazetteer entry the name of its id (from the first line that has one).
  void finish();

  std::vector<GazetteerEntry> gazetteer;
  std::vector<PatternRule> patterns;
  std::vector<RegisterEntry> register_entries;
  std::vector<RuleError> errors;

 private:
  struct Line {
    const std::string& file;
    int number;
    std::string_view text;
    std::string where() const { return file + ":" + std::to_string(number); }
  };

  // offset: byte offset in the line the caret points at; npos points at the first byte.
  void error(const Line& line, size_t offset, std::string message);
  bool check_keys(const Line& line, const nlohmann::json& obj,
                  std::initializer_list<std::string_view> allowed);
  bool get_string(const Line& line, const nlohmann::json& obj, const char* key, bool required,
                  std::string* out);
  void add_gazetteer(const Line& line, const nlohmann::json& obj);
  bool gazetteer_options(const Line& line, const nlohmann::json& obj, GazetteerEntry* entry);
  void add_pattern(const Line& line, const nlohmann::json& obj);
  bool check_regex(const Line& line, const std::string& regex);
  void add_register(const Line& line, const nlohmann::json& obj);

  std::unordered_map<std::string, std::string> pattern_where_;                  // id -> where
  std::map<std::pair<std::string, std::string>, std::string> entry_where_;      // (id, pattern)
  std::unordered_map<std::string, std::pair<std::string, std::string>> names_;  // id -> name, where
};

}  // namespace kg::match_internal
