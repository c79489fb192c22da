// Claims in answers: each construction of rules/patterns/claims.jsonl on sentences written
// for the test, the look-alikes that must not make a claim, and what a claim links to.
#include "test_claims_fixture.h"

using namespace claimtest;

namespace {
const std::string kKaag = "person:sigrid-kaag";
}

TEST_CASE("a named source: ATTRIBUTED_TO it, CLAIMS from the answering minister") {
  kg::Fragment f = extract(answer(
      "Uit het jaarverslag van de AIVD blijkt dat statelijke actoren banken als doelwit zien."));
  const kg::Node& c = claim(f, "Uit het jaarverslag van de AIVD blijkt dat");
  CHECK(targets(f, c.id, "ATTRIBUTED_TO") == std::vector<std::string>{"org:aivd"});
  CHECK(sources(f, c.id, "CLAIMS") == std::vector<std::string>{kKaag});
  CHECK(contains(sources(f, c.id, "CONTAINS"), f.doc));
  CHECK(attr(c, "answer") == f.doc + "/a1");
  CHECK(attr(c, "number") == "1");
  CHECK(attr(c, "source") == "Algemene Inlichtingen- en Veiligheidsdienst");
  CHECK(attr(c, "form") == "statement");
  CHECK(attr(c, "stance").empty());
  // The source is not what the claim is about.
  CHECK_FALSE(contains(targets(f, c.id, "ABOUT"), "org:aivd"));
  // Provenance points at the sentence, with the rule that made it.
  REQUIRE(c.provenance.size() == 1);
  CHECK(c.provenance[0].rule == "claim.source.uit_blijkt");
}

TEST_CASE("reporting verbs with a subject that names the source") {
  struct Case {
    const char* sentence;
    const char* source;
  };
  for (const Case& k : std::vector<Case>{
           {"De NCTV waarschuwt al jaren voor de kwetsbaarheid van betaalsystemen.", "org:nctv"},
           {"TikTok gaf aan dat de gegevens van Europese gebruikers in Ierland worden opgeslagen.",
            "org:tiktok"},
           {"De Nederlandse Zorgautoriteit concludeert op basis van een steekproef dat de regels "
            "worden nageleefd.",
            "org:nza"},
           {"De Inspectie Justitie en Veiligheid heeft in haar rapport vastgesteld dat de "
            "beveiliging op orde is.",
            "org:inspectie-justitie-en-veiligheid"},
           {"Volgens de NCTV is het dreigingsniveau ongewijzigd.", "org:nctv"},
           {"Het dreigingsniveau is ongewijzigd, volgens de NCTV.", "org:nctv"},
           {"Naar aanleiding daarvan heeft de Rijksinspectie Digitale Infrastructuur benadrukt dat "
            "de netwerken veilig zijn.",
            "org:rdi"},
       }) {
    INFO(k.sentence);
    kg::Fragment f = extract(answer(k.sentence));
    REQUIRE(claims(f).size() == 1);
    const kg::Node& c = *claims(f).front();
    CHECK(targets(f, c.id, "ATTRIBUTED_TO") == std::vector<std::string>{k.source});
    CHECK(sources(f, c.id, "CLAIMS") == std::vector<std::string>{kKaag});
  }
}

TEST_CASE("an anaphoric source is the organisation the text named with the same noun") {
  kg::Fragment f = extract(
      answer("De Onderzoeksraad voor Veiligheid heeft onderzoek gedaan naar de storing bij de "
             "banken. Daarbij is "
             "gekeken naar de back-ups. Uit het onderzoek blijkt dat de back-ups niet werkten."));
  const kg::Node& c = claim(f, "Uit het onderzoek blijkt");
  CHECK(targets(f, c.id, "ATTRIBUTED_TO") ==
        std::vector<std::string>{"org:onderzoeksraad-voor-veiligheid"});
  CHECK(attr(c, "source") == "Onderzoeksraad voor Veiligheid");

  // No earlier sentence has the noun: the source stays a text, with no edge.
  kg::Fragment g =
      extract(answer("De NCTV doet veel. Uit het rapport blijkt dat de risico's klein zijn."));
  const kg::Node& d = claim(g, "Uit het rapport blijkt");
  CHECK(targets(g, d.id, "ATTRIBUTED_TO").empty());
  CHECK(attr(d, "source") == "het rapport");

  // An indefinite source is new: no antecedent is sought.
  kg::Fragment h =
      extract(answer("De NCTV deed een test. Uit een recente test blijkt dat de systemen werken."));
  CHECK(targets(h, claim(h, "Uit een recente test").id, "ATTRIBUTED_TO").empty());
}

TEST_CASE("reports that appeared are a source without a node") {
  kg::Fragment f = extract(
      answer("Er zijn rapporten verschenen die Huawei en ZTE in verband brengen met spionage."));
  const kg::Node& c = claim(f, "Er zijn rapporten verschenen");
  CHECK(attr(c, "source") == "rapporten");
  CHECK(targets(f, c.id, "ATTRIBUTED_TO").empty());
  CHECK(contains(targets(f, c.id, "ABOUT"), "org:huawei"));
}

