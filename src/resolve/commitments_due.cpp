#include "resolve/commitments_due.h"

#include <array>

#include "read/normalise.h"

namespace kg::commit {
namespace {

struct Period {
  std::string_view name;
  int start_month, start_day;  // the first day
  int end_month, end_day;      // the last day (in the next year when before the start)
};

// Astronomical seasons as Dutch planning uses them, and the Tweede Kamer's recesses.
constexpr std::array<Period, 11> kPeriods = {{{"voorjaar", 3, 20, 6, 20},
                                              {"lente", 3, 20, 6, 20},
                                              {"zomer", 6, 21, 9, 21},
                                              {"najaar", 9, 22, 12, 20},
                                              {"herfst", 9, 22, 12, 20},
                                              {"winter", 12, 21, 3, 19},
                                              {"zomerreces", 7, 1, 9, 1},
                                              {"kerstreces", 12, 20, 1, 10},
                                              {"herfstreces", 10, 14, 10, 22},
                                              {"voorjaarsreces", 2, 16, 2, 24},
                                              {"krokusreces", 2, 16, 2, 24}}};

std::string iso(int y, int m, int d) { return Date{y, m, d}.iso(); }

std::string cap(const std::string& text, const PatternMatch& m, std::string_view name) {
  const Capture* c = m.get(name);
  return c && !c->range.empty() ? fold(std::string_view(text).substr(c->range.begin, c->range.size()))
                                : std::string();
}

// "voor" / "vóór" / "uiterlijk voor": the start of the period; "na": after its end; else its end.
enum class Edge { kStart, kEnd, kAfter };
Edge edge_of(const std::string& rel) {
  if (rel.find("voor") != std::string::npos && rel.find("einde") == std::string::npos &&
      rel.find("eind ") == std::string::npos) {
    return Edge::kStart;
  }
  if (rel == "na") return Edge::kAfter;
  return Edge::kEnd;
}

// The year of a date stated without one: the made_on year, or the next when that lies before.
int infer_year(int month, int day, const std::optional<Date>& made_on) {
  if (!made_on) return 0;
  int y = made_on->year;
  if (made_on->month > month || (made_on->month == month && made_on->day > day)) ++y;
  return y;
}

}  // namespace

std::optional<Due> parse_due(const std::string& text, const PatternMatch& m,
                             const std::optional<Date>& made_on) {
  Due due;
  due.text = display(std::string_view(text).substr(m.range.begin, m.range.size()));
  std::string rel = cap(text, m, "rel");
  if (rel.starts_with("nog ")) rel = rel.substr(4);
  Edge edge = edge_of(rel);
  std::string year_s = cap(text, m, "year");
  int year = year_s.empty() ? 0 : std::stoi(year_s);

  if (!cap(text, m, "vague").empty()) {
    due.precision = "vague";
    return due;
  }
  if (std::string season = cap(text, m, "season"); !season.empty()) {
    for (const Period& p : kPeriods) {
      if (p.name != season) continue;
      bool wraps = p.end_month < p.start_month;
      int y = year ? year : infer_year(edge == Edge::kStart ? p.start_month : p.end_month,
                                       edge == Edge::kStart ? p.start_day : p.end_day, made_on);
      if (!y) return std::nullopt;
      if (edge == Edge::kStart) {
        due.iso = iso(y, p.start_month, p.start_day);
      } else {
        int end_year = wraps && year ? y + 1 : y;
        due.iso = iso(end_year, p.end_month, p.end_day);
      }
      due.precision = "season";
      return due;
    }
    return std::nullopt;
  }
  if (std::string month = cap(text, m, "month"); !month.empty()) {
    const int mo = dutch_month(month);
    if (!mo) return std::nullopt;
    int y = year ? year : infer_year(mo, edge == Edge::kStart ? 1 : days_in_month(2001, mo), made_on);
    if (!y) return std::nullopt;
    due.iso = iso(y, mo, edge == Edge::kStart ? 1 : days_in_month(y, mo));
    due.precision = "month";
    return due;
  }
  if (std::string date = cap(text, m, "date"); !date.empty()) {
    std::optional<Date> d = parse_dutch_date(date);
    if (!d && made_on) {
      d = parse_dutch_date(date, Date{made_on->year, 12, 31});
      if (d && made_on && *d < *made_on) ++d->year;
    }
    if (!d || !d->day) return std::nullopt;
    due.iso = d->iso();
    due.precision = "day";
    return due;
  }
  if (std::string quarter = cap(text, m, "quarter"); !quarter.empty()) {
    int q = quarter == "eerste" ? 1 : quarter == "tweede" ? 2 : quarter == "derde" ? 3 : 4;
    int end_month = q * 3;
    int y = year ? year : infer_year(end_month, days_in_month(2001, end_month), made_on);
    if (!y) return std::nullopt;
    due.iso = edge == Edge::kStart ? iso(y, end_month - 2, 1) : iso(y, end_month, days_in_month(y, end_month));
    due.precision = "quarter";
    return due;
  }
  std::string this_year = cap(text, m, "thisyear");
  if (!year && !this_year.empty() && made_on) {
    year = made_on->year + (this_year.find("volgend") != std::string::npos ||
                                    this_year.find("komende") != std::string::npos
                                ? 1
                                : 0);
  }
  if (!year) return std::nullopt;
  if (rel == "begin") {
    due.iso = iso(year, 3, 31);
    due.precision = "quarter";
  } else if (rel == "medio") {
    due.iso = iso(year, 6, 30);
    due.precision = "half";
  } else if (edge == Edge::kStart && this_year.empty()) {
    due.iso = iso(year, 1, 1);  // "voor 2025": before the year begins
    due.precision = "year";
  } else {
    due.iso = iso(year, 12, 31);
    due.precision = "year";
  }
  return due;
}

}  // namespace kg::commit
