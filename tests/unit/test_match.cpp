// Tests of the MATCH stage: rule loading with its error reports, the gazetteer matcher and
// the regex rules.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "match/matcher.h"
#include "match/rules.h"
#include "read/normalise.h"

namespace fs = std::filesystem;
using kg::EntityMatch;
using kg::Matcher;
using kg::PatternMatch;
using kg::RuleError;
using kg::RuleSet;
using kg::Scope;
using kg::Text;

namespace {

// A rules folder in the temp directory, removed at the end of the test.
class RulesDir {
 public:
  RulesDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("kg_test_match_" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~RulesDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  void write(const std::string& rel, const std::string& content) const {
    fs::create_directories((path_ / rel).parent_path());
    std::ofstream(path_ / rel, std::ios::binary) << content;
  }
  std::string file(const std::string& rel) const { return (path_ / rel).string(); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// What normalise() produces for clean input: text as given, key folded per code point.
Text make_text(std::string_view s) {
  Text t;
  t.text = s;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    kg::fold_append(kg::decode_utf8(s, i), t.key);
    t.key_to_text.resize(t.key.size(), static_cast<uint32_t>(start));
  }
  t.key_to_text.push_back(static_cast<uint32_t>(s.size()));
  for (uint32_t i = 0; i <= s.size(); ++i) t.to_src.push_back(i);
  return t;
}

std::string slice(const Text& t, kg::Range r) { return t.text.substr(r.begin, r.size()); }

// Surface text and entity id of each match, "text=id", in order.
std::vector<std::string> found(const Matcher& m, const Text& t) {
  std::vector<std::string> out;
  for (const EntityMatch& e : m.entities(t)) out.push_back(slice(t, e.range) + "=" + e.entry->id);
  return out;
}

std::vector<RuleError> load_errors(const RulesDir& dir) {
  std::vector<RuleError> errors;
  auto rules = RuleSet::load(dir.path(), &errors);
  CHECK_FALSE(rules.ok());
  CHECK(rules.status().code() == kg::Code::kInput);
  return errors;
}

int column_of(const std::string& line, const std::string& needle) {
  return static_cast<int>(line.find(needle)) + 1;
}

}  // namespace

TEST_CASE("JSON syntax error: file, line, column and caret") {
  RulesDir dir;
  const std::string bad = R"({"label": "ORG", "pattern": "AIVD",})";
  dir.write("gazetteer/orgs.jsonl", "// organisations\n\n" + bad + "\n");
  auto errors = load_errors(dir);
  REQUIRE(errors.size() == 1);
  const RuleError& e = errors[0];
  CHECK(e.file == dir.file("gazetteer/orgs.jsonl"));
  CHECK(e.line == 3);
  CHECK(e.column == static_cast<int>(bad.size()));  // at the closing brace
  CHECK(e.message.find("JSON syntax error") == 0);
  CHECK(e.message.find("json.exception") == std::string::npos);
  std::string caret_line = "    " + std::string(bad.size() - 1, ' ') + "^";
  CHECK(e.format() == dir.file("gazetteer/orgs.jsonl") + ":3:" + std::to_string(bad.size()) + ": " +
                          e.message + "\n    " + bad + "\n" + caret_line);
}

TEST_CASE("invalid regex: caret under RE2's error argument, through JSON escapes") {
  RulesDir dir;
  const std::string line = R"({"id": "r1", "fact": "date", "regex": "\\d\\d**"})";
  dir.write("patterns/dates.jsonl", line + "\n");
  auto errors = load_errors(dir);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 1);
  CHECK(errors[0].column == column_of(line, "**"));
  CHECK(errors[0].message.find("invalid regex") == 0);
  CHECK(errors[0].message.find("bad repetition operator") != std::string::npos);
}

TEST_CASE("duplicate pattern rule id names the first definition") {
  RulesDir dir;
  dir.write("patterns/a.jsonl", R"({"id": "date", "fact": "date", "regex": "\\d+"})"
                                "\n");
  const std::string second = R"({"id": "date", "fact": "date", "regex": "[0-9]+"})";
  dir.write("patterns/b.jsonl", "\n" + second + "\n");
  auto errors = load_errors(dir);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == dir.file("patterns/b.jsonl"));
  CHECK(errors[0].line == 2);
  CHECK(errors[0].column == column_of(second, R"("date")"));
  CHECK(errors[0].message.find(dir.file("patterns/a.jsonl") + ":1") != std::string::npos);
}

