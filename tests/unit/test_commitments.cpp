// Commitments: each construction of the genre on sentences written for the test, and the
// look-alikes that must not match.
#include "test_commitments_fixture.h"

using kgtest::answer;
using kgtest::attr;
using kgtest::commitments;
using kgtest::edges_into;
using kgtest::extract;
using kgtest::only_commitment;

TEST_CASE("first-person future is an open commitment of the answering minister") {
  kg::Fragment f = extract(answer(
      "De pilot loopt nog. Ik zal uw Kamer voor de zomer informeren over de uitkomsten van de pilot."));
  const kg::Node& c = only_commitment(f);
  CHECK(attr(c, "status") == "open");
  CHECK(attr(c, "kind") == "promise");
  CHECK(attr(c, "made_on") == "2023-04-02");
  CHECK(attr(c, "due") == "2023-06-21");
  CHECK(attr(c, "due_precision") == "season");
  CHECK(attr(c, "text").find("Ik zal uw Kamer voor de zomer informeren") == 0);
  auto by = edges_into(f, c.id, "COMMITTED");
  CHECK(std::find(by.begin(), by.end(), "org:min-bzk") != by.end());
  CHECK(std::any_of(by.begin(), by.end(), [](const std::string& s) { return s.starts_with("person:"); }));
  CHECK(kgtest::has_edge(f, f.doc, "CONTAINS", c.id));
  CHECK(kgtest::list_attr(c, "questions") == std::vector<std::string>{f.doc + "/q1"});
}

TEST_CASE("inverted and plural first-person futures") {
  for (const char* s : {
           "Omdat de evaluatie nog loopt, zal ik nader bezien of het wenselijk is de Archiefwet op dit punt aan te passen.",
           "Wel zal ik met de VNG in gesprek gaan over de aanschaf van camera's.",
           "Wij zullen de resultaten van het onderzoek met uw Kamer delen.",
           "Het kabinet zal in het voorjaar van 2024 een wetsvoorstel indienen.",
           "Ik ga na of de regeling ook voor zzp'ers kan gelden.",
           "Ik ben voornemens de subsidieregeling in 2024 te verlengen.",
           "Ik streef ernaar de evaluatie voor 1 juli 2023 af te ronden.",
           "Ik kom hier in het najaar op terug.",
           "Totdat alle diensten zijn aangesloten, zal ik, zoals eerder aangegeven, niets doen dat de hulp hindert.",
           "Ja, ik ben bereid om dat te doen.",
       }) {
    INFO(s);
    kg::Fragment f_c = extract(answer(s));
  const kg::Node& c = only_commitment(f_c);
    CHECK(attr(c, "status") == "open");
  }
}

TEST_CASE("a ministry named as actor commits, not the answering minister") {
  kg::Fragment f = extract(answer(
      "Het Ministerie van BZK zal in samenwerking met de gemeenten onderzoek doen naar de beveiliging van "
      "slimme deurbellen."));
  const kg::Node& c = only_commitment(f);
  auto by = edges_into(f, c.id, "COMMITTED");
  CHECK(by == std::vector<std::string>{"org:min-bzk"});
  // An abbreviation that is no ministry is a third party: not our commitment.
  CHECK(commitments(extract(answer("Indien de regels niet worden nageleefd, zal DNB maatregelen overwegen."))).empty());
}

TEST_CASE("passive future: informing the Kamer, taking a point along") {
  kg::Fragment f_c = extract(answer("Uw Kamer zal hierover na afronding van het onderzoek worden geïnformeerd."));
  const kg::Node& c = only_commitment(f_c);
  CHECK(attr(c, "kind") == "passive");
  CHECK(attr(c, "due_precision") == "vague");
  CHECK(attr(c, "due").empty());
  CHECK(attr(c, "due_text") == "na afronding van het onderzoek");

  kg::Fragment f_d = extract(answer(
      "Volgend jaar wordt de regeling geëvalueerd. Dit punt zal daarbij worden meegenomen."));
  const kg::Node& d = only_commitment(f_d);
  CHECK(attr(d, "kind") == "passive");
  // It points back ("daarbij"): the sentence before is kept as context.
  CHECK(attr(d, "context") == "Volgend jaar wordt de regeling geëvalueerd.");
  // The participle order may be reversed.
  CHECK(commitments(extract(answer("De Kamer zal over het vervolg geïnformeerd worden."))).size() == 1);
}

TEST_CASE("a reported promise is dated by its meeting and linked to it") {
  kg::Fragment f = extract(answer(
      "In het Commissiedebat Digitale zaken van 14 februari jl. heeft de Minister van Economische Zaken en "
      "Klimaat toegezegd een verkenning te laten uitvoeren naar de weerbaarheid van omvormers van zonnepanelen."));
  const kg::Node& c = only_commitment(f);
  CHECK(attr(c, "kind") == "reported");
  CHECK(attr(c, "made_on") == "2023-02-14");
  CHECK(attr(c, "status") == "open");
  CHECK(edges_into(f, c.id, "COMMITTED") == std::vector<std::string>{"org:min-ezk"});
  CHECK(kgtest::has_edge(f, c.id, "DISCUSSED_IN", "meeting:commissiedebat-2023-02-14"));
  CHECK(kgtest::has_edge(f, f.doc, "RESTATES", c.id));
  CHECK(c.id.starts_with("commit:2023-02-14-"));
}