TEST_CASE("stance: confirms, denies, hedges; the strongest wins") {
  struct Case {
    const char* sentence;
    const char* stance;
  };
  for (const Case& k : std::vector<Case>{
           {"Het klopt dat de bank een boete heeft gekregen.", "confirms"},
           {"Ja, dat klopt.", "confirms"},
           {"Dat is juist.", "confirms"},
           {"Het is mij bekend dat de bank een boete heeft gekregen.", "confirms"},
           {"Ik deel de mening dat dit zorgelijk is.", "confirms"},
           {"Dit is niet juist.", "denies"},
           {"Nee, dat klopt niet.", "denies"},
           {"Het klopt niet dat de bank een boete heeft gekregen.", "denies"},
           {"Hiervan is geen sprake.", "denies"},
           {"Ik deel die mening niet.", "denies"},
           {"Dat beeld herken ik niet.", "denies"},
           {"Er zijn geen aanwijzingen dat klantgegevens zijn gelekt.", "hedges"},
           {"Voor zover mij bekend is dat niet gebeurd.", "hedges"},
           {"Het is het kabinet niet bekend welke banken dit doen.", "hedges"},
           {"Mij zijn geen exacte cijfers bekend.", "hedges"},
           {"Niet kan worden uitgesloten dat ook andere banken dit doen.", "hedges"},
           {"Ja, maar er zijn geen aanwijzingen dat gegevens zijn gelekt.", "hedges"},
       }) {
    INFO(k.sentence);
    kg::Fragment f = extract(answer(k.sentence));
    REQUIRE(claims(f).size() == 1);
    CHECK(attr(*claims(f).front(), "stance") == k.stance);
  }
}

TEST_CASE("the speaker's own assertions carry no source") {
  for (const char* s :
       {"Het kabinet stelt vast dat de banken de regels naleven.",
        "Ik constateer dat de regels worden nageleefd, en het kabinet benadrukt dat dit zo blijft.",
        "Het kabinet maakt zich ernstige zorgen over de gevolgen voor klanten.",
        "Ik vind dit onwenselijk.", "Ik ben van mening dat banken zorgvuldig moeten zijn.",
        "In de eerdere beantwoording is aangegeven dat de regels worden nageleefd."}) {
    INFO(s);
    kg::Fragment f = extract(answer(s));
    REQUIRE(claims(f).size() == 1);
    const kg::Node& c = *claims(f).front();
    CHECK(targets(f, c.id, "ATTRIBUTED_TO").empty());
    CHECK(attr(c, "source").empty());
    CHECK(sources(f, c.id, "CLAIMS") == std::vector<std::string>{kKaag});
  }
}

TEST_CASE("look-alikes that make no claim") {
  for (const char* s : {
           "Zoals aangegeven in het antwoord op vraag 2 zal ik de Kamer informeren.",
           "Volgens dit beleid wordt rekening gehouden met de risico's.",
           "Tevens verwacht ik dat de bank maatregelen neemt.",
           "Het kabinet stelt deze zorgen consequent aan de orde.",
           "De bank besteedt structureel aandacht aan de beveiliging van gegevens.",
           "Als blijkt dat de regels niet zijn nageleefd, volgt een boete.",
           "De toezichthouder kan in dat geval een boete opleggen.",
       }) {
    INFO(s);
    CHECK(claims(extract(answer(s))).empty());
  }
}

TEST_CASE("a bare reply is about what the question named, and is a claim of its own answer") {
  kg::Fragment f = extract(aanhangsel({
      {"Klopt het dat de AIVD de Belastingdienst heeft gewaarschuwd?", "Ja."},
      {"Klopt het dat TikTok gegevens naar China stuurt?", "Ja."},
  }));
  REQUIRE(claims(f).size() == 2);
  const kg::Node* first = claims(f)[0];
  const kg::Node* second = claims(f)[1];
  CHECK(first->id != second->id);
  CHECK(attr(*first, "stance") == "confirms");
  CHECK(contains(targets(f, first->id, "ABOUT"), "org:aivd"));
  CHECK(contains(targets(f, second->id, "ABOUT"), "org:tiktok"));
  CHECK(contains(targets(f, second->id, "ABOUT"), "country:cn"));
  CHECK_FALSE(contains(targets(f, second->id, "ABOUT"), "org:aivd"));
}

TEST_CASE("claim ids: the document and the normalised text; stable across runs") {
  std::string doc = answer("Het klopt dat de bank een boete heeft gekregen. Dit is niet juist.");
  kg::Fragment a = extract(doc), b = extract(doc);
  REQUIRE(claims(a).size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    CHECK(claims(a)[i]->id == claims(b)[i]->id);
    CHECK(claims(a)[i]->id.rfind(a.doc + "/claim-", 0) == 0);
  }
  // The same sentence in another document is another claim.
  kg::Fragment c = extract(answer("Het klopt dat de bank een boete heeft gekregen."));
  CHECK(claims(c).front()->id != claims(a).front()->id);
}

TEST_CASE("two answering ministers both make the claims; footnote markers leave the text") {
  std::string doc =
      "Vragen van het lid Sneller (D66) aan de Ministers van Financiën en van Justitie en "
      "Veiligheid "
      "over banken (ingezonden 1 april 2022).\n\nAntwoord van Minister Kaag (Financiën) en van "
      "Minister "
      "Yeşilgöz-Zegerius (Justitie en Veiligheid) (ontvangen 12 mei 2022).\n\nVraag 1\nKlopt "
      "het?\n\n"
      "Antwoord 1\nDe NCTV waarschuwt voor fraude met betaalverzoeken.1 Dat is bekend.\n\n"
      "1 https://www.nctv.nl/fraude\n";
  kg::Fragment f = extract(doc);
  const kg::Node& c = claim(f, "De NCTV waarschuwt voor fraude met betaalverzoeken.");
  CHECK(attr(c, "text") == "De NCTV waarschuwt voor fraude met betaalverzoeken.");
  auto by = sources(f, c.id, "CLAIMS");
  std::sort(by.begin(), by.end());
  CHECK(by == std::vector<std::string>{"person:dilan-yesilgoz-zegerius", kKaag});
}
