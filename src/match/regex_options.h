// The one set of RE2 options used for regex rules, so that a regex accepted by
// `rules check` compiles identically in the matcher.
#pragma once

#include <re2/re2.h>

namespace kg::match_internal {

inline RE2::Options regex_options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_longest_match(false);
  options.set_log_errors(false);
  // Enough for large alternations of names; RE2 falls back to its NFA beyond this,
  // so matching stays linear either way.
  options.set_max_mem(int64_t{64} << 20);
  return options;
}

}  // namespace kg::match_internal
