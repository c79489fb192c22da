// Legal references: provisions PART_OF their instrument, EU acts by number, court decisions,
// anaphora, and the near-misses that must not become provisions.
#include <set>

#include "test_references_fixture.h"

using namespace kg;
using namespace refs_test;

namespace {

bool has_rule(const Edge& e, const std::string& rule) {
  return std::any_of(e.provenance.begin(), e.provenance.end(),
                     [&](const Provenance& p) { return p.rule == rule; });
}

}  // namespace

TEST_CASE("an article followed by its instrument is a provision of that instrument") {
  Fragment f = answer(
      "Op grond van artikel 13.2a van de Telecommunicatiewet moeten aanbieders dit melden. Ook\n"
      "Artikel 6, eerste lid, onder f AVG is relevant, net als hoofdstuk III van de AVG.");
  const Node* tw = node(f, "bwb:BWBR0009950/art:13.2a");
  REQUIRE(tw);
  CHECK(tw->type == node_type::kLegalProvision);
  CHECK(tw->label == "artikel 13.2a Telecommunicatiewet");
  CHECK(attr(*tw, "article") == "13.2a");
  CHECK(edge(f, "bwb:BWBR0009950/art:13.2a", edge_type::kPartOf, "bwb:BWBR0009950"));
  CHECK(edge(f, "/a1", edge_type::kCites, "bwb:BWBR0009950/art:13.2a"));
  CHECK(edge(f, "/a1", edge_type::kCites, "bwb:BWBR0009950"));  // the instrument too

  const Edge* avg = edge(f, "/a1", edge_type::kCites, "celex:32016R0679/art:6");
  REQUIRE(avg);
  CHECK(edge_attr(*avg, "paragraph") == "1");
  CHECK(edge_attr(*avg, "sub") == "f");
  CHECK(node(f, "celex:32016R0679/hoofdstuk:III"));
  // `kamergraph show BWBR0009950` finds the instrument by its bare identifier.
  const Node* law = node(f, "bwb:BWBR0009950");
  REQUIRE(law);
  auto aliases = std::get<std::vector<std::string>>(law->attrs.at("aliases"));
  CHECK(std::find(aliases.begin(), aliases.end(), "BWBR0009950") != aliases.end());
}

TEST_CASE("EU acts cited by number get their CELEX identifier") {
  Fragment f = answer(
      "Dat volgt uit artikel 15 van richtlijn 2000/31/EG (de richtlijn elektronische handel),\n"
      "artikel 4 van Verordening (EG) nr. 1049/2001 en artikel 2 van verordening (EU) 2019/1150.");
  CHECK(node(f, "celex:32000L0031/art:15"));
  CHECK(node(f, "celex:32001R1049/art:4"));
  CHECK(node(f, "celex:32019R1150/art:2"));
  const Node* act = node(f, "celex:32019R1150");
  REQUIRE(act);
  CHECK(act->type == node_type::kLegalInstrument);
  CHECK(attr(*act, "celex") == "32019R1150");
}

TEST_CASE("lists and coordinated articles each name their own instrument") {
  Fragment f = answer(
      "De politie doet dit op grond van artikel 2 Politiewet en/of 141 Wetboek van "
      "Strafvordering.\n"
      "De artikelen 14, 15 en 26 van de DSA gaan over de voorwaarden van platforms.");
  CHECK(node(f, "bwb:BWBR0031788/art:2"));
  CHECK(node(f, "bwb:BWBR0001903/art:141"));
  CHECK_FALSE(node(f, "bwb:BWBR0031788/art:141"));
  for (const char* n : {"14", "15", "26"}) CHECK(node(f, std::string("celex:32022R2065/art:") + n));
}

TEST_CASE("numbered measures of a named standard") {
  Fragment f = answer("Hiervoor gelden de BIO-maatregelen 12.6.1.1 en 18.1.1.2.");
  CHECK(node(f, "law:baseline-informatiebeveiliging-overheid/maatregel:12.6.1.1"));
  CHECK(node(f, "law:baseline-informatiebeveiliging-overheid/maatregel:18.1.1.2"));
}

TEST_CASE("a bare article takes the statute named in the sentence before it") {
  Fragment f = answer(
      "Het briefgeheim is ook beschermd in het Wetboek van Strafrecht. Zo stelt artikel 273d het\n"
      "openen van brieven van een ander strafbaar.");
  const Edge* e = edge(f, "/a1", edge_type::kCites, "bwb:BWBR0001854/art:273d");
  REQUIRE(e);
  CHECK(edge_attr(*e, "resolved") == "salience");

  // Too far back, or a named instrument that is not a known law: no provision at all.
  Fragment far = answer(
      "Het Wetboek van Strafrecht is hierop niet van toepassing. Dat heb ik eerder uitgelegd.\n"
      "In artikel 12 staat dat het college besluit. In artikel 7 van het convenant staat meer.");
  CHECK(count_type(far, node_type::kLegalProvision) == 0);
}

