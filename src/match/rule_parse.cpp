#include "match/rule_parse.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>

#include "match/json_line.h"
#include "match/regex_options.h"
#include "read/normalise.h"

namespace kg::match_internal {
namespace {

using nlohmann::json;

constexpr size_t kNpos = std::string_view::npos;

// The parse error text without nlohmann's "[json.exception...] parse error at line 1,
// column 9: " prefix: the position is reported as our own line and column.
std::string parse_message(const json::parse_error& e) {
  std::string_view what = e.what();
  size_t column = what.find("column ");
  size_t colon = what.find(": ", column == kNpos ? 0 : column);
  return "JSON syntax error: " + std::string(colon == kNpos ? what : what.substr(colon + 2));
}

bool scope_from(std::string_view s, Scope* scope) {
  static constexpr std::pair<std::string_view, Scope> kScopes[] = {{"header", Scope::kHeader},
                                                                   {"body", Scope::kBody},
                                                                   {"trailer", Scope::kTrailer},
                                                                   {"notice", Scope::kNotice},
                                                                   {"all", Scope::kAll}};
  for (const auto& [name, value] : kScopes) {
    if (s == name) {
      *scope = value;
      return true;
    }
  }
  return false;
}

}  // namespace

void RuleParser::error(const Line& line, size_t offset, std::string message) {
  if (offset == kNpos) {
    offset = line.text.find_first_not_of(" \t");
    if (offset == kNpos) offset = 0;
  }
  errors.push_back(RuleError{line.file, line.number, static_cast<int>(offset) + 1,
                             std::move(message), std::string(line.text)});
}

void RuleParser::add_line(RuleKind kind, const std::string& file, int number,
                          std::string_view text) {
  Line line{file, number, text};
  json obj;
  try {
    obj = json::parse(text);
  } catch (const json::parse_error& e) {
    // e.byte is 1-based and counts from the start of what was parsed: this line.
    size_t byte = e.byte == 0 ? 0 : e.byte - 1;
    error(line, std::min(byte, text.size()), parse_message(e));
    return;
  } catch (const json::exception& e) {
    error(line, kNpos, std::string("JSON error: ") + e.what());
    return;
  }
  if (!obj.is_object()) {
    error(line, kNpos, "expected a JSON object");
    return;
  }
  switch (kind) {
    case RuleKind::kGazetteer:
      add_gazetteer(line, obj);
      break;
    case RuleKind::kPatterns:
      add_pattern(line, obj);
      break;
    case RuleKind::kRegister:
      add_register(line, obj);
      break;
  }
}

bool RuleParser::check_keys(const Line& line, const json& obj,
                            std::initializer_list<std::string_view> allowed) {
  bool ok = true;
  for (const auto& [key, value] : obj.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key == a;
    if (known) continue;
    std::string expected;
    for (std::string_view a : allowed) {
      if (!expected.empty()) expected += ", ";
      expected += a;
    }
    error(line, key_offset(line.text, key),
          "unknown key \"" + key + "\" (expected one of: " + expected + ")");
    ok = false;
  }
  return ok;
}

bool RuleParser::get_string(const Line& line, const json& obj, const char* key, bool required,
                            std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (!required) return true;
    error(line, kNpos, std::string("missing \"") + key + "\"");
    return false;
  }
  if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
    error(line, value_offset(line.text, key),
          std::string("\"") + key + "\" must be a non-empty string");
    return false;
  }
  *out = it->get<std::string>();
  return true;
}

void RuleParser::add_gazetteer(const Line& line, const json& obj) {
  GazetteerEntry e;
  bool ok = check_keys(
      line, obj,
      {"label", "pattern", "id", "name", "case", "context", "priority", "attrs", "comment"});
  ok = get_string(line, obj, "label", true, &e.label) && ok;
  ok = get_string(line, obj, "pattern", true, &e.pattern) && ok;
  ok = get_string(line, obj, "id", true, &e.id) && ok;
  ok = get_string(line, obj, "name", false, &e.name) && ok;
  ok = gazetteer_options(line, obj, &e) && ok;
  if (!ok) return;
  e.key = fold(e.pattern);
  if (e.key.empty()) {
    error(line, value_offset(line.text, "pattern"), "pattern folds to nothing");
    return;
  }
  e.where = line.where();
  auto [pos, fresh] = entry_where_.emplace(std::pair(e.id, e.pattern), e.where);
  if (!fresh) {
    error(line, value_offset(line.text, "pattern"),
          "duplicate gazetteer entry: id \"" + e.id + "\" with pattern \"" + e.pattern +
              "\" is already defined at " + pos->second);
    return;
  }
  if (!e.name.empty()) {
    auto [named, first] = names_.emplace(e.id, std::pair(e.name, e.where));
    if (!first && named->second.first != e.name) {
      error(line, value_offset(line.text, "name"),
            "id \"" + e.id + "\" is named \"" + named->second.first + "\" at " +
                named->second.second + ", here \"" + e.name + "\"");
      return;
    }
  }
  gazetteer.push_back(std::move(e));
}

