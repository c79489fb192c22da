// End to end on samples/: the claims of every sample hold together (text, document,
// speakers), the news item's quoted questions are claims of the member who asked them,
// and the camera answers hold claims about the companies they name.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_claims_fixture.h"

using namespace claimtest;

namespace {

kg::Fragment sample(const std::string& prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(KG_SOURCE_DIR "/samples")) {
    if (entry.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return extract(ss.str());
  }
  FAIL("no sample " << prefix);
  throw;
}

}  // namespace

TEST_CASE("samples: every claim has a text, its document, and the speakers of its answer") {
  for (const char* prefix : {"000_", "001_", "002_", "003_", "004_"}) {
    INFO(prefix);
    kg::Fragment f = sample(prefix);
    CHECK_FALSE(claims(f).empty());
    for (const kg::Node* c : claims(f)) {
      INFO(c->id);
      CHECK_FALSE(attr(*c, "text").empty());
      CHECK(c->id.rfind(f.doc + "/claim-", 0) == 0);
      CHECK(contains(sources(f, c->id, "CONTAINS"), f.doc));
      std::string answer = attr(*c, "answer");
      if (answer.empty()) continue;
      // Whoever answered the answer makes its claims.
      auto answerers = sources(f, answer, "ANSWERED");
      REQUIRE_FALSE(answerers.empty());
      for (const std::string& p : answerers) CHECK(contains(sources(f, c->id, "CLAIMS"), p));
    }
  }
}

TEST_CASE("samples: quoted questions in the news item are claims of the member, not Questions") {
  kg::Fragment f = sample("002_");
  CHECK(nodes_of(f, "Question").empty());
  int quoted_questions = 0;
  for (const kg::Node* c : claims(f)) {
    if (attr(*c, "quoted") != "true" || attr(*c, "form") != "question") continue;
    ++quoted_questions;
    auto by = sources(f, c->id, "CLAIMS");
    REQUIRE(by.size() == 1);
    CHECK(by.front() == "person:queeny-rajkowski");
  }
  CHECK(quoted_questions >= 3);
}

TEST_CASE("samples: a claim about Hikvision in the camera answers, made by both ministers") {
  kg::Fragment f = sample("003_");
  bool found = false;
  for (const kg::Node* c : claims(f)) {
    if (!contains(targets(f, c->id, "ABOUT"), "org:hikvision")) continue;
    found = true;
    CHECK(sources(f, c->id, "CLAIMS").size() == 2);
    CHECK_FALSE(attr(*c, "number").empty());
  }
  CHECK(found);
}
