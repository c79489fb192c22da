// Claims in news items: quotations and who says them (a name, or a pronoun resolved to the
// person named before whose sex agrees), quotations that continue an attributed one, and
// reported claims without a quotation.
#include "test_claims_fixture.h"

using namespace claimtest;

namespace {

const std::string kNews =
    " date 2021-06 GroenLinks-Kamerlid Bromet heeft minister Hoekstra van Financiën om uitleg "
    "gevraagd "
    "over de verkoop van staatsobligaties. \"Waarom is de Kamer niet eerder geïnformeerd?\", "
    "vraagt ze. "
    "\"Wie heeft dit besloten? Wanneer?\"\n\n"
    "De minister laat weten de vragen binnen drie weken te beantwoorden. \"Ik kan daar nu nog "
    "niets over "
    "zeggen\", zegt Hoekstra.\n\n"
    "\"Dit is een schandaal.\"\n\n"
    "\"We wachten de antwoorden af\", aldus de woordvoerder.\n\n"
    "Volgens De Nederlandsche Bank is de verkoop rechtmatig verlopen.\n";

}  // namespace

TEST_CASE("a quoted question: a Claim with CLAIMS from the speaker, and no Question node") {
  kg::Fragment f = extract(kNews);
  CHECK(nodes_of(f, "Question").empty());
  const kg::Node& q = claim(f, "Waarom is de Kamer niet eerder geïnformeerd?");
  CHECK(attr(q, "form") == "question");
  CHECK(attr(q, "quoted") == "true");
  // "ze" is Bromet, not the minister named after her.
  CHECK(sources(f, q.id, "CLAIMS") == std::vector<std::string>{"person:laura-bromet"});
  CHECK(contains(sources(f, q.id, "CONTAINS"), f.doc));
  REQUIRE(q.provenance.size() == 1);
  CHECK(q.provenance[0].rule == "claim.quote.after");
}

TEST_CASE("a quotation right after an attributed one continues it") {
  kg::Fragment f = extract(kNews);
  const kg::Node& c = claim(f, "Wie heeft dit besloten? Wanneer?");
  CHECK(sources(f, c.id, "CLAIMS") == std::vector<std::string>{"person:laura-bromet"});
  CHECK(attr(c, "form") == "question");
  // A quotation alone in its paragraph continues nothing: no claim.
  CHECK_FALSE(has_claim(f, "Dit is een schandaal"));
}

TEST_CASE("a named speaker; a speaker that is no person; a reported source") {
  kg::Fragment f = extract(kNews);
  const kg::Node& said = claim(f, "Ik kan daar nu nog niets over zeggen");
  CHECK(sources(f, said.id, "CLAIMS") == std::vector<std::string>{"person:wopke-hoekstra"});
  CHECK(attr(said, "form") == "statement");
  const kg::Node& spokes = claim(f, "We wachten de antwoorden af");
  CHECK(sources(f, spokes.id, "CLAIMS").empty());
  const kg::Node& dnb = claim(f, "Volgens De Nederlandsche Bank");
  CHECK(targets(f, dnb.id, "ATTRIBUTED_TO") == std::vector<std::string>{"org:dnb"});
  CHECK(sources(f, dnb.id, "CLAIMS").empty());  // a news item has no answering minister
  // The minister named with his ministry holds that office on the item's date.
  bool office = false;
  for (const kg::Edge& e : f.edges) {
    if (e.source == "person:wopke-hoekstra" && e.type == "HOLDS_OFFICE" &&
        e.target == "org:min-fin") {
      office = std::get<std::string>(e.attrs.at("date")) == "2021-06";
    }
  }
  CHECK(office);
}

TEST_CASE("a speaker before the quotation") {
  kg::Fragment f = extract(
      " date 2021-06 De minister reageerde. Hoekstra zei: \"Dit moet anders.\" Daarna vertrok "
      "hij.\n");
  const kg::Node& c = claim(f, "Dit moet anders.");
  CHECK(sources(f, c.id, "CLAIMS") == std::vector<std::string>{"person:wopke-hoekstra"});
  CHECK(c.provenance[0].rule == "claim.quote.before");
}