TEST_CASE("gazetteer line without pattern, and an unknown key") {
  RulesDir dir;
  const std::string typo = R"({"label": "ORG", "patern": "AIVD", "id": "org:aivd"})";
  dir.write("gazetteer/orgs.jsonl", typo + "\n");
  auto errors = load_errors(dir);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message.find("unknown key \"patern\"") == 0);
  CHECK(errors[0].column == column_of(typo, R"("patern")"));
  CHECK(errors[1].message == "missing \"pattern\"");
  CHECK(errors[1].column == 1);
  CHECK(errors[1].line == 1);
}

TEST_CASE("missing rules folder is one error naming it") {
  std::vector<RuleError> errors;
  fs::path missing = fs::temp_directory_path() / "kg_test_match_does_not_exist";
  auto rules = RuleSet::load(missing, &errors);
  REQUIRE_FALSE(rules.ok());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == missing.string());
  CHECK(errors[0].format().find(missing.string()) == 0);
  CHECK(errors[0].format().find('\n') == std::string::npos);
}

TEST_CASE("all errors of all files are collected in one run") {
  RulesDir dir;
  dir.write("gazetteer/a.jsonl",
            "{\"label\": \"ORG\", \"id\": \"org:x\"}\n"                      // no pattern
            "{\"label\": \"ORG\", \"pattern\": \"X\", \"id\": \"org:x\"}\n"  // fine
            "{\"label\": \"ORG\", \"pattern\": \"X\", \"id\": \"org:x\"}\n"  // duplicate pair
            "{\"label\": \"ORG\", \"pattern\": \"Y\", \"id\": \"org:x\", \"name\": \"A\"}\n"
            "{\"label\": \"ORG\", \"pattern\": \"Z\", \"id\": \"org:x\", \"name\": \"B\"}\n"
            "{\"label\": \"ORG\", \"pattern\": \"W\", \"id\": \"org:w\", \"case\": \"upper\"}\n"
            "[1, 2]\n");
  dir.write("patterns/p.jsonl",
            "{\"id\": \"p\", \"fact\": \"f\", \"regex\": \"(a\", \"scope\": \"body\"}\n"
            "{\"id\": \"q\", \"fact\": \"f\", \"regex\": \"a\", \"scope\": \"middle\"}\n");
  dir.write("register/people.jsonl", "{\"name\": \"no id\"}\n");
  dir.write("stray.jsonl", "{}\n");
  dir.write("README.md", "not a rule file\n");
  std::vector<RuleError> errors;
  auto rules = RuleSet::load(dir.path(), &errors);
  REQUIRE_FALSE(rules.ok());
  CHECK(rules.status().message() == "9 rule errors");
  REQUIRE(errors.size() == 9);
  std::vector<std::pair<std::string, int>> where;
  for (const RuleError& e : errors) where.emplace_back(fs::path(e.file).filename(), e.line);
  CHECK(where == std::vector<std::pair<std::string, int>>{{"a.jsonl", 1},
                                                          {"a.jsonl", 3},
                                                          {"a.jsonl", 5},
                                                          {"a.jsonl", 6},
                                                          {"a.jsonl", 7},
                                                          {"p.jsonl", 1},
                                                          {"p.jsonl", 2},
                                                          {"people.jsonl", 1},
                                                          {"stray.jsonl", 0}});
  CHECK(errors[2].message.find("\"A\"") != std::string::npos);
  CHECK(errors[8].message.find("unknown rule file kind") == 0);
}

TEST_CASE("caret keeps tabs and counts UTF-8 characters once") {
  RuleError e{"f.jsonl", 4, 9, "msg", "\t{\"é\": x}"};  // column 9 is the x
  CHECK(e.format() == "f.jsonl:4:9: msg\n    \t{\"é\": x}\n    \t      ^");
}

