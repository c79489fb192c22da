// Internal to the read stage: character classes used by normalisation and hyphenation.
#pragma once

#include <cstddef>
#include <string_view>

namespace kg::read_detail {

// Letters include combining marks, so a decomposed "e" + U+0308 stays one word.
bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
inline bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// The lowercase base letter ("Ë" -> 'e'), or cp itself when it has none.
char32_t base_letter(char32_t cp);

// True when NFC may compose, reorder or replace cp (combining marks, Hangul jamo, characters
// with a canonical decomposition). False for every code point below U+0300.
bool may_change_under_nfc(char32_t cp);

// Decodes the code point that ends at s[end]; begin receives its first byte. Invalid bytes decode
// to U+FFFD, one byte each (as decode_utf8 does going forward).
char32_t decode_before(std::string_view s, size_t end, size_t& begin);

}  // namespace kg::read_detail
