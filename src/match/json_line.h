// Positions inside one raw JSON line, for error messages that point at a key or a value.
// nlohmann::json gives values but not where they were written; these helpers find that.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kg::match_internal {

// A key of the outermost object of a JSON line.
struct JsonKey {
  std::string_view raw_name;  // between the quotes, escapes not decoded
  size_t key_pos = 0;         // byte offset of the key's opening quote
  size_t value_pos = 0;       // byte offset of the first byte of the value
};

// The keys of the outermost object, in order. Tolerant: on malformed input it returns what
// it found so far (the line has already been parsed by nlohmann::json when this is used).
std::vector<JsonKey> top_level_keys(std::string_view line);

// Byte offset of the key `name` (or of its value) in line; npos when not found
// (for instance when the key was written with escapes).
size_t key_offset(std::string_view line, std::string_view name);
size_t value_offset(std::string_view line, std::string_view name);

// For a JSON string literal whose opening quote is at quote_pos, the offset in line of the
// byte that holds the decoded string's byte `decoded` (escapes such as \\ and \u00e9 take
// more raw bytes than they decode to).
size_t raw_string_offset(std::string_view line, size_t quote_pos, size_t decoded);

}  // namespace kg::match_internal
