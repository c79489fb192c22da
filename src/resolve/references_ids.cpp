// Official identifiers formed from what a citation states: CELEX numbers of numbered EU
// acts, Kamerstuk dossier keys, parliamentary years.
#include <charconv>
#include <cstdio>

#include "resolve/references_state.h"

namespace kg::refs {
namespace {

std::optional<int> to_int(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// A year as EU numbers write it: four digits, or two (before 1999: "95/46/EG").
std::optional<int> as_year(std::string_view s) {
  auto v = to_int(s);
  if (!v) return std::nullopt;
  if (s.size() == 4 && *v >= 1952 && *v <= 2099) return *v;
  if (s.size() == 2 && *v >= 52) return 1900 + *v;
  return std::nullopt;
}

}  // namespace

// CELEX sector 3 (secondary law): 3 + year + type letter + number padded to four digits.
// Directives and decisions are numbered year/number; regulations number/year until 2014
// ("(EG) nr. 1049/2001") and year/number since 2015 ("(EU) 2016/679").
std::string celex_of(std::string_view kind, std::string_view number, std::string_view suffix) {
  size_t slash = number.find('/');
  if (slash == std::string_view::npos) return "";
  std::string_view a = number.substr(0, slash), b = number.substr(slash + 1);
  char type = 0;
  std::optional<int> year, n;
  if (kind == "richtlijn" || kind == "besluit" || kind == "kaderbesluit") {
    if (kind != "richtlijn" && suffix.empty()) return "";  // a Dutch "Besluit" has no such number
    type = kind == "richtlijn" ? 'L' : kind == "besluit" ? 'D' : 'F';
    year = as_year(a);
    n = to_int(b);
  } else if (kind == "verordening") {
    type = 'R';
    auto ya = as_year(a), yb = as_year(b);
    if (ya && a.size() == 4 && (*ya >= 2015 || !yb)) {
      year = ya;
      n = to_int(b);
    } else if (yb) {
      year = yb;
      n = to_int(a);
    }
  }
  if (!type || !year || !n || *n <= 0 || *n > 9999) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "3%04d%c%04d", *year, type, *n);
  return buf;
}

std::string dossier_key(std::string_view dossier) {
  std::string digits, suffix;
  size_t i = 0;
  for (; i < dossier.size() && digits.size() < 5; ++i) {
    if (std::isdigit(static_cast<unsigned char>(dossier[i])))
      digits += dossier[i];
    else if (dossier[i] != ' ')
      break;
  }
  for (; i < dossier.size(); ++i) {
    char c = dossier[i];
    if (std::isalnum(static_cast<unsigned char>(c)))
      suffix += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return suffix.empty() ? digits : digits + "-" + suffix;
}

std::string dossier_label(const std::string& key) {
  if (key.size() < 5) return key;
  return key.substr(0, 2) + " " + key.substr(2);
}

std::optional<std::pair<int, int>> session_years(std::string_view first_year) {
  auto a = to_int(first_year);
  if (!a || first_year.size() != 4) return std::nullopt;
  // The second year is always the first plus one, whatever the text says ("2022–203").
  return std::make_pair(*a, *a + 1);
}

}  // namespace kg::refs
