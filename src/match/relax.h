// A relaxed form of a regex for a fast first search. RE2 expands a counted repeat
// x{m,n} into n copies of x; unanchored, a wide class under a large count
// ("[^.;?!]{0,400}?") makes its DFA build a new state at almost every byte, hundreds
// of times slower than x*. relax() rewrites such counts to {m,} (or {0,} when m is
// large too), which matches a superset of the original: the leftmost match of the
// relaxed form starts at or before the leftmost match of the original, so the matcher
// can search with the original from there (docs/performance.md).
#pragma once

#include <string>
#include <string_view>

namespace kg::match_internal {

// Counts above this are relaxed; smaller ones cost RE2 little.
inline constexpr int kRelaxAbove = 16;

// The regex with every counted repeat {m,n} or {n} whose upper bound exceeds
// kRelaxAbove made unbounded; the input unchanged when it has none. Counts inside
// character classes and escaped braces are left alone.
std::string relax(std::string_view regex);

}  // namespace kg::match_internal
