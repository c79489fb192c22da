// Persons, parties and offices through the extractor, on documents written for the test:
// offices named after a name, co-signatories, office phrases that are no names, and
// namesakes that must stay apart.
#include <algorithm>
#include <catch2/catch.hpp>

#include "extract_fixture.h"

using namespace kg;

namespace {

std::vector<std::string> persons(const Fragment& f) {
  std::vector<std::string> out;
  for (const Node& n : f.nodes) {
    if (n.type == "Person") out.push_back(n.id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

const Edge* edge(const Fragment& f, const std::string& s, const std::string& type,
                 const std::string& t) {
  for (const Edge& e : f.edges) {
    if (e.source == s && e.type == type && e.target == t) return &e;
  }
  return nullptr;
}

std::string edge_attr(const Edge* e, const char* key) {
  if (!e) return "<no edge>";
  auto it = e->attrs.find(key);
  return it == e->attrs.end() ? "" : std::get<std::string>(it->second);
}

std::string doc(const std::string& asked, const std::string& answered) {
  return "Vragen van " + asked +
         " aan de Minister van Buitenlandse Zaken over Jemen (ingezonden 5 juni 2024).\n\n"
         "Antwoord van " +
         answered + " (ontvangen 28 juni 2024).\n\nVraag 1\nKlopt het?\n\nAntwoord 1\nJa.\n\n";
}

}  // namespace

TEST_CASE("a co-signatory named after 'mede namens' answers with that role") {
  Fragment f =
      kgtest::extract(doc("het lid Sneller (D66)",
              "Minister Bruins Slot (Buitenlandse Zaken), mede namens Minister Schreinemacher "
              "(Buitenlandse Handel en Ontwikkelingssamenwerking)"));
  const std::string a1 = f.doc + "/a1";
  CHECK(edge_attr(edge(f, "person:hanke-bruins-slot", "ANSWERED", a1), "role") == "answerer");
  CHECK(edge_attr(edge(f, "person:liesje-schreinemacher", "ANSWERED", a1), "role") ==
        "co-signatory");
  CHECK(edge_attr(edge(f, "person:liesje-schreinemacher", "HOLDS_OFFICE", "org:min-bz"), "role") ==
        "minister");
  // Two answerers joined by "en van".
  Fragment g = kgtest::extract(doc("het lid Sneller (D66)",
                       "Minister Bruins Slot (Buitenlandse Zaken) en van Minister Schreinemacher "
                       "(Buitenlandse Handel en Ontwikkelingssamenwerking)"));
  CHECK(edge_attr(edge(g, "person:liesje-schreinemacher", "ANSWERED", g.doc + "/a1"), "role") ==
        "answerer");
}

TEST_CASE("an office named 'mede namens' is addressed, and no part of it becomes a person") {
  Fragment f =
      kgtest::extract(doc("het lid Sneller (D66)",
              "Minister Bruins Slot (Buitenlandse Zaken), mede namens de Minister van Justitie en "
              "Veiligheid en de Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties"));
  CHECK(persons(f) == std::vector<std::string>{"person:hanke-bruins-slot", "person:joost-sneller"});
  CHECK(edge(f, f.doc + "/q1", "ADDRESSED_TO", "org:min-jenv"));
  CHECK(edge(f, f.doc + "/q1", "ADDRESSED_TO", "org:min-bzk"));
}

TEST_CASE("offices are dated edges: the term the register knows, the date of the document") {
  Fragment f =
      kgtest::extract(" date 2021-06 De SP heeft minister Hoekstra van Financiën om opheldering gevraagd.\n");
  const Edge* e = edge(f, "person:wopke-hoekstra", "HOLDS_OFFICE", "org:min-fin");
  CHECK(edge_attr(e, "date") == "2021-06");
  CHECK(edge_attr(e, "from") == "2017-10-26");
}

TEST_CASE("namesakes stay apart: particles and parties disagree") {
  // "Dijk (SP)" is not Jasper van Dijk (SP).
  Fragment f = kgtest::extract(doc("het lid Dijk (SP)", "Minister Bruins Slot (Buitenlandse Zaken)"));
  auto ids = persons(f);
  CHECK(std::find(ids.begin(), ids.end(), "person:dijk-sp") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "person:jasper-van-dijk") == ids.end());
  Fragment g = kgtest::extract(doc("het lid Van Dijk (SP)", "Minister Bruins Slot (Buitenlandse Zaken)"));
  auto gids = persons(g);
  CHECK(std::find(gids.begin(), gids.end(), "person:jasper-van-dijk") != gids.end());
}

TEST_CASE("countries, organisations and paper words are not persons") {
  Fragment f = kgtest::extract(
      " date 2023-10 Het is onduidelijk of Azerbeidzjan besluit Armenië binnen te vallen. De motie "
      "Ceder, Kamerstuk 21 501-02, nr. 2732 en de motie Bikker/Omtzigt zijn aangenomen.\n");
  auto ids = persons(f);
  CHECK(std::find(ids.begin(), ids.end(), "person:armenie") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "person:kamerstuk") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "person:pieter-omtzigt") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "person:bikker-omtzigt") == ids.end());
}
