#include "resolve/dates.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <tuple>

#include "read/normalise.h"

namespace kg {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december"};


bool valid(const Date& d) {
  if (d.year < 1800 || d.year > 2200) return false;
  if (d.month == 0) return d.day == 0;
  if (d.month < 1 || d.month > 12) return false;
  return d.day == 0 || (d.day >= 1 && d.day <= days_in_month(d.year, d.month));
}

// Reads an unsigned number of at most max_digits digits at s[i].
std::optional<int> number(std::string_view s, size_t& i, size_t max_digits) {
  size_t start = i;
  int v = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - start < max_digits) {
    v = v * 10 + (s[i++] - '0');
  }
  if (i == start) return std::nullopt;
  return v;
}

void skip_spaces(std::string_view s, size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
}

std::optional<Date> numeric(std::string_view s) {
  size_t i = 0;
  auto a = number(s, i, 4);
  if (!a || i >= s.size() || s[i] != '-') return std::nullopt;
  size_t len_a = i;
  ++i;
  auto b = number(s, i, 2);
  if (!b) return std::nullopt;
  Date d;
  if (len_a == 4) {  // 2021-09 or 2021-09-23
    d = {*a, *b, 0};
    if (i < s.size() && s[i] == '-') {
      ++i;
      auto c = number(s, i, 2);
      if (!c) return std::nullopt;
      d.day = *c;
    }
  } else {  // 12-10-2023
    if (i >= s.size() || s[i] != '-') return std::nullopt;
    ++i;
    auto c = number(s, i, 4);
    if (!c || *c < 1000) return std::nullopt;
    d = {*c, *b, *a};
  }
  if (i != s.size()) return std::nullopt;
  return d;
}

}  // namespace

int dutch_month(std::string_view name) {
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (kMonths[m] == name) return static_cast<int>(m) + 1;
  }
  return 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string Date::iso() const {
  char buf[16];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

bool Date::operator<(const Date& o) const {
  return std::tie(year, month, day) < std::tie(o.year, o.month, o.day);
}

std::optional<Date> parse_dutch_date(std::string_view s, const std::optional<Date>& context) {
  std::string folded = fold(s);
  std::string_view f = folded;
  while (!f.empty() && (f.back() == ' ' || f.back() == '.' || f.back() == '\n')) f.remove_suffix(1);
  if (f.ends_with(" jl")) f.remove_suffix(3);
  while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
  if (auto d = numeric(f); d && valid(*d)) return d;

  size_t i = 0;
  auto day = number(f, i, 2);
  if (!day) return std::nullopt;
  skip_spaces(f, i);
  size_t start = i;
  while (i < f.size() && std::isalpha(static_cast<unsigned char>(f[i]))) ++i;
  std::string_view month_name = f.substr(start, i - start);
  Date d{0, dutch_month(month_name), *day};
  if (d.month == 0) return std::nullopt;
  skip_spaces(f, i);
  if (auto year = number(f, i, 4); year && *year >= 1000) {
    d.year = *year;
  } else if (context && context->year > 0) {
    d.year = context->year;
    if (context->month > 0 && std::tie(d.month, d.day) > std::tie(context->month, context->day) &&
        context->day > 0) {
      d.year -= 1;
    }
  } else {
    return std::nullopt;
  }
  if (i != f.size() || !valid(d)) return std::nullopt;
  return d;
}

}  // namespace kg