TEST_CASE("a valid folder loads, skips comments and names every entry of an id") {
  RulesDir dir;
  dir.write("gazetteer/orgs.jsonl",
            "// comment line\n"
            "  \n"
            "{\"label\": \"ORG\", \"pattern\": \"AP\", \"id\": \"org:ap\", \"case\": \"exact\","
            " \"context\": [\"Persoonsgegevens\"], \"priority\": 2, \"attrs\": {\"kind\": 1}}\r\n"
            "{\"label\": \"ORG\", \"pattern\": \"Autoriteit Persoonsgegevens\", \"id\": "
            "\"org:ap\", \"name\": \"Autoriteit Persoonsgegevens\", \"comment\": \"x\"}\n");
  dir.write("patterns/p.jsonl", "{\"id\": \"p\", \"fact\": \"f\", \"regex\": \"a\"}\n");
  dir.write("register/r.jsonl", "{\"id\": \"person:x\", \"aliases\": [\"X\"]}\n");
  std::vector<RuleError> errors;
  auto rules = RuleSet::load(dir.path(), &errors);
  REQUIRE(rules.ok());
  CHECK(errors.empty());
  const auto& g = rules->gazetteer();
  REQUIRE(g.size() == 2);
  CHECK(g[0].key == "ap");
  CHECK(g[0].exact_case);
  CHECK(g[0].priority == 2);
  CHECK(g[0].context == std::vector<std::string>{"persoonsgegevens"});
  CHECK(g[0].attrs["kind"] == 1);
  CHECK(g[0].name == "Autoriteit Persoonsgegevens");  // from the later line
  CHECK(g[0].where == "gazetteer/orgs.jsonl:3");  // relative to the rules folder
  CHECK(rules->patterns().at(0).scope == Scope::kAll);
  CHECK(rules->register_entries().at(0).record["aliases"][0] == "X");
  CHECK(rules->hash().size() == 64);

  std::string before = rules->hash();
  dir.write("README.md", "docs do not change the hash");
  CHECK(RuleSet::load(dir.path(), nullptr)->hash() == before);
  dir.write("patterns/p.jsonl", "{\"id\": \"p\", \"fact\": \"f\", \"regex\": \"b\"}\n");
  CHECK(RuleSet::load(dir.path(), nullptr)->hash() != before);
}

namespace {

const char* const kGazetteer = R"rules(// test gazetteer
{"label": "PERSON", "pattern": "Yeşilgöz", "id": "person:yesilgoz"}
{"label": "ORG", "pattern": "AIVD", "id": "org:aivd"}
{"label": "ORG", "pattern": "EU", "id": "org:eu"}
{"label": "ORG", "pattern": "Autoriteit", "id": "org:autoriteit"}
{"label": "ORG", "pattern": "Autoriteit Persoonsgegevens", "id": "org:ap"}
{"label": "ORG", "pattern": "OM", "id": "org:om", "case": "exact"}
{"label": "ORG", "pattern": "AP", "id": "org:ap", "case": "exact", "context": ["persoonsgegevens"]}
{"label": "CITY", "pattern": "Den Haag", "id": "city:den-haag"}
{"label": "ORG", "pattern": "den haag", "id": "org:gemeente-den-haag", "priority": 5}
{"label": "LAW", "pattern": "Wet", "id": "law:a"}
{"label": "LAW", "pattern": "wet", "id": "law:b"}
{"label": "ORG", "pattern": "(NCTV)", "id": "org:nctv"}
)rules";

// Loads a folder with the given gazetteer and patterns and compiles it.
struct Compiled {
  RulesDir dir;
  RuleSet rules;
  std::unique_ptr<Matcher> matcher;
  Compiled(const std::string& gazetteer, const std::string& patterns) {
    if (!gazetteer.empty()) dir.write("gazetteer/g.jsonl", gazetteer);
    if (!patterns.empty()) dir.write("patterns/p.jsonl", patterns);
    std::vector<RuleError> errors;
    auto loaded = RuleSet::load(dir.path(), &errors);
    for (const RuleError& e : errors) FAIL(e.format());
    rules = std::move(loaded).value();
    auto compiled = Matcher::compile(rules);
    REQUIRE(compiled.ok());
    matcher = std::move(compiled).value();
  }
};

}  // namespace

