#include "match/relax.h"

#include <cctype>

namespace kg::match_internal {
namespace {

// Parses "{m}", "{m,}" or "{m,n}" at s[i]; returns its length (0 if not a repeat, which
// RE2 then reads as a literal brace) and sets m and n (n = -1: unbounded).
size_t parse_count(std::string_view s, size_t i, long& m, long& n) {
  size_t j = i + 1;
  auto number = [&](long& out) {
    size_t start = j;
    out = 0;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && j - start < 6) {
      out = out * 10 + (s[j++] - '0');
    }
    return j > start;
  };
  if (!number(m)) return 0;
  if (j < s.size() && s[j] == '}') {
    n = m;
    return j + 1 - i;
  }
  if (j >= s.size() || s[j] != ',') return 0;
  ++j;
  n = -1;
  if (j < s.size() && s[j] != '}' && !number(n)) return 0;
  if (j >= s.size() || s[j] != '}') return 0;
  return j + 1 - i;
}

// The end of the escape starting with the backslash at s[i].
size_t escape_end(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return s.size();
  const char c = s[i + 1];
  if ((c == 'p' || c == 'P' || c == 'x') && i + 2 < s.size() && s[i + 2] == '{') {
    size_t close = s.find('}', i + 2);
    return close == std::string_view::npos ? s.size() : close + 1;
  }
  if (c == 'Q') {
    size_t close = s.find("\\E", i + 2);
    return close == std::string_view::npos ? s.size() : close + 2;
  }
  return i + 2;
}

// The end of the character class whose '[' is at s[i].
size_t class_end(std::string_view s, size_t i) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '^') ++j;
  if (j < s.size() && s[j] == ']') ++j;  // a leading ']' is a literal
  while (j < s.size() && s[j] != ']') {
    if (s[j] == '\\') {
      j = escape_end(s, j);
    } else if (s[j] == '[' && j + 1 < s.size() && s[j + 1] == ':') {
      size_t close = s.find(":]", j + 2);
      j = close == std::string_view::npos ? j + 1 : close + 2;
    } else {
      ++j;
    }
  }
  return j < s.size() ? j + 1 : s.size();
}

}  // namespace

std::string relax(std::string_view regex) {
  std::string out;
  out.reserve(regex.size());
  size_t i = 0;
  while (i < regex.size()) {
    const char c = regex[i];
    size_t end = i + 1;
    if (c == '\\') {
      end = escape_end(regex, i);
    } else if (c == '[') {
      end = class_end(regex, i);
    } else if (c == '{') {
      long m = 0, n = 0;
      if (size_t len = parse_count(regex, i, m, n); len > 0) {
        if (n > kRelaxAbove || m > kRelaxAbove) {
          out += m > kRelaxAbove ? "{0,}" : "{" + std::to_string(m) + ",}";
        } else {
          out.append(regex.substr(i, len));
        }
        i += len;
        continue;
      }
    }
    out.append(regex.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace kg::match_internal
