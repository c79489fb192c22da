#include "resolve/person_names.h"

#include <algorithm>
#include <array>

#include "read/normalise.h"

namespace kg {
namespace {

constexpr std::array<std::string_view, 18> kParticles = {"van", "de", "der", "den", "ter", "ten",
                                                         "te",  "'t", "in",  "op",  "von", "vander",
                                                         "la",  "le", "du",  "da",  "dos", "het"};

// Words that introduce a person; they are stripped and the first one is kept as title.
constexpr std::array<std::string_view, 20> kTitles = {"het",
                                                      "de",
                                                      "lid",
                                                      "leden",
                                                      "kamerlid",
                                                      "kamerleden",
                                                      "minister",
                                                      "ministers",
                                                      "staatssecretaris",
                                                      "staatssecretarissen",
                                                      "demissionair",
                                                      "minister-president",
                                                      "premier",
                                                      "mevrouw",
                                                      "de heer",
                                                      "heer",
                                                      "mr.",
                                                      "dr.",
                                                      "prof.",
                                                      "drs."};

// Capitalised words that follow titles or lead a list but are not names.
constexpr std::array<std::string_view, 24> kNotNames = {
    "kamer",         "voorzitter",      "regering",     "minister",    "staatssecretaris",
    "kabinet",       "staten-generaal", "raad",         "commissie",   "ministerie",
    "vragen",        "leden",           "tweede",       "eerste",      "nederland",
    "rijksoverheid", "kamerstuk",       "kamerstukken", "handelingen", "aanhangsel",
    "motie",         "amendement",      "brief",        "kamerbrief"};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool contains(auto const& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

Range trim(std::string_view text, Range r) {
  while (r.begin < r.end && (is_space(text[r.begin]) || text[r.begin] == ',')) ++r.begin;
  while (r.end > r.begin &&
         (is_space(text[r.end - 1]) || text[r.end - 1] == ',' || text[r.end - 1] == '.')) {
    --r.end;
  }
  return r;
}

// True when text at i starts with a title word such as "Minister" (any case).
bool title_at(std::string_view text, uint32_t i, uint32_t end) {
  for (std::string_view t : {"minister", "staatssecretaris"}) {
    if (i + t.size() <= end && fold(text.substr(i, t.size())) == t) return true;
  }
  return false;
}

// Splits text[range] at top-level ",", "/" and " en " (outside parentheses), and at " van "
// before a title ("Minister X (BZ) van Minister Y (BHO)", a converter's mangled "mede
// namens").
std::vector<Range> split_items(std::string_view text, Range range) {
  std::vector<Range> items;
  int depth = 0;
  uint32_t start = range.begin;
  for (uint32_t i = range.begin; i < range.end; ++i) {
    char c = text[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth != 0) continue;
    if (c == ',' || c == '/') {  // "de motie Bikker/Omtzigt"
      items.push_back({start, i});
      start = i + 1;
    } else if (is_space(c) && i + 4 <= range.end && text.substr(i + 1, 2) == "en" &&
               i + 3 < range.end && is_space(text[i + 3])) {
      items.push_back({start, i});
      start = i + 4;
      i += 3;
      // "Antwoord van Minister X (..) en van Minister Y (..)": the second "van" goes too.
      if (start + 4 < range.end && text.substr(start, 3) == "van" && is_space(text[start + 3]) &&
          title_at(text, start + 4, range.end)) {
        start += 4;
        i += 4;
      }
    } else if (is_space(c) && i + 5 < range.end && text.substr(i + 1, 3) == "van" &&
               is_space(text[i + 4]) && title_at(text, i + 5, range.end)) {
      items.push_back({start, i});
      start = i + 5;
      i += 4;
    }
  }
  items.push_back({start, range.end});
  return items;
}

std::vector<Range> words(std::string_view text, Range r) {
  std::vector<Range> out;
  uint32_t i = r.begin;
  while (i < r.end) {
    while (i < r.end && is_space(text[i])) ++i;
    uint32_t s = i;
    while (i < r.end && !is_space(text[i])) ++i;
    if (i > s) out.push_back({s, i});
  }
  return out;
}

bool starts_upper(std::string_view w) {
  if (w.empty()) return false;
  size_t i = 0;
  char32_t cp = decode_utf8(w, i);
  std::string lower;
  fold_append(cp, lower);
  std::string same;
  encode_utf8(cp, same);
  return lower != same && !(cp >= '0' && cp <= '9');
}

// Adds a word of a name, splitting a particle glued to the surname by a PDF converter
// ("vanDijk" -> "van", "Dijk").
void add_token(std::vector<std::string>& tokens, std::string_view word) {
  for (size_t len = 2; len < word.size() && len <= 4; ++len) {
    if (word[len] >= 'A' && word[len] <= 'Z' && is_name_particle(word.substr(0, len))) {
      tokens.emplace_back(word.substr(0, len));
      tokens.emplace_back(word.substr(len));
      return;
    }
  }
  tokens.emplace_back(word);
}

bool looks_like_name(const std::vector<std::string>& tokens) {
  if (tokens.empty() || tokens.size() > 6) return false;
  bool has_capital = false;
  for (const auto& t : tokens) {
    if (std::any_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    std::string f = fold(t);
    if (contains(kNotNames, f)) return false;
    if (starts_upper(t))
      has_capital = true;
    else if (!is_name_particle(f))
      return false;
  }
  return has_capital && !is_name_particle(fold(tokens.back()));
}

}  // namespace

bool is_name_particle(std::string_view folded_token) { return contains(kParticles, folded_token); }

PersonList parse_person_list(std::string_view text, Range range) {
  PersonList list;
  for (Range item : split_items(text, range)) {
    item = trim(text, item);
    if (item.empty()) continue;
    PersonRef ref;
    ref.range = item;
    // Parenthesised groups follow the name.
    uint32_t paren = item.begin;
    while (paren < item.end && text[paren] != '(') ++paren;
    for (uint32_t i = paren; i < item.end;) {
      if (text[i] != '(') {
        ++i;
        continue;
      }
      uint32_t close = i + 1;
      while (close < item.end && text[close] != ')') ++close;
      ref.groups.push_back({i + 1, close});
      i = close + 1;
    }
    std::vector<Range> ws = words(text, trim(text, {item.begin, paren}));
    size_t first = 0;
    while (first < ws.size()) {
      std::string f = fold(text.substr(ws[first].begin, ws[first].size()));
      if (!contains(kTitles, f)) break;
      // "de"/"het" are articles before a title ("de leden"), particles before a name ("De Vries").
      bool article = f == "de" || f == "het";
      if (article &&
          (first + 1 == ws.size() ||
           !contains(kTitles, fold(text.substr(ws[first + 1].begin, ws[first + 1].size()))))) {
        break;
      }
      if (ref.title.empty() && f != "het" && f != "de" && f != "demissionair") ref.title = f;
      ++first;
    }
    if (first == ws.size()) {
      // Only groups: "(beiden D66)" glued to the previous item is handled below.
      if (!ref.groups.empty() && !list.persons.empty()) {
        list.shared_groups = ref.groups;
      }
      continue;
    }
    // "de Minister van Justitie", "de Staatssecretaris voor X": an office, not a name (a
    // particle after a title is capitalised: "Minister Van der Wal").
    std::string_view lead = text.substr(ws[first].begin, ws[first].size());
    if (!ref.title.empty() && (lead == "van" || lead == "voor")) continue;
    ref.name = {ws[first].begin, ws.back().end};
    for (size_t k = first; k < ws.size(); ++k) {
      add_token(ref.tokens, text.substr(ws[k].begin, ws[k].size()));
    }
    if (!looks_like_name(ref.tokens)) continue;
    list.persons.push_back(std::move(ref));
  }
  // "(beiden D66)" / "(allen VVD)" on the last person applies to all of them.
  if (!list.persons.empty()) {
    auto& groups = list.persons.back().groups;
    for (auto it = groups.begin(); it != groups.end();) {
      std::string f = fold(text.substr(it->begin, it->size()));
      if (f.starts_with("beiden ") || f.starts_with("allen ") || f.starts_with("beide ")) {
        Range shared = *it;
        shared.begin += static_cast<uint32_t>(f.find(' ') + 1);
        list.shared_groups.push_back(shared);
        it = groups.erase(it);
      } else {
        ++it;
      }
    }
  }
  return list;
}

}  // namespace kg
