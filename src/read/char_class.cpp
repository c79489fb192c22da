#include "read/char_class.h"

#include <utf8proc.h>

#include <cstdint>

#include "read/normalise.h"

namespace kg::read_detail {
namespace {

utf8proc_category_t category(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}

}  // namespace

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  // utf8proc orders the categories Lu, Ll, Lt, Lm, Lo, Mn, Mc, Me consecutively.
  const utf8proc_category_t c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

char32_t base_letter(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
  utf8proc_int32_t buf[8];
  int last = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), buf, 8,
      static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK),
      &last);
  return n >= 1 && n <= 8 ? static_cast<char32_t>(buf[0]) : cp;
}

bool may_change_under_nfc(char32_t cp) {
  if (cp < 0x300) return false;
  if (cp >= 0x1100 && cp <= 0x11FF) return true;  // conjoining Hangul jamo
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  if (p->combining_class != 0) return true;
  if (p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_MC ||
      p->category == UTF8PROC_CATEGORY_ME) {
    return true;  // includes the spacing vowel signs that compose although their class is 0
  }
  return p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0;  // canonical decomposition
}

char32_t decode_before(std::string_view s, size_t end, size_t& begin) {
  size_t b = end - 1;
  // A code point is at most 4 bytes: step back over at most 3 continuation bytes.
  while (b > 0 && end - b < 4 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  size_t i = b;
  char32_t cp = decode_utf8(s, i);
  if (i == end) {
    begin = b;
    return cp;
  }
  begin = end - 1;
  return 0xFFFD;
}

}  // namespace kg::read_detail