TEST_CASE("expected completion has a due date with its precision") {
  kg::Fragment f_c = extract(answer(
      "Het actieplan zal naar verwachting nog voor de zomer van 2023 definitief worden vastgesteld."));
  const kg::Node& c = only_commitment(f_c);
  CHECK(attr(c, "kind") == "expected");
  CHECK(attr(c, "due") == "2023-06-21");
  CHECK(attr(c, "due_precision") == "season");
  // Present tense with future meaning; the demonstrative subject points back.
  kg::Fragment g = extract(answer(
      "Samen met de sector ontwikkel ik een opleiding cryptografie. Deze komt naar verwachting in de loop van "
      "2024 beschikbaar."));
  const kg::Node& d = only_commitment(g);
  CHECK(attr(d, "due") == "2024-12-31");
  CHECK(attr(d, "due_precision") == "year");
  CHECK(attr(d, "context") == "Samen met de sector ontwikkel ik een opleiding cryptografie.");
  // A prediction without a completion verb is not a commitment.
  CHECK(commitments(extract(answer("De vraag naar drones zal naar verwachting verder stijgen."))).empty());
}

TEST_CASE("fulfilment: the letter that kept an earlier promise") {
  kg::Fragment f = extract(answer(
      "In het algemeen overleg van 3 maart 2021 heeft mijn ambtsvoorganger toegezegd een brief te sturen over "
      "de inzet van drones bij demonstraties. Met de brief van 12 oktober 2021 (Kamerstuk 31 936 en 29 628, "
      "nr. 870) is aan die toezegging gestand gedaan."));
  const kg::Node& c = only_commitment(f);
  CHECK(attr(c, "status") == "fulfilled");
  CHECK(attr(c, "made_on") == "2021-03-03");
  CHECK(attr(c, "fulfilled_on") == "2021-10-12");
  CHECK(kgtest::has_edge(f, c.id, "FULFILLED_BY", "kst:31936-870"));
  CHECK(kgtest::has_edge(f, c.id, "DISCUSSED_IN", "meeting:ao-2021-03-03"));

  // A letter that fulfils a promise itself.
  kg::Fragment g = extract(answer(
      "Hiermee doe ik de toezegging gestand om uw Kamer te informeren over de stand van zaken rond de pilot."));
  const kg::Node& d = only_commitment(g);
  CHECK(attr(d, "status") == "fulfilled");
  CHECK(kgtest::has_edge(g, d.id, "FULFILLED_BY", g.doc));
}

TEST_CASE("refusals are declined commitments linked to the question") {
  for (const char* s : {
           "Ik zie geen aanleiding om een extern onderzoek in te stellen.",
           "Ik zie, gelet op de genomen maatregelen, geen noodzaak tot een aanvullende audit.",
           "Een nieuw onderzoek naar de software wordt op dit moment niet nodig geacht.",
           "Er is op dit moment geen aanleiding om de regeling aan te passen.",
           "Ik ben niet voornemens de subsidie te verlengen.",
           "Ik zal geen aanvullend onderzoek laten uitvoeren.",
           "Zoals gezegd zie ik geen reden voor het nader in kaart brengen hiervan.",
           "In die context is een dergelijk onderzoek niet opportuun.",
           "Een verbod op deze apparaten is op dit moment niet nodig.",
       }) {
    INFO(s);
    kg::Fragment f = extract(answer(s));
    const kg::Node& c = only_commitment(f);
    CHECK(attr(c, "status") == "declined");
    CHECK(kgtest::list_attr(c, "questions") == std::vector<std::string>{f.doc + "/q1"});
  }
}

TEST_CASE("look-alikes are not commitments") {
  for (const char* s : {
           "Ik hecht eraan dat dit ook in de toekomst niet zal gebeuren.",
           "Dit staat in het voorstel voor een verordening die in de toekomst de richtlijn zal vervangen.",
           "Mocht blijken dat de software actief is, dan is het aan de toezichthouders om te handhaven.",
           "De politie zal camera's van dit merk voor nu blijven gebruiken.",
           "Ik heb daarom geen aanleiding te veronderstellen dat de regels worden overtreden.",
           "Gezien het doel van de inzet was er geen reden om een beroep te doen op de uitsluitingsgronden.",
           "De resultaten zullen door de Nederlandse Zorgautoriteit worden gepubliceerd.",
           "Ik ga ervan uit dat de bank zich aan de wet houdt.",
           "Hieronder ga ik in op de vragen van het lid.",
           "In het kader hiervan zal bij aanschaf rekening gehouden worden met de risico's.",
           "De motie is aangehouden omdat de zorgpunten in een eerder toegezegde brief zouden worden meegenomen.",
           "Ik verwacht van zorgaanbieders dat zij hun cliënten goed informeren.",
           "Ik heb uw Kamer op 3 februari geïnformeerd over de stand van zaken.",
           "Het is niet bekend of China deze drones kan en zal gebruiken.",
           "Hierbij stuur ik uw Kamer de antwoorden op de vragen.",
           "Ik ga er dan ook vanuit dat de bank dit tot de bodem uitzoekt.",
           "In de brief van 11 oktober 2023 (Kamerstuk 21 501-02, nr. 2737) gaat het kabinet nader in op de hulp.",
           "Het is niet nodig dat burgers hiervoor een formulier invullen.",
       }) {
    INFO(s);
    CHECK(commitments(extract(answer(s))).empty());
  }
}
