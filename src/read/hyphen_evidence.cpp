#include "read/hyphen_evidence.h"

#include <utf8proc.h>

#include <algorithm>
#include <unordered_map>

#include "read/char_class.h"
#include "read/normalise.h"

namespace kg::read_detail {
namespace {

constexpr bool is_ascii_token_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '-';
}

struct TokenTable {
  bool ascii[128];
  constexpr TokenTable() : ascii() {
    for (int c = 0; c < 128; ++c) ascii[c] = is_ascii_token_byte(static_cast<unsigned char>(c));
  }
};
constexpr TokenTable kTokenTable;

// Length of the token code point at s[i], or 0 when s[i] does not continue a token.
size_t token_char(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return kTokenTable.ascii[c] ? 1 : 0;
  size_t next = i;
  return is_letter(decode_utf8(s, next)) ? next - i : 0;
}

}  // namespace

size_t HyphenEvidence::add(std::string word) {
  words_.push_back(std::move(word));
  return words_.size() - 1;
}

void HyphenEvidence::scan(std::string_view src) {
  found_.assign(words_.size(), false);
  if (words_.empty()) return;
  // Views into words_, which no longer changes. Tokens are hashed only when a word has their
  // length, first byte and last byte, which rejects nearly all of them.
  std::unordered_map<std::string_view, std::vector<size_t>> ids;
  std::vector<std::bitset<256>> first_by_len, last_by_len;
  for (size_t i = 0; i < words_.size(); ++i) {
    const std::string& w = words_[i];
    if (w.empty()) continue;
    ids[w].push_back(i);
    if (w.size() >= first_by_len.size()) {
      first_by_len.resize(w.size() + 1);
      last_by_len.resize(w.size() + 1);
    }
    first_by_len[w.size()].set(static_cast<unsigned char>(w.front()));
    last_by_len[w.size()].set(static_cast<unsigned char>(w.back()));
  }
  size_t i = 0;
  while (i < src.size()) {
    const size_t begin = i;
    for (size_t n; i < src.size() && (n = token_char(src, i)) != 0;) i += n;
    if (i == begin) {
      decode_utf8(src, i);  // not a token: skip one code point
      continue;
    }
    const size_t len = i - begin;
    if (len >= first_by_len.size() || !first_by_len[len][static_cast<unsigned char>(src[begin])] ||
        !last_by_len[len][static_cast<unsigned char>(src[i - 1])]) {
      continue;
    }
    auto it = ids.find(src.substr(begin, len));
    if (it == ids.end()) continue;
    for (size_t id : it->second) found_[id] = true;
  }
}

std::string lower_first(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  size_t i = 0;
  if (!word.empty()) {
    char32_t cp = decode_utf8(word, i);
    encode_utf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))), out);
  }
  out.append(word.substr(i));
  return out;
}

}  // namespace kg::read_detail