bool RuleParser::gazetteer_options(const Line& line, const json& obj, GazetteerEntry* e) {
  bool ok = true;
  if (auto it = obj.find("case"); it != obj.end()) {
    if (*it == "exact") {
      e->exact_case = true;
    } else if (*it != "insensitive") {
      error(line, value_offset(line.text, "case"), "\"case\" must be \"exact\" or \"insensitive\"");
      ok = false;
    }
  }
  if (auto it = obj.find("context"); it != obj.end()) {
    bool valid = it->is_array() && !it->empty();
    for (const json& c : valid ? *it : json::array()) {
      valid = valid && c.is_string() && !fold(c.get_ref<const std::string&>()).empty();
      if (valid) e->context.push_back(fold(c.get_ref<const std::string&>()));
    }
    if (!valid) {
      error(line, value_offset(line.text, "context"),
            "\"context\" must be a non-empty array of non-empty strings");
      ok = false;
    }
  }
  if (auto it = obj.find("priority"); it != obj.end()) {
    if (it->is_number_integer() && *it >= INT32_MIN && *it <= INT32_MAX) {
      e->priority = it->get<int>();
    } else {
      error(line, value_offset(line.text, "priority"), "\"priority\" must be an integer");
      ok = false;
    }
  }
  e->attrs = json::object();
  if (auto it = obj.find("attrs"); it != obj.end()) {
    if (it->is_object()) {
      e->attrs = *it;
    } else {
      error(line, value_offset(line.text, "attrs"), "\"attrs\" must be an object");
      ok = false;
    }
  }
  return ok;
}

void RuleParser::add_pattern(const Line& line, const json& obj) {
  PatternRule r;
  bool ok = check_keys(line, obj, {"id", "fact", "scope", "regex", "comment"});
  ok = get_string(line, obj, "id", true, &r.id) && ok;
  ok = get_string(line, obj, "fact", true, &r.fact) && ok;
  std::string scope;
  if (!get_string(line, obj, "scope", false, &scope)) {
    ok = false;
  } else if (!scope.empty() && !scope_from(scope, &r.scope)) {
    error(line, value_offset(line.text, "scope"),
          "unknown scope \"" + scope + "\" (expected header, body, trailer, notice or all)");
    ok = false;
  }
  ok = get_string(line, obj, "regex", true, &r.regex) && check_regex(line, r.regex) && ok;
  if (!ok) return;
  r.where = line.where();
  auto [pos, fresh] = pattern_where_.emplace(r.id, r.where);
  if (!fresh) {
    error(line, value_offset(line.text, "id"),
          "duplicate pattern rule id \"" + r.id + "\" (first defined at " + pos->second + ")");
    return;
  }
  patterns.push_back(std::move(r));
}

bool RuleParser::check_regex(const Line& line, const std::string& regex) {
  RE2 re(regex, regex_options());
  if (re.ok()) return true;
  // Point at the offending part of the regex, mapped back through JSON escapes.
  size_t quote = value_offset(line.text, "regex");
  size_t offset = quote;
  size_t in_regex = re.error_arg().empty() ? kNpos : regex.find(re.error_arg());
  if (quote != kNpos && in_regex != kNpos) {
    offset = raw_string_offset(line.text, quote, in_regex);
  }
  error(line, offset, "invalid regex: " + re.error());
  return false;
}

void RuleParser::add_register(const Line& line, const json& obj) {
  auto it = obj.find("id");
  if (it == obj.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
    error(line, it == obj.end() ? kNpos : value_offset(line.text, "id"),
          "a register record needs \"id\" (a non-empty string)");
    return;
  }
  register_entries.push_back(RegisterEntry{obj, line.where()});
}

void RuleParser::finish() {
  for (GazetteerEntry& e : gazetteer) {
    if (auto it = names_.find(e.id); it != names_.end()) e.name = it->second.first;
  }
}

}  // namespace kg::match_internal
