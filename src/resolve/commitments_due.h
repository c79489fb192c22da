// Internal to the commitments extractor: deadlines as the genre states them.
#pragma once

#include <optional>
#include <string>

#include "match/matcher.h"
#include "resolve/dates.h"

namespace kg::commit {

struct Due {
  std::string iso;        // "2022-06-21"; empty when the text names no date ("op korte termijn")
  std::string precision;  // day | month | quarter | season | half | year | vague
  std::string text;       // the phrase as written
};

// The deadline a commit.due match states, relative to the date the commitment was made (for
// a missing year: the first such date not before made_on). "voor X" is the start of X, "in X"
// or "eind X" its end: "voor de zomer van 2022" -> 2022-06-21 (season), "in het eerste
// kwartaal van 2024" -> 2024-03-31 (quarter), "eind 2023" -> 2023-12-31 (year).
// nullopt when the match names nothing usable.
std::optional<Due> parse_due(const std::string& text, const PatternMatch& m,
                             const std::optional<Date>& made_on);

}  // namespace kg::commit