TEST_CASE("anaphora point back at the last matching reference in the same answer") {
  Fragment f = answer(
      "Het aftappen is strafbaar gesteld in artikel 139c van het Wetboek van Strafrecht. Onder "
      "deze\n"
      "strafbepaling valt ook filtersoftware. De e-privacyrichtlijn regelt het "
      "communicatiegeheim;\n"
      "genoemde richtlijn wordt herzien.");
  const Edge* p = edge(f, "/a1", edge_type::kCites, "bwb:BWBR0001854/art:139c");
  REQUIRE(p);
  CHECK(has_rule(*p, "ref.anaphor.provision"));
  const Edge* i = edge(f, "/a1", edge_type::kCites, "celex:32002L0058");
  REQUIRE(i);
  CHECK(has_rule(*i, "ref.anaphor.instrument"));
  CHECK(count_type(f, node_type::kLegalProvision) == 1);  // an anaphor makes no new node

  Fragment none = answer("Dit artikel is niet van toepassing op deze bepaling.");
  CHECK(count_type(none, node_type::kLegalProvision) == 0);
}

TEST_CASE("court decisions by ECLI and by CJEU case number") {
  Fragment f = answer(
      "Zie ook Raad van State, 3 maart 2021, ECLI:NL:RVS:2021:452. Het arrest van het Hof van\n"
      "Justitie in zaak C-311/18 is eveneens van belang.");
  const Node* rvs = node(f, "ecli:NL:RVS:2021:452");
  REQUIRE(rvs);
  CHECK(rvs->type == node_type::kCourtDecision);
  CHECK(attr(*rvs, "court") == "Raad van State");
  CHECK(attr(*rvs, "date") == "2021-03-03");
  CHECK(node(f, "cjeu:C-311/18"));
  CHECK(edge(f, "/a1", edge_type::kCites, "ecli:NL:RVS:2021:452"));
}

TEST_CASE("near misses: articles in the paper, chapters of a report, ranges, dates") {
  Fragment f = answer(
      "Ik heb de artikelen in de krant gelezen. Het artikel van 5 april was helder. In hoofdstuk "
      "3\n"
      "van het rapport staat meer. De artikelen 3 tot en met 7 van de Awb zijn van toepassing.\n"
      "Op 5 april is dat besproken.");
  CHECK(count_type(f, node_type::kLegalProvision) == 0);
  CHECK(count_type(f, node_type::kMeeting) == 0);
  CHECK(count_type(f, node_type::kMotion) == 0);
  CHECK(node(f, "bwb:BWBR0005537"));  // the Awb itself is cited
}

TEST_CASE("framework decisions and a bare ECLI") {
  Fragment f = answer(
      "Kaderbesluit 2008/977/JBZ is vervangen. Zie ook de uitspraak ECLI:NL:RBDHA:2020:865.");
  CHECK(node(f, "celex:32008F0977"));
  const Node* d = node(f, "ecli:NL:RBDHA:2020:865");
  REQUIRE(d);
  CHECK(d->label == "ECLI:NL:RBDHA:2020:865");
  CHECK(count_type(f, node_type::kLegalProvision) == 0);
}

TEST_CASE("the identifier tables: no law is also an organisation, identifiers are well formed") {
  std::vector<RuleError> errors;
  auto rules = RuleSet::load(KG_SOURCE_DIR "/rules", &errors);
  REQUIRE(rules.ok());
  std::set<std::string> others;
  for (const GazetteerEntry& e : rules->gazetteer()) {
    if (e.label == "ORG" || e.label == "PARTY" || e.label == "COUNTRY") others.insert(e.key);
  }
  std::set<std::string> laws;
  for (const GazetteerEntry& e : rules->gazetteer()) {
    if (e.label != "LAW" && e.label != "LAW_ABBR") continue;
    INFO(e.pattern << " (" << e.where << ")");
    CHECK(others.count(e.key) == 0);
    if (e.id.starts_with("bwb:")) {
      CHECK(e.id.size() == 15);
      CHECK((e.id.substr(4, 4) == "BWBR" || e.id.substr(4, 4) == "BWBV"));
      CHECK(std::all_of(e.id.begin() + 8, e.id.end(), [](char c) { return std::isdigit(c); }));
    } else if (e.id.starts_with("celex:")) {
      CHECK(e.id.size() == 16);
    } else {
      CHECK(e.id.starts_with("law:"));
    }
    if (e.label == "LAW") laws.insert(e.id);
  }
  CHECK(laws.size() >= 100);
}
