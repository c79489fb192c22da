// Tests of the matcher's speed-ups for regex rules: relax() and the prefilter must
// never change what Matcher::patterns finds. The reference is the plain loop the
// matcher would run without them: every rule of the scope, RE2 unanchored, over the
// range.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "match/matcher.h"
#include "match/regex_options.h"
#include "match/relax.h"
#include "match/rules.h"
#include "read/normalise.h"

namespace fs = std::filesystem;
using kg::match_internal::relax;

namespace {

class TempRules {
 public:
  explicit TempRules(const std::string& patterns) {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("kg_test_prefilter_" + std::to_string(rd()));
    fs::create_directories(path_ / "patterns");
    std::ofstream(path_ / "patterns" / "p.jsonl", std::ios::binary) << patterns;
  }
  ~TempRules() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Found {
  std::string rule;
  uint32_t begin, end;
  std::vector<std::pair<uint32_t, uint32_t>> groups;
  bool operator==(const Found&) const = default;
};

// The rules compiled plainly, as the reference loop runs them.
struct Plain {
  const kg::PatternRule* rule;
  std::unique_ptr<RE2> re;
  std::vector<std::pair<int, std::string>> names;
};

std::vector<Plain> plain_rules(const kg::RuleSet& rules) {
  std::vector<Plain> out;
  for (const kg::PatternRule& rule : rules.patterns()) {
    Plain p{&rule, std::make_unique<RE2>(rule.regex, kg::match_internal::regex_options()), {}};
    for (const auto& [name, index] : p.re->NamedCapturingGroups())
      p.names.emplace_back(index, name);
    std::sort(p.names.begin(), p.names.end());
    out.push_back(std::move(p));
  }
  return out;
}

// What the matcher must find: the plain RE2 loop, sorted like patterns() sorts.
std::vector<Found> reference(const std::vector<Plain>& rules, const kg::Text& t, kg::Range r,
                             kg::Scope scope) {
  std::vector<Found> out;
  const re2::StringPiece subject(t.text.data() + r.begin, r.end - r.begin);
  for (const Plain& p : rules) {
    if (p.rule->scope != scope && p.rule->scope != kg::Scope::kAll) continue;
    std::vector<re2::StringPiece> g(1 + p.re->NumberOfCapturingGroups());
    size_t pos = 0;
    while (pos <= subject.size() &&
           p.re->Match(subject, pos, subject.size(), RE2::UNANCHORED, g.data(), g.size())) {
      Found f{p.rule->id,
              static_cast<uint32_t>(g[0].data() - t.text.data()),
              static_cast<uint32_t>(g[0].data() + g[0].size() - t.text.data()),
              {}};
      for (const auto& [index, name] : p.names) {
        const auto& c = g[index];
        f.groups.emplace_back(c.data() ? c.data() - t.text.data() : 0,
                              c.data() ? c.data() + c.size() - t.text.data() : 0);
      }
      out.push_back(f);
      pos = g[0].data() + g[0].size() - subject.data();
      if (g[0].empty()) {
        ++pos;
        while (pos < subject.size() && (static_cast<unsigned char>(subject[pos]) & 0xC0) == 0x80) {
          ++pos;
        }
      }
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Found& a, const Found& b) { return a.begin < b.begin; });
  return out;
}

std::vector<Found> actual(const kg::Matcher& m, const kg::PreparedText& t, kg::Range r,
                          kg::Scope scope) {
  std::vector<Found> out;
  for (const kg::PatternMatch& pm : m.patterns(t, r, scope)) {
    Found f{pm.rule->id, pm.range.begin, pm.range.end, {}};
    for (const kg::Capture& c : pm.captures) f.groups.emplace_back(c.range.begin, c.range.end);
    out.push_back(f);
  }
  return out;
}

// Every scope over the whole text and over each of its blank-line separated parts, and
// over ranges that cut words (and so the prefilter's literals) in two; the document is
// prepared once, as the extractor does.
void check_same(const std::vector<Plain>& rules, const kg::Matcher& m, const std::string& doc) {
  kg::Text t = kg::normalise(doc);
  const kg::PreparedText prepared = m.prepare(t);
  std::vector<kg::Range> ranges{{0, static_cast<uint32_t>(t.text.size())}};
  size_t start = 0;
  for (size_t at; (at = t.text.find("\n\n", start)) != std::string::npos; start = at + 2) {
    ranges.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(at)});
  }
  const auto size = static_cast<uint32_t>(t.text.size());
  for (uint32_t cut = 1; cut < 8; ++cut) {
    const kg::Range r{size * cut / 16 + cut, size - size * cut / 24};
    if (r.begin < r.end) ranges.push_back(r);
  }
  for (kg::Range r : ranges) {
    for (kg::Scope s : {kg::Scope::kHeader, kg::Scope::kBody, kg::Scope::kNotice}) {
      REQUIRE(actual(m, prepared, r, s) == reference(rules, t, r, s));
    }
  }
}

}  // namespace

