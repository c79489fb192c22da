// Unicode folding for matching: case fold, strip diacritics, unify quotes and spaces.
#include <utf8proc.h>

#include "read/normalise.h"

namespace kg {

char32_t decode_utf8(std::string_view s, size_t& i) {
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    ++i;
    return 0xFFFD;
  }
  i += static_cast<size_t>(n);
  return static_cast<char32_t>(cp);
}

void encode_utf8(char32_t cp, std::string& out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

void fold_append(char32_t cp, std::string& out) {
  if (cp < 0x80) {  // fast path: ASCII
    char c = static_cast<char>(cp);
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return;
  }
  switch (cp) {  // quotes and spaces that matching treats as one
    case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2039: case 0x203A:
      out.push_back('"');
      return;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x00B4: case 0x0060:
      out.push_back('\'');
      return;
    case 0x00A0: case 0x2007: case 0x202F: case 0x2009: case 0x200A: case 0x2002:
    case 0x2003:
      out.push_back(' ');
      return;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
      out.push_back('-');
      return;
    // Spacing diacritics: PDF converters emit "Yes¸ilgöz" for "Yeşilgöz"; the mark is
    // stripped as its combining form would be.
    case 0x00A8: case 0x00B8: case 0x02C6: case 0x02C7: case 0x02D8: case 0x02D9:
    case 0x02DA: case 0x02DB: case 0x02DC: case 0x02DD:
      return;
    default:
      break;
  }
  utf8proc_int32_t buf[8];
  int last = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), buf, 8,
      static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                     UTF8PROC_COMPAT | UTF8PROC_IGNORE),
      &last);
  if (n < 0 || n > 8) {
    encode_utf8(cp, out);
    return;
  }
  for (utf8proc_ssize_t k = 0; k < n; ++k) encode_utf8(static_cast<char32_t>(buf[k]), out);
}

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = decode_utf8(utf8, i);
    bool space = cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v';
    if (space) {
      if (out.empty() || out.back() != ' ') out.push_back(' ');  // runs become one space
      continue;
    }
    fold_append(cp, out);
  }
  return out;
}

}  // namespace kg