TEST_CASE("gazetteer matching is case- and diacritic-insensitive, offsets in text") {
  Compiled c(kGazetteer, "");
  Text t = make_text("Vragen van het lid aan minister YESILGOZ-Zegerius en Yeşilgöz.");
  auto matches = c.matcher->entities(t);
  REQUIRE(matches.size() == 2);
  CHECK(slice(t, matches[0].range) == "YESILGOZ");
  CHECK(matches[0].range.begin == t.text.find("YESILGOZ"));
  CHECK(slice(t, matches[1].range) == "Yeşilgöz");  // multibyte: text range longer than key
  CHECK(matches[1].range.end == t.text.size() - 1);
  CHECK(matches[1].entry->label == "PERSON");
}

TEST_CASE("gazetteer matches only whole words") {
  Compiled c(kGazetteer, "");
  CHECK(found(*c.matcher, make_text("De AIVDX-module is leuk, zegt de EU.")) ==
        std::vector<std::string>{"EU=org:eu"});
  CHECK(found(*c.matcher, make_text("AIVD")) == std::vector<std::string>{"AIVD=org:aivd"});
  CHECK(found(*c.matcher, make_text("de EUROPESE unie, 3EU, EU3, éEU")).empty());
  // A pattern that begins and ends with punctuation needs no boundary there.
  CHECK(found(*c.matcher, make_text("coördinator(NCTV)x")) ==
        std::vector<std::string>{"(NCTV)=org:nctv"});
}

TEST_CASE("longest match first, then priority, then rule order") {
  Compiled c(kGazetteer, "");
  CHECK(
      found(*c.matcher, make_text("de Autoriteit Persoonsgegevens en de Autoriteit")) ==
      std::vector<std::string>{"Autoriteit Persoonsgegevens=org:ap", "Autoriteit=org:autoriteit"});
  CHECK(found(*c.matcher, make_text("in Den Haag")) ==
        std::vector<std::string>{"Den Haag=org:gemeente-den-haag"});
  CHECK(found(*c.matcher, make_text("deze WET")) == std::vector<std::string>{"WET=law:a"});
}

TEST_CASE("exact-case entries compare the original text") {
  Compiled c(kGazetteer, "");
  CHECK(found(*c.matcher, make_text("Het OM vervolgt.")) == std::vector<std::string>{"OM=org:om"});
  CHECK(found(*c.matcher, make_text("om te beginnen, Om")).empty());
}

TEST_CASE("context entries need their context somewhere in the document") {
  Compiled c(kGazetteer, "");
  CHECK(found(*c.matcher, make_text("De AP zegt nee.")).empty());
  CHECK(found(*c.matcher, make_text("De AP zegt nee. Het gaat om PERSOONSGEGEVENS.")) ==
        std::vector<std::string>{"AP=org:ap"});
  CHECK(found(*c.matcher, make_text("de ap, persoonsgegevens")).empty());  // exact case too
}

TEST_CASE("entities is safe from several threads and across matchers") {
  Compiled a(kGazetteer, "");
  Compiled b(R"({"label": "X", "pattern": "een heel lang patroon", "id": "x:1"})"
             "\n{\"label\": \"X\", \"pattern\": \"AIVD\", \"id\": \"x:2\"}\n",
             "");
  std::string doc;
  for (int i = 0; i < 2000; ++i) doc += "De AIVD en de EU, Autoriteit Persoonsgegevens. ";
  Text t = make_text(doc);
  auto expected = found(*a.matcher, t);
  REQUIRE(expected.size() == 6000);
  std::vector<std::string> other;
  auto worker = [&](std::vector<std::string>* out) {
    for (int i = 0; i < 5; ++i) *out = found(*a.matcher, t);
  };
  std::thread thread(worker, &other);
  std::vector<std::string> mine;
  worker(&mine);
  thread.join();
  CHECK(mine == expected);
  CHECK(other == expected);
  CHECK(found(*b.matcher, t).size() == 2000);
  CHECK(found(*a.matcher, t) == expected);
}