TEST_CASE("relax makes large counted repeats unbounded and leaves the rest", "[prefilter]") {
  CHECK(relax("[^.;?!]{0,400}?niet") == "[^.;?!]{0,}?niet");
  CHECK(relax("a{3,250}b") == "a{3,}b");
  CHECK(relax("x{300}") == "x{0,}");
  CHECK(relax("x{100,}") == "x{0,}");
  CHECK(relax("\\d{1,2}\\s+\\d{4}") == "\\d{1,2}\\s+\\d{4}");  // small counts stay
  CHECK(relax("[a{0,400}]") == "[a{0,400}]");                  // inside a class: literal
  CHECK(relax("\\{0,400}") == "\\{0,400}");                    // escaped brace
  CHECK(relax("\\p{Lu}{1,40}") == "\\p{Lu}{1,}");
  CHECK(relax("[]{0,99}]x{0,99}") == "[]{0,99}]x{0,}");
  CHECK(relax("a{,5}") == "a{,5}");  // not a repeat in RE2: a literal brace
  CHECK(relax("") == "");
}

TEST_CASE("prefilter and relaxed search find exactly what plain RE2 finds", "[prefilter]") {
  TempRules dir(
      R"json({"id": "deferral", "fact": "f", "scope": "all", "regex": "(?P<object>[^.;?!]{0,40}?\\bniet\\s+binnen\\s+de\\s+termijn)"}
{"id": "geacht", "fact": "f", "scope": "body", "regex": "(?P<object>[^.;?!]{3,25}?)\\s+(?:wordt|worden)\\s+niet\\s+(?:nodig|zinvol)\\s+geacht"}
{"id": "vragen", "fact": "f", "scope": "header", "regex": "(?s)\\b[Vv]ragen\\s+van\\s.{0,30}?\\s+over\\s+(?P<t>[^()]{4,30}?)\\s*\\(ingezonden"}
{"id": "start", "fact": "f", "scope": "body", "regex": "^(?P<w>\\p{Lu}\\p{L}{0,20})"}
{"id": "end", "fact": "f", "scope": "body", "regex": "(?P<w>\\p{L}{2,30})$"}
{"id": "word", "fact": "f", "scope": "all", "regex": "\\b(?i:minister)\\s+(?P<n>\\p{Lu}\\p{L}+)"}
{"id": "accent", "fact": "f", "scope": "all", "regex": "(?i)ÉÉN\\s+(?P<x>\\w{1,30})"}
{"id": "empty", "fact": "f", "scope": "body", "regex": "x*"}
)json");
  std::vector<kg::RuleError> errors;
  auto rules = kg::RuleSet::load(dir.path(), &errors);
  REQUIRE(rules.ok());
  auto m = kg::Matcher::compile(*rules);
  REQUIRE(m.ok());
  const std::vector<Plain> plain = plain_rules(*rules);

  const std::string long_sentence(60, 'a');
  for (const std::string& doc : std::vector<std::string>{
           std::string("Dit kan niet binnen de termijn. Het wordt niet nodig geacht."),
           "Vragen van het lid Kops over het bericht X (ingezonden 1 mei 2020).\n\nMinister "
           "Blok zegt iets. Eén woord en één ander.",
           // a sentence longer than the bound: the relaxed form matches, the original not
           "Het " + long_sentence + " kan niet binnen de termijn. " + long_sentence +
               " worden niet zinvol geacht.",
           "Zo kan het\nniet binnen de\ntermijn; en kort wordt niet nodig geacht!\n\nEinde",
           "xxxx yyy ÉÉN Zee", "", "é"}) {
    check_same(plain, **m, doc);
  }
}

TEST_CASE("the real rules find the same with and without the speed-ups", "[prefilter]") {
  const fs::path root = KG_SOURCE_DIR;
  std::vector<kg::RuleError> errors;
  auto rules = kg::RuleSet::load(root / "rules", &errors);
  REQUIRE(rules.ok());
  auto m = kg::Matcher::compile(*rules);
  REQUIRE(m.ok());
  const std::vector<Plain> plain = plain_rules(*rules);
  size_t docs = 0;
  for (const auto& entry : fs::directory_iterator(root / "samples")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    check_same(plain, **m, ss.str());
    ++docs;
  }
  CHECK(docs > 0);
}
