// Parliamentary papers: one node per paper across documents, the document's own identifiers,
// titled documents and letters.
#include "test_references_fixture.h"

using namespace kg;
using namespace refs_test;

TEST_CASE("Kamerstukken in their usual forms") {
  Fragment f = answer(
      "Zie de brief (Kamerstuk 29 383, nr. 406), Kamerstukken II 2019/20, 35 300 VII, nr. 12,\n"
      "Kamerstuk 21 501-02 nr. 2732 en de brief van 20 november 2019 (Kamerstuk 32 761 en 30 821,\n"
      "Nr. 152).");
  const Node* k = node(f, "kst:29383-406");
  REQUIRE(k);
  CHECK(k->type == node_type::kParliamentaryPaper);
  CHECK(k->label == "Kamerstuk 29 383, nr. 406");
  CHECK(node(f, "kst:35300-VII-12"));
  CHECK(node(f, "kst:21501-02-2732"));
  const Node* two = node(f, "kst:32761-152");  // one paper in two dossiers: one node
  REQUIRE(two);
  CHECK(std::get<std::vector<std::string>>(two->attrs.at("dossiers")) ==
        std::vector<std::string>{"32761", "30821"});
  CHECK(attr(*two, "date") == "2019-11-20");  // the letter that is this paper
  CHECK_FALSE(node(f, "kst:30821-152"));
  CHECK(edge(f, "/a1", edge_type::kCites, "kst:29383-406"));
}

TEST_CASE("Aanhangsel, Staatscourant and zaak numbers; a typo in the year does not split a paper") {
  Fragment f = answer(
      "Zie Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 844 (Aanhangsel Handelingen,\n"
      "vergaderjaar 2022–203, nr. 844), Stcrt. 2021, 1234 en Stscr. 2021, 1234, Stb. 2019, 77 en "
      "de\n"
      "vragen met kenmerk 2022Z01234.");
  CHECK(node(f, "ah:2022-2023-844"));
  CHECK(count_prefix(f, "ah:") == 1);
  CHECK(node(f, "stcrt:2021-1234"));
  CHECK(node(f, "stb:2019-77"));
  CHECK(edge(f, "/a1", edge_type::kCites, "zaak:2022Z01234"));
}

TEST_CASE("the header's own identifiers and 'Zie ook' refer from the document") {
  Fragment f = answer("Ja.", " Zie ook Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 100.");
  const Edge* see = edge(f, "", edge_type::kRefersTo, "ah:2022-2023-100");
  REQUIRE(see);
  CHECK(see->source == f.doc);
  CHECK(edge_attr(*see, "role") == "see_also");

  Fragment ok = extract(
      "Kamervraag 2023Z01234\n\nCamera's in gemeentehuizen\n\nIngediend 1 maart 2023\n"
      "Beantwoord 2 april 2023\nIndieners Piet Jansen (VVD)\n"
      "Bron vraag https://zoek.officielebekendmakingen.nl/kv-tk-2023Z01234.html\n"
      "Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20222023-2100.html\n"
      " • Vraag 1\n  Hoeveel camera's zijn er?\n\n  Dat is niet bekend.\n");
  const Edge* zaak = edge(ok, "", edge_type::kRefersTo, "zaak:2023Z01234");
  REQUIRE(zaak);
  CHECK(edge_attr(*zaak, "role") == "identity");
  CHECK(edge(ok, "", edge_type::kRefersTo, "ah:2022-2023-2100"));
  // A later document citing that Aanhangsel number joins the same node.
  Fragment later = answer("Zie Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 2100.");
  CHECK(node(later, "ah:2022-2023-2100"));
}

TEST_CASE("a titled document is one node, with and without its number") {
  Fragment f = answer(
      "Zoals beschreven in de notitie «Digitale weerbaarheid» (Kamerstuk 26 643, nr. 900) werkt "
      "het\n"
      "kabinet aan maatregelen. In de notitie «Digitale weerbaarheid» staat ook een tijdpad.");
  const Node* n = node(f, "kst:26643-900");
  REQUIRE(n);
  CHECK(attr(*n, "title") == "Digitale weerbaarheid");
  CHECK(count_type(f, node_type::kPolicyDocument) == 0);

  // A title from the table of known documents, cited without its number.
  Fragment known = answer("Dit staat in de beleidsnotitie «Nederland-China: een nieuwe balans».");
  CHECK(node(known, "kst:35207-1"));
  // The first DBSA is not what the title means after DBSA 2 appeared (the document is of 2023).
  Fragment later = answer("Het Dreigingsbeeld Statelijke Actoren beschrijft de dreiging.");
  CHECK_FALSE(node(later, "kst:30821-124"));

  // An unnumbered, unknown title becomes a PolicyDocument.
  Fragment policy = answer("Het kabinet verwijst naar het rapport «Veilig online».");
  CHECK(node(policy, "policy:veilig-online"));
}

TEST_CASE("letters cited by date and subject; a date alone is not enough") {
  Fragment f = answer(
      "Zoals uiteengezet in de brief van 3 maart 2020 over de aanpak van desinformatie. In mijn\n"
      "brief van 5 maart heb ik dat toegelicht.");
  const Node* b = node(f, "brief:2020-03-03:aanpak-van-desinformatie");
  REQUIRE(b);
  CHECK(attr(*b, "date") == "2020-03-03");
  CHECK(count_prefix(f, "brief:") == 1);
}

TEST_CASE("document numbers, a letter's own reference and a footnoted title") {
  Fragment f = answer(
      "Zie Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 76 (2023D39037) en de\n"
      "beantwoording van eerdere vragen (2022D22285). Ons kenmerk DGBI / 21242813. Het Rapport\n"
      "Digitale Dreigingen (RDD)3 beschrijft de risico's.\n\n"
      "3 Kamerstuk 26 643, nr. 950\n");
  const Node* ah = node(f, "ah:2023-2024-76");
  REQUIRE(ah);
  CHECK(attr(*ah, "document_number") == "2023D39037");
  CHECK(node(f, "tkdoc:2022D22285"));
  const Edge* own = edge(f, "", edge_type::kRefersTo, "kenmerk:DGBI/21242813");
  REQUIRE(own);
  CHECK(edge_attr(*own, "role") == "identity");
  const Node* rdd = node(f, "kst:26643-950");
  REQUIRE(rdd);
  CHECK(attr(*rdd, "title") == "Rapport Digitale Dreigingen");
  auto aliases = std::get<std::vector<std::string>>(rdd->attrs.at("aliases"));
  CHECK(std::find(aliases.begin(), aliases.end(), "RDD") != aliases.end());
}
