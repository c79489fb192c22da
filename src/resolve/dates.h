// Dutch dates as they appear in parliamentary documents.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kg {

struct Date {
  int year = 0;
  int month = 0;  // 1-12, 0 when unknown
  int day = 0;    // 1-31, 0 when unknown
  // ISO 8601: "2021-11-09", "2021-09" (month precision) or "2021".
  std::string iso() const;
  bool operator<(const Date& o) const;
};

// Parses "9 november 2021", "1 oktober 2021", "22 maart" (year missing), "22 maart jl."
// "2021-09", "2021-09-23" and "12-10-2023". When the year is missing it is taken from
// `context` (the document's date): the latest year such that the date is not after
// the context date. Returns nullopt for anything else, including impossible dates.
// 1-12 for a Dutch month name in lower case ("januari" ... "december"), 0 otherwise.
int dutch_month(std::string_view name);

// The number of days of `month` (1-12) in `year`, leap years included.
int days_in_month(int year, int month);

std::optional<Date> parse_dutch_date(std::string_view s, const std::optional<Date>& context = {});

}  // namespace kg
