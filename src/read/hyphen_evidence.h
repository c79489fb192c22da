// Internal to the read stage: which words a document contains, for hyphenation decisions.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kg::read_detail {

// A set of words to look for, then one pass over the document that records which occur as whole
// tokens (maximal runs of letters, digits and hyphens: "Xiaomi-telefoons", "Xiaomi").
class HyphenEvidence {
 public:
  // Registers a word and returns its id for found().
  size_t add(std::string word);
  // Records which registered words occur in src. Linear in src.size().
  void scan(std::string_view src);
  bool found(size_t id) const { return found_[id]; }

 private:
  std::vector<std::string> words_;
  std::vector<bool> found_;
};

// The word with its first letter lowercased ("Daar" -> "daar").
std::string lower_first(std::string_view word);

}  // namespace kg::read_detail
