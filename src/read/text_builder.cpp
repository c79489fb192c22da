#include "read/text_builder.h"

#include <sys/mman.h>
#include <utf8proc.h>

#include <cstdint>

#include "read/char_class.h"

namespace kg::read_detail {
namespace {

// Longest combining sequence (in bytes) that is normalised; longer ones (never in real text,
// the Unicode stream-safe limit is 30 marks) are left as they are.
constexpr size_t kMaxSequenceBytes = 128;
constexpr size_t kMaxSequenceCps = 64;

// Large outputs are mostly first-touch page faults (text, key and two 4-byte-per-byte maps: ten
// times the input); on a VM a 20 MB document spent 90% of normalise() in them. Huge pages cut the
// number of faults 512-fold. Only advice: ignored where unsupported.
constexpr size_t kHugePage = size_t{1} << 21;

void advise_huge_pages(const void* data, size_t bytes) {
  if (bytes < 4 * kHugePage) return;
  const auto begin = (reinterpret_cast<uintptr_t>(data) + kHugePage - 1) & ~(kHugePage - 1);
  const auto end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHugePage - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

bool is_starter(char32_t cp) {
  return cp < 0x300 ||
         utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class == 0;
}

}  // namespace

TextBuilder::TextBuilder(Text& out, size_t expected_size, bool build_key)
    : t_(out), build_key_(build_key) {
  t_.text.reserve(expected_size);
  t_.to_src.reserve(expected_size + 1);
  advise_huge_pages(t_.text.data(), t_.text.capacity());
  advise_huge_pages(t_.to_src.data(), t_.to_src.capacity() * sizeof(uint32_t));
  if (build_key_) {
    t_.key.reserve(expected_size);
    t_.key_to_text.reserve(expected_size + 1);
    advise_huge_pages(t_.key.data(), t_.key.capacity());
    advise_huge_pages(t_.key_to_text.data(), t_.key_to_text.capacity() * sizeof(uint32_t));
  }
}

void TextBuilder::append_ascii(std::string_view run, uint32_t src) {
  if (run.empty()) return;
  const size_t tb = t_.text.size();
  const size_t n = run.size();
  t_.text.append(run);
  t_.to_src.resize(tb + n);
  uint32_t* map = t_.to_src.data() + tb;
  for (size_t k = 0; k < n; ++k) map[k] = src + static_cast<uint32_t>(k);
  starter_text_ = tb + n - 1;
  if (!build_key_) return;
  const size_t kb = t_.key.size();
  t_.key.resize(kb + n);
  t_.key_to_text.resize(kb + n);
  char* key = t_.key.data() + kb;
  uint32_t* back = t_.key_to_text.data() + kb;
  for (size_t k = 0; k < n; ++k) {
    char c = run[k];
    key[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;  // fold_append on ASCII
    back[k] = static_cast<uint32_t>(tb + k);
  }
  starter_key_ = kb + n - 1;
}

void TextBuilder::append(char32_t cp, uint32_t src, bool identity) {
  const size_t tb = t_.text.size();
  encode_utf8(cp, t_.text);
  for (size_t k = tb; k < t_.text.size(); ++k) {
    t_.to_src.push_back(identity ? src + static_cast<uint32_t>(k - tb) : src);
  }
  if (may_change_under_nfc(cp) && renormalise()) return;
  fold(cp, tb);
}

void TextBuilder::fold(char32_t cp, size_t text_begin) {
  const size_t kb = t_.key.size();
  if (build_key_) {
    fold_append(cp, t_.key);
    t_.key_to_text.resize(t_.key.size(), static_cast<uint32_t>(text_begin));
  }
  if (is_starter(cp)) {
    starter_text_ = text_begin;
    starter_key_ = kb;
  }
}

// Composes text from the last starter on, after a code point that NFC may change was appended.
// Returns false when the text is already in NFC (nothing to do but fold the code point).
bool TextBuilder::renormalise() {
  const std::string_view seq = std::string_view(t_.text).substr(starter_text_);
  if (seq.size() > kMaxSequenceBytes) return false;
  utf8proc_int32_t cps[kMaxSequenceCps];
  utf8proc_ssize_t n =
      utf8proc_decompose(reinterpret_cast<const utf8proc_uint8_t*>(seq.data()),
                         static_cast<utf8proc_ssize_t>(seq.size()), cps, kMaxSequenceCps,
                         static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STABLE));
  if (n < 0 || n > static_cast<utf8proc_ssize_t>(kMaxSequenceCps)) return false;
  n = utf8proc_normalize_utf32(cps, n,
                               static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  if (n < 0) return false;
  char composed[kMaxSequenceCps * 4];
  size_t len = 0;
  for (utf8proc_ssize_t k = 0; k < n; ++k) {
    len += static_cast<size_t>(
        utf8proc_encode_char(cps[k], reinterpret_cast<utf8proc_uint8_t*>(composed + len)));
  }
  if (std::string_view(composed, len) == seq) return false;
  // The sequence is one unit now: every byte maps to the starter's source offset, and the key
  // is folded again from the starter.
  const uint32_t src = t_.to_src[starter_text_];
  t_.text.resize(starter_text_);
  t_.to_src.resize(starter_text_);
  if (build_key_) {
    t_.key.resize(starter_key_);
    t_.key_to_text.resize(starter_key_);
  }
  for (utf8proc_ssize_t k = 0; k < n; ++k) {
    const size_t tb = t_.text.size();
    const auto cp = static_cast<char32_t>(cps[k]);
    encode_utf8(cp, t_.text);
    t_.to_src.resize(t_.text.size(), src);
    fold(cp, tb);
  }
  return true;
}

void TextBuilder::finish(uint32_t src_size) {
  t_.to_src.push_back(src_size);
  t_.key_to_text.push_back(static_cast<uint32_t>(t_.text.size()));
}

}  // namespace kg::read_detail
