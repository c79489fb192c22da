// The store's key layout (docs/storage.md has the table). Everything lives in the
// default column family; a short ASCII prefix ending in '/' names the kind of entry, so
// `ldb scan` shows readable keys and every kind is one contiguous key range.
#pragma once

#include <string>
#include <string_view>

namespace kg::store_keys {

// The schema version this build reads and writes; stored under kMeta.
inline constexpr std::string_view kSchema = "kamergraph-store/1";

inline constexpr std::string_view kMeta = "meta/schema";
inline constexpr std::string_view kDocPrefix = "doc/";    // doc id -> DocumentRecord
inline constexpr std::string_view kFragPrefix = "frag/";  // doc id -> encode_fragment()
inline constexpr std::string_view kSrcPrefix = "src/";    // source path -> doc id
inline constexpr std::string_view kShaPrefix = "sha/";    // sha256 -> doc id

inline std::string key(std::string_view prefix, std::string_view rest) {
  std::string k;
  k.reserve(prefix.size() + rest.size());
  k.append(prefix).append(rest);
  return k;
}

// The exclusive upper bound of the key range of `prefix`: every prefix ends in '/', so
// bumping that last byte gives the first key past the range.
inline std::string upper_bound(std::string_view prefix) {
  std::string k(prefix);
  k.back() = static_cast<char>(k.back() + 1);
  return k;
}

}  // namespace kg::store_keys
