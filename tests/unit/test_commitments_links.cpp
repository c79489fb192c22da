// Deferral notices and document follow-ups.
#include "test_commitments_fixture.h"

using kgtest::attr;
using kgtest::extract;

namespace {

// An openkamer export with a delay notice; with or without the answers.
std::string openkamer(bool answered) {
  std::string s =
      "Kamervraag 2023Z01234\n\nHet bericht 'Deurbellen filmen de straat'\n\nIngediend 1 maart 2023\n";
  if (answered) s += "Beantwoord 20 april 2023 (na 50 dagen)\n";
  s += "Indieners Piet Jansen (GL)\n";
  if (answered) s += "Beantwoord door Aukje de Vries (minister binnenlandse zaken en koninkrijksrelaties) (VVD)\n";
  s += " • Vraag 1\n  Kent u het bericht?\n\n";
  if (answered) s += "  Ja.\n\n";
  s += " • Mededeling - 22 maart 2023\n\n  Hierbij deel ik u mede dat de schriftelijke vragen van het lid Jansen "
       "(GL) over deurbellen (ingezonden 1 maart 2023) niet binnen de gebruikelijke termijn kunnen worden "
       "beantwoord, aangezien nog niet alle benodigde informatie is ontvangen. Ik streef ernaar de vragen zo "
       "spoedig mogelijk te beantwoorden.\n";
  return s;
}

}  // namespace

TEST_CASE("a delay notice is a commitment to answer, fulfilled by the answers") {
  kg::Fragment f = extract(openkamer(true));
  const kg::Node& c = kgtest::only_commitment(f);
  CHECK(attr(c, "kind") == "deferral");
  CHECK(attr(c, "made_on") == "2023-03-22");
  CHECK(attr(c, "status") == "fulfilled");
  CHECK(c.id == "commit:2023-03-22-beantwoording-2023z01234");
  CHECK(kgtest::has_edge(f, c.id, "FULFILLED_BY", f.doc));
  // The promise in the notice belongs to it.
  CHECK(kgtest::list_attr(c, "follow_ups") ==
        std::vector<std::string>{"Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden."});

  kg::Fragment g = extract(openkamer(false), "notice.txt");
  const kg::Node& open = kgtest::only_commitment(g);
  CHECK(open.id == c.id);
  CHECK(attr(open, "status") == "open");
}

TEST_CASE("a follow-up joins the earlier questions through their title") {
  kg::Fragment earlier = extract(kgtest::aanhangsel(
      {{"Kent u het bericht?", "Ja."}}, "het bericht «Slimme deurbellen filmen de hele straat»"));
  kg::Fragment later = extract(
      "Vragen van het lid Jansen (GL) aan de Minister van Binnenlandse Zaken en Koninkrijksrelaties over de "
      "beantwoording van de vragen «Slimme deurbellen filmen de hele straat» (ingezonden 9 mei 2023).\n\n"
      "Antwoord van Minister De Vries (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 1 juni 2023). Zie "
      "ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 2345.\n\nVraag 1\nWaarom niet?\n\nAntwoord 1\n"
      "In antwoord op eerdere vragen is aangegeven waarom.\n",
      "later.txt");
  const std::string paper = "vragen:slimme-deurbellen-filmen-de-hele-straat";
  CHECK(kgtest::has_edge(earlier, earlier.doc, "REFERS_TO", paper));
  CHECK(kgtest::has_edge(later, later.doc, "FOLLOWS_UP", paper));
  CHECK(kgtest::has_edge(later, later.doc, "FOLLOWS_UP", "ah:2022-2023-2345"));
  // The follow-up's own subject quotes the earlier title: it is not its own identity.
  CHECK_FALSE(kgtest::has_edge(later, later.doc, "REFERS_TO", paper));
  for (const kg::Fragment* f : {&earlier, &later}) {
    auto n = std::find_if(f->nodes.begin(), f->nodes.end(), [&](const kg::Node& x) { return x.id == paper; });
    REQUIRE(n != f->nodes.end());
    CHECK(n->type == "ParliamentaryPaper");
  }
}
