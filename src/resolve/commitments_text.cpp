#include "resolve/commitments_text.h"

#include <algorithm>
#include <array>

#include "read/normalise.h"

namespace kg::commit {
namespace {

// Words before a period that do not end a sentence (folded, without the final period).
constexpr std::string_view kAbbreviations[] = {
    "nr",  "jl",  "o.a",   "bijv",  "art",   "e.d",   "d.d", "blz",  "ca",   "vgl",
    "resp", "mr", "dhr",   "mevr",  "mw",    "drs",   "ir",  "dr",   "prof", "m.b.t",
    "t.a.v", "i.p.v", "n.a.v", "z.s.m", "incl", "excl", "e.a", "stb", "stcrt", "kst"};

constexpr std::string_view kFunctionWords[] = {
    "de",       "het",      "een",      "en",       "of",        "in",        "op",
    "aan",      "van",      "voor",     "met",      "naar",      "over",      "om",
    "te",       "tot",      "bij",      "door",     "uit",       "als",       "dan",
    "dat",      "die",      "dit",      "deze",     "er",        "is",        "zijn",
    "was",      "waren",    "wordt",    "worden",   "werd",      "werden",    "zal",
    "zullen",   "zou",      "zouden",   "kan",      "kunnen",    "kon",       "konden",
    "moet",     "moeten",   "mag",      "mogen",    "wil",       "willen",    "heeft",
    "hebben",   "heb",      "had",      "hadden",   "ben",       "bent",      "ik",
    "wij",      "we",       "u",        "uw",       "hij",       "zij",       "ze",
    "men",      "hem",      "hun",      "haar",     "mijn",      "ons",       "onze",
    "zich",     "niet",     "geen",     "wel",      "ook",       "nog",       "al",
    "zo",       "dus",      "maar",     "want",     "omdat",     "nu",        "hier",
    "daar",     "waar",     "wat",      "wie",      "welke",     "welk",      "wanneer",
    "hoe",      "zoals",    "zowel",    "alsmede",  "tevens",    "eveneens",  "reeds",
    "alle",     "alles",    "ander",    "meer",     "meest",     "veel",      "zeer",
    "hierin",   "daarin",   "hiervan",  "daarvan",  "hierover",  "daarover",  "hierbij",
    "daarbij",  "hierop",   "daarop",   "hiermee",  "daarmee",   "hiervoor",  "daarvoor",
    "erin",     "ervan",    "erover",   "erbij",    "ermee",     "ervoor",    "waarin",
    "waarvan",  "waarover", "waarbij",  "waarop",   "waarmee",   "echter",    "immers",
    "namelijk", "bijvoorbeeld", "onder", "tussen",  "tegen",     "zonder",    "binnen",
    "buiten",   "na",       "sinds",    "vanaf",    "tijdens",   "per",       "via",
    "jl",       "nr",       "elkaar",   "iets",     "niets",     "iemand",    "niemand",
    "ieder",    "iedere",   "elk",      "elke",     "enkele",    "sommige",   "beide",
    "twee",     "drie",     "eerste",   "tweede",   "toch",      "even",      "zelf",
    "zelfs",    "eerder",   "later",    "thans",    "momenteel", "inmiddels", "dergelijke",
    "dergelijk", "betreffende", "inzake", "omtrent", "aldus",    "mede",      "namens",
    "dient",    "gaat",     "ga",       "doet",     "kunt",      "zult",      "hebt",
    "word",     "geworden", "geweest",  "alsook",   "evenals",   "hiertoe",   "daartoe",
    "naast",    "hierboven", "hieronder", "hierna",  "bovengenoemde", "indien",  "mocht",
    "zodra",    "nadat",    "voordat",  "totdat",   "waarna",    "zodat",     "opdat"};

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// True when the text at i can start a sentence: a capital (ASCII or Latin-1), a digit,
// an opening quote or bracket, or a bullet.
bool starts_sentence(std::string_view t, size_t i) {
  if (i >= t.size()) return true;
  char c = t[i];
  if (is_ascii_upper(c) || (c >= '0' && c <= '9') || c == '"' || c == '\'' || c == '(') return true;
  if (static_cast<unsigned char>(c) < 0x80) return false;
  size_t j = i;
  char32_t cp = decode_utf8(t, j);
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || cp == 0xAB /* « */ || cp == 0x2022 /* • */;
}

// The folded word that ends just before the period at `dot` (letters and inner periods).
bool after_abbreviation(std::string_view t, size_t begin, size_t dot) {
  size_t b = dot;
  while (b > begin && (is_ascii_alnum(t[b - 1]) || t[b - 1] == '.')) --b;
  std::string word = fold(t.substr(b, dot - b));
  if (word.size() == 1 && is_ascii_upper(t[b])) return true;  // an initial: "J. de Vries"
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) != std::end(kAbbreviations);
}

// If a sentence ends at the terminator at i, the offset just after it (and after closing
// quotes and a footnote number); otherwise npos.
size_t sentence_end(std::string_view t, Range part, size_t i) {
  char c = t[i];
  if (c != '.' && c != '?' && c != '!') return std::string_view::npos;
  if (c == '.' && after_abbreviation(t, part.begin, i)) return std::string_view::npos;
  size_t j = i + 1;
  while (j < part.end && (t[j] == '"' || t[j] == '\'' || t[j] == ')')) ++j;
  if (j < part.end && static_cast<unsigned char>(t[j]) == 0xC2 &&
      j + 1 < part.end && static_cast<unsigned char>(t[j + 1]) == 0xBB) {
    j += 2;  // »
  }
  size_t digits = j;
  while (digits < part.end && digits - j < 3 && t[digits] >= '0' && t[digits] <= '9') ++digits;
  if (digits > j && (digits == part.end || is_space(t[digits]))) j = digits;  // a footnote marker
  if (j < part.end && !is_space(t[j])) return std::string_view::npos;
  size_t k = j;
  while (k < part.end && is_space(t[k])) ++k;
  if (k < part.end && !starts_sentence(t, k)) return std::string_view::npos;
  return j;
}

struct Builder {
  std::vector<Sentence> out;
  Sentence cur;
  void piece(std::string_view t, size_t b, size_t e) {
    while (b < e && is_space(t[b])) ++b;
    while (e > b && is_space(t[e - 1])) --e;
    if (b >= e) return;
    cur.pieces.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }
  void close() {
    if (cur.pieces.empty()) return;
    cur.span = {cur.pieces.front().begin, cur.pieces.back().end};
    out.push_back(std::move(cur));
    cur = {};
  }
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

}  // namespace

std::vector<Sentence> split_sentences(std::string_view t, const std::vector<Range>& parts) {
  Builder b;
  for (Range part : parts) {
    part.end = std::min<uint32_t>(part.end, static_cast<uint32_t>(t.size()));
    size_t start = part.begin;
    for (size_t i = part.begin; i < part.end; ++i) {
      if (t[i] == '\n') {
        size_t k = i + 1;
        while (k < part.end && (t[k] == ' ' || t[k] == '\t')) ++k;
        if (k < part.end && t[k] == '\n') {  // a blank line ends a paragraph
          b.piece(t, start, i);
          b.close();
          start = k;
          i = k;
        }
        continue;
      }
      size_t end = sentence_end(t, part, i);
      if (end == std::string_view::npos) continue;
      b.piece(t, start, end);
      b.close();
      start = end;
      i = end - 1;
    }
    b.piece(t, start, part.end);  // unfinished: the sentence goes on in the next part
  }
  b.close();
  return std::move(b.out);
}

std::string sentence_text(std::string_view text, const Sentence& s) {
  std::string out;
  for (Range p : s.pieces) {
    std::string piece = display(text.substr(p.begin, p.size()));
    if (piece.empty()) continue;
    if (!out.empty()) out += ' ';
    out += piece;
  }
  return out;
}

std::string stem(std::string_view w) {
  std::string s(w);
  if (ends_with(s, "'s")) s.resize(s.size() - 2);
  while (!s.empty() && (s.back() == '\'' || s.back() == '-')) s.pop_back();
  while (!s.empty() && s.front() == '-') s.erase(0, 1);
  if (s.size() > 6 && s.starts_with("ge") && !ends_with(s, "heid") &&
      (s.back() == 'd' || s.back() == 't')) {
    s = s.substr(2, s.size() - 3);  // past participle: geinformeerd -> informeer
  } else if (ends_with(s, "heden")) {
    s.replace(s.size() - 5, 5, "heid");
  }
  if (ends_with(s, "heid") && s.size() > 6) {
    s.resize(s.size() - 4);
  } else if (ends_with(s, "en") && s.size() > 4) {
    s.resize(s.size() - 2);
  } else if (s.size() > 4 && s.back() == 's' && (s[s.size() - 2] == 'e' || s[s.size() - 2] == 'r')) {
    s.pop_back();  // procedures -> procedure, burgers -> burger; not eis, prijs, mens
  }
  if (s.size() > 4 && s.back() == 'e') s.pop_back();  // mogelijke -> mogelijk
  size_t n = s.size();
  if (n >= 3 && s[n - 1] == s[n - 2] && !is_vowel(s[n - 1])) s.pop_back();
  n = s.size();
  if (n >= 4 && !is_vowel(s[n - 1]) && s[n - 2] == s[n - 3] && is_vowel(s[n - 2]) && s[n - 2] != 'i' &&
      !is_vowel(s[n - 4])) {
    s.erase(n - 2, 1);  // nationaal -> national, informeer -> informer
  }
  return s;
}

bool is_function_word(std::string_view w) {
  return std::find(std::begin(kFunctionWords), std::end(kFunctionWords), w) != std::end(kFunctionWords);
}

std::vector<std::string> content_stems(std::string_view utf8,
                                       const std::unordered_set<std::string>& skip) {
  std::string folded = fold(utf8);
  std::vector<std::string> out;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !is_ascii_alnum(folded[i])) ++i;
    size_t b = i;
    while (i < folded.size() &&
           (is_ascii_alnum(folded[i]) ||
            ((folded[i] == '-' || folded[i] == '\'') && i + 1 < folded.size() && is_ascii_alnum(folded[i + 1])))) {
      ++i;
    }
    if (i == b) continue;
    std::string word = folded.substr(b, i - b);
    if (word.size() < 2 || is_function_word(word) || skip.count(word)) continue;
    if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    std::string s = stem(word);
    if (s.size() < 2 || std::find(out.begin(), out.end(), s) != out.end()) continue;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> sorted_set(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

double dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 0.0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

std::string slug(std::string_view utf8, size_t max_chars) {
  std::string folded = fold(utf8), out;
  bool gap = false;
  for (char c : folded) {
    if (is_ascii_alnum(c)) {
      if (gap && !out.empty()) out += '-';
      gap = false;
      out += c;
    } else {
      gap = true;
    }
  }
  if (out.size() > max_chars) {
    size_t cut = out.rfind('-', max_chars);
    out.resize(cut == std::string::npos ? max_chars : cut);
  }
  return out;
}

}  // namespace kg::commit
