// Internal to the read stage: appends to a Text while keeping its offset maps, its key and NFC.
#pragma once

#include <cstdint>
#include <string_view>

#include "read/normalise.h"

namespace kg::read_detail {

// Invariants after every call: text.size() == to_src.size(), key.size() == key_to_text.size(),
// to_src is non-decreasing, and key is fold_append over the code points of text.
class TextBuilder {
 public:
  TextBuilder(Text& out, size_t expected_size, bool build_key);

  // Bytes below 0x80, copied from source offset src (byte k maps to src + k).
  void append_ascii(std::string_view run, uint32_t src);
  // One code point taken from source offset src. When its encoding equals the source bytes
  // (identity) each byte maps to its own source byte, otherwise all map to src.
  void append(char32_t cp, uint32_t src, bool identity);
  // Adds the final map entries (to_src gets src_size). Call once at the end.
  void finish(uint32_t src_size);

 private:
  void fold(char32_t cp, size_t text_begin);
  bool renormalise();

  Text& t_;
  bool build_key_;
  // Start (in text and key) of the last code point with combining class 0: NFC can only change
  // text from there on.
  size_t starter_text_ = 0;
  size_t starter_key_ = 0;
};

}  // namespace kg::read_detail
