// The extractor on documents written for the test, in the layouts of the genre.
#include <catch2/catch.hpp>
#include <algorithm>

#include "extract_fixture.h"
#include "graph/schema.h"

using namespace kg;
using kgtest::attr;
using kgtest::extract;
using kgtest::node;

namespace {

// Sources of edges of this type into any node whose id contains `to`.
std::vector<std::string> sources(const Fragment& f, std::string_view type, const std::string& to) {
  std::vector<std::string> out;
  for (const Edge& e : f.edges) {
    if (e.type == type && e.target.find(to) != std::string::npos &&
        std::find(out.begin(), out.end(), e.source) == out.end()) {
      out.push_back(e.source);
    }
  }
  return out;
}

bool has_edge(const Fragment& f, const std::string& s, std::string_view type, const std::string& t) {
  return std::any_of(f.edges.begin(), f.edges.end(), [&](const Edge& e) {
    return e.source == s && e.type == type && e.target == t;
  });
}

const std::string kAanhangsel =
    "Vragen van de leden Sneller (D66) en Van der Lee (GroenLinks) aan de Minister van\n"
    "Financiën en de Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties over\n"
    "«Banken kijken mee» (ingezonden 3 februari 2021).\n"
    "\n"
    "Antwoord van Minister Hoekstra (Financiën), mede namens de Staatssecretaris van\n"
    "Binnenlandse Zaken en Koninkrijksrelaties (ontvangen 2 maart 2021).\n"
    "\n"
    "Vraag 1\n"
    "Kent u het bericht?\n"
    "\n"
    "Antwoord 1\n"
    "Ja. De Nederlandsche Bank houdt toezicht.1\n"
    "\n"
    "1 Zie het rapport van De Nederlandsche Bank.\n"
    "\n"
    "Vraag 2\n"
    "Wat gaat u doen?\n"
    "\n"
    "Antwoord 2\n"
    "Ik overleg met de AFM.\n";

}  // namespace

TEST_CASE("an Aanhangsel header gives askers, answerer, office, addressees and dates") {
  Fragment f = extract(kAanhangsel);
  const Node* doc = node(f, f.doc);
  REQUIRE(doc);
  CHECK(attr(*doc, "date_submitted") == "2021-02-03");
  CHECK(attr(*doc, "date_answered") == "2021-03-02");
  CHECK(attr(*doc, "kind") == "answers");
  CHECK(attr(*doc, "title") == "«Banken kijken mee»");

  auto askers = sources(f, edge_type::kAsked, f.doc + "/q");
  REQUIRE(askers.size() == 2);
  CHECK(std::count(askers.begin(), askers.end(), "person:joost-sneller") == 1);
  CHECK(std::count(askers.begin(), askers.end(), "person:tom-van-der-lee") == 1);
  CHECK(has_edge(f, "person:joost-sneller", edge_type::kMemberOf, "party:d66"));
  CHECK(has_edge(f, "person:tom-van-der-lee", edge_type::kMemberOf, "party:groenlinks"));

  auto answerers = sources(f, edge_type::kAnswered, f.doc + "/a");
  REQUIRE(answerers.size() == 1);
  CHECK(answerers[0] == "person:wopke-hoekstra");
  CHECK(has_edge(f, "person:wopke-hoekstra", edge_type::kHoldsOffice, "org:min-fin"));
  // Both ministries of the header and the co-signing one are addressees.
  CHECK(has_edge(f, f.doc + "/q1", edge_type::kAddressedTo, "org:min-fin"));
  CHECK(has_edge(f, f.doc + "/q2", edge_type::kAddressedTo, "org:min-bzk"));
  CHECK(has_edge(f, f.doc + "/a2", edge_type::kAnswers, f.doc + "/q2"));
}

TEST_CASE("mentions come from the answer that holds them, footnotes from their marker") {
  Fragment f = extract(kAanhangsel);
  auto dnb = sources(f, edge_type::kMentions, "org:dnb");
  CHECK(dnb == std::vector<std::string>{f.doc + "/a1"});
  CHECK(sources(f, edge_type::kMentions, "org:afm") == std::vector<std::string>{f.doc + "/a2"});
  const Node* a1 = node(f, f.doc + "/a1");
  REQUIRE(a1);
  CHECK(attr(*a1, "text").find("Zie het rapport") == std::string::npos);  // footnote cut out
}

TEST_CASE("provenance points at the source bytes of the fact") {
  Fragment f = extract(kAanhangsel);
  for (const Edge& e : f.edges) {
    if (e.type != edge_type::kMemberOf || e.source != "person:joost-sneller") continue;
    REQUIRE_FALSE(e.provenance.empty());
    const Provenance& p = e.provenance.front();
    CHECK(kAanhangsel.substr(p.start, p.end - p.start) == "D66");
  }
  for (const Node& n : f.nodes) CHECK_FALSE(n.provenance.empty());
  for (const Edge& e : f.edges) CHECK_FALSE(e.provenance.empty());
}

TEST_CASE("an openkamer export: askers and answerers with office and party") {
  const std::string doc =
      "Kamervraag 2023Z01234\n\nDe staat van de dijken\n\n"
      "Ingediend 5 januari 2023\n"
      "Beantwoord 9 februari 2023 (na 35 dagen)\n"
      "Indieners Laura Bromet (GroenLinks), Derk Boswijk (CDA)\n"
      "Beantwoord door Mark Harbers (minister infrastructuur en waterstaat) (VVD)\n"
      " • Vraag 1\n  Hoe staat het met de dijken?\n\n  Goed.\n\n"
      " • Vraag 2\n  Komt er een plan?\n\n  Ja, voor de zomer.\n";
  Fragment f = extract(doc);
  const Node* d = node(f, f.doc);
  REQUIRE(d);
  CHECK(attr(*d, "zaak") == "2023Z01234");
  CHECK(attr(*d, "title") == "De staat van de dijken");
  CHECK(attr(*d, "date_answered") == "2023-02-09");
  auto askers = sources(f, edge_type::kAsked, f.doc + "/q");
  CHECK(askers.size() == 2);
  CHECK(has_edge(f, "person:laura-bromet", edge_type::kMemberOf, "party:groenlinks"));
  auto answerers = sources(f, edge_type::kAnswered, f.doc + "/a");
  REQUIRE(answerers.size() == 1);
  CHECK(has_edge(f, answerers[0], edge_type::kMemberOf, "party:vvd"));
  CHECK(has_edge(f, answerers[0], edge_type::kHoldsOffice, "org:min-ienw"));
}

TEST_CASE("names the register does not know stay apart by party") {
  const std::string doc =
      "Vragen van de leden Jansen (SP) en Jansen (PVV) aan de Minister van Defensie over de\n"
      "kazerne (ingezonden 3 februari 2031).\n\nVraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n";
  Fragment f = extract(doc);
  auto askers = sources(f, edge_type::kAsked, f.doc + "/q");
  CHECK(askers.size() == 2);
}

TEST_CASE("a document without structure still yields its document and entities") {
  Fragment f = extract("Zomaar wat tekst over de AIVD en China.\n\nNog een alinea.");
  const Node* d = node(f, f.doc);
  REQUIRE(d);
  CHECK(attr(*d, "kind") == "other");
  CHECK(has_edge(f, f.doc, edge_type::kMentions, "org:aivd"));
  CHECK(has_edge(f, f.doc, edge_type::kMentions, "country:cn"));
}