TEST_CASE("an empty gazetteer matches nothing") {
  Compiled c("", R"({"id": "p", "fact": "f", "regex": "a"})");
  CHECK(c.matcher->entities(make_text("AIVD")).empty());
}

namespace {

const char* const kPatterns =
    R"rules({"id": "date", "fact": "date", "scope": "header", "regex": "(?P<day>\\d{1,2}) (?P<month>januari|maart) (?P<year>\\d{4})"}
{"id": "vraag", "fact": "question", "scope": "body", "regex": "(?m)^Vraag (?P<n>\\d+)"}
{"id": "kst", "fact": "kamerstuk", "regex": "Kamerstuk (?P<dossier>\\d+)-(?P<nr>\\d+)(?: \\((?P<suffix>[A-Z])\\))?"}
{"id": "empty", "fact": "f", "scope": "notice", "regex": "x*"}
{"id": "redos", "fact": "f", "scope": "trailer", "regex": "(a+)+$"}
)rules";

std::string cap(const Text& t, const PatternMatch& m, std::string_view name) {
  const kg::Capture* c = m.get(name);
  REQUIRE(c != nullptr);
  return slice(t, c->range);
}

}  // namespace

TEST_CASE("regex rules: named captures with text ranges, scope and range filtering") {
  Compiled c("", kPatterns);
  Text t = make_text(
      "Ingezonden 3 maart 2024 (Kamerstuk 26643-839)\n"
      "Vraag 1\nOp 5 januari 2024 zie Kamerstuk 32761-12 (A).\nVraag 12\n");
  uint32_t header_end = static_cast<uint32_t>(t.text.find('\n') + 1);
  kg::Range header{0, header_end};
  kg::Range body{header_end, static_cast<uint32_t>(t.text.size())};

  auto h = c.matcher->patterns(t, header, Scope::kHeader);
  REQUIRE(h.size() == 2);
  CHECK(h[0].rule->id == "date");
  CHECK(slice(t, h[0].range) == "3 maart 2024");
  CHECK(cap(t, h[0], "day") == "3");
  CHECK(h[0].get("month")->range.begin == t.text.find("maart"));
  CHECK(cap(t, h[0], "year") == "2024");
  CHECK(h[0].get("nope") == nullptr);
  CHECK(h[1].rule->id == "kst");
  CHECK(cap(t, h[1], "dossier") == "26643");
  CHECK(h[1].get("suffix")->range.empty());  // did not participate

  auto b = c.matcher->patterns(t, body, Scope::kBody);
  std::vector<std::string> ids;
  for (const PatternMatch& m : b) ids.push_back(m.rule->id + ":" + slice(t, m.range));
  CHECK(ids ==
        std::vector<std::string>{"vraag:Vraag 1", "kst:Kamerstuk 32761-12 (A)", "vraag:Vraag 12"});
  CHECK(cap(t, b[1], "suffix") == "A");
  CHECK(cap(t, b[2], "n") == "12");

  // Only inside the range: the body's Kamerstuk is outside the header.
  auto narrow = c.matcher->patterns(t, kg::Range{0, 20}, Scope::kBody);
  CHECK(narrow.empty());
}

TEST_CASE("empty regex matches advance by one code point") {
  Compiled c("", kPatterns);
  Text t = make_text("äb");
  auto m =
      c.matcher->patterns(t, kg::Range{0, static_cast<uint32_t>(t.text.size())}, Scope::kNotice);
  REQUIRE(m.size() == 3);  // before ä, before b, at the end: never inside ä
  CHECK(m[0].range.begin == 0);
  CHECK(m[1].range.begin == 2);
  CHECK(m[2].range.begin == 3);
}

TEST_CASE("a catastrophic-backtracking regex runs in linear time") {
  Compiled c("", kPatterns);
  Text t = make_text(std::string(100000, 'a') + "b");
  CHECK(c.matcher->patterns(t, kg::Range{0, static_cast<uint32_t>(t.text.size())}, Scope::kTrailer)
            .empty());
  Text ok = make_text("baaa");
  auto m = c.matcher->patterns(ok, kg::Range{0, 4}, Scope::kTrailer);
  REQUIRE(m.size() == 1);
  CHECK(slice(ok, m[0].range) == "aaa");
}
