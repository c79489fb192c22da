#include "match/json_line.h"

namespace kg::match_internal {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Offset just past the string literal that starts with the quote at pos.
size_t skip_string(std::string_view s, size_t pos) {
  for (size_t i = pos + 1; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return s.size();
}

// Bytes of UTF-8 that the \uXXXX escape at s[i] (i at the backslash) decodes to, and the raw
// bytes it takes; a surrogate pair is one 4-byte code point written as two escapes.
void unicode_escape(std::string_view s, size_t i, size_t* raw, size_t* decoded) {
  auto hex = [&](size_t at) -> unsigned {
    unsigned v = 0;
    for (size_t k = at; k < at + 4 && k < s.size(); ++k) {
      char c = s[k];
      v = v * 16 + (c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : 0);
    }
    return v;
  };
  unsigned cp = hex(i + 2);
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    *raw = 12;
    *decoded = 4;
  } else {
    *raw = 6;
    *decoded = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
  }
}

}  // namespace

std::vector<JsonKey> top_level_keys(std::string_view line) {
  std::vector<JsonKey> keys;
  size_t i = 0;
  while (i < line.size() && is_space(line[i])) ++i;
  if (i >= line.size() || line[i] != '{') return keys;
  ++i;
  int depth = 1;
  bool expect_key = true;
  while (i < line.size() && depth > 0) {
    char c = line[i];
    if (c == '"') {
      size_t end = skip_string(line, i);
      if (depth == 1 && expect_key) {
        JsonKey key{line.substr(i + 1, end - i - 2), i, end};
        size_t j = end;
        while (j < line.size() && is_space(line[j])) ++j;
        if (j < line.size() && line[j] == ':') ++j;
        while (j < line.size() && is_space(line[j])) ++j;
        key.value_pos = j;
        keys.push_back(key);
        expect_key = false;
        i = j;
        continue;
      }
      i = end;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_key = true;
    }
    ++i;
  }
  return keys;
}

size_t key_offset(std::string_view line, std::string_view name) {
  for (const JsonKey& k : top_level_keys(line)) {
    if (k.raw_name == name) return k.key_pos;
  }
  return std::string_view::npos;
}

size_t value_offset(std::string_view line, std::string_view name) {
  for (const JsonKey& k : top_level_keys(line)) {
    if (k.raw_name == name) return k.value_pos;
  }
  return std::string_view::npos;
}

size_t raw_string_offset(std::string_view line, size_t quote_pos, size_t decoded) {
  size_t i = quote_pos + 1;
  size_t seen = 0;
  while (i < line.size() && line[i] != '"') {
    size_t raw = 1;
    size_t out = 1;
    if (line[i] == '\\' && i + 1 < line.size()) {
      if (line[i + 1] == 'u') {
        unicode_escape(line, i, &raw, &out);
      } else {
        raw = 2;
      }
    }
    if (seen + out > decoded) return i;
    seen += out;
    i += raw;
  }
  return i;
}

}  // namespace kg::match_internal
