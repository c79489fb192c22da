// Tests of the segment stage: layouts, headings, blocks, footnotes, notices, robustness.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "read/normalise.h"
#include "segment/segment.h"

namespace fs = std::filesystem;
using kg::Block;
using kg::Layout;
using kg::Range;
using kg::Segmentation;
using kg::Text;

namespace {

// A Text as normalise() would give for clean input: identity offsets, folded key.
Text plain(std::string s) {
  Text t;
  t.text = std::move(s);
  t.to_src.resize(t.text.size() + 1);
  for (size_t i = 0; i < t.to_src.size(); ++i) t.to_src[i] = static_cast<uint32_t>(i);
  t.key = kg::fold(t.text);
  t.key_to_text.resize(t.key.size() + 1);
  for (size_t i = 0; i < t.key_to_text.size(); ++i) t.key_to_text[i] = static_cast<uint32_t>(i);
  return t;
}

std::string str(const Text& t, Range r) { return t.text.substr(r.begin, r.size()); }

// The parts of a block joined by " | ".
std::string parts(const Text& t, const Block& b) {
  std::string out;
  for (Range r : b.parts) out += (out.empty() ? "" : " | ") + str(t, r);
  return out;
}

// Every range lies in the text, parts lie in order inside the body, the body after the heading.
void check_invariants(const Text& t, const Segmentation& s) {
  auto size = static_cast<uint32_t>(t.text.size());
  auto in = [&](Range r) { return r.begin <= r.end && r.end <= size; };
  CHECK(in(s.header));
  CHECK(in(s.trailer));
  for (const auto* list : {&s.questions, &s.answers}) {
    for (const Block& b : *list) {
      REQUIRE(!b.numbers.empty());
      CHECK(std::is_sorted(b.numbers.begin(), b.numbers.end()));
      CHECK(in(b.heading));
      CHECK(in(b.body));
      CHECK(b.body.begin >= b.heading.end);
      uint32_t prev = b.body.begin;
      for (Range p : b.parts) {
        CHECK(in(p));
        CHECK(p.begin >= prev);
        CHECK(p.end <= b.body.end);
        prev = p.end;
      }
      if (!b.parts.empty()) {
        CHECK(b.parts.front().begin == b.body.begin);
        CHECK(b.parts.back().end == b.body.end);
      }
    }
  }
  for (const auto& fn : s.footnotes) {
    CHECK(in(fn.text));
    for (auto r : fn.refs) CHECK(r.at < size);
  }
  for (Range p : s.paragraphs) CHECK(in(p));
}

Segmentation seg(const Text& t) {
  Segmentation s = kg::segment(t);
  check_invariants(t, s);
  return s;
}

const kg::Footnote* note(const Segmentation& s, const std::string& marker) {
  for (const auto& fn : s.footnotes) {
    if (fn.marker == marker) return &fn;
  }
  return nullptr;
}

std::vector<int> nums(std::initializer_list<int> l) { return l; }

std::string read_file(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("layout names") {
  CHECK(std::string(kg::layout_name(Layout::kAanhangsel)) == "aanhangsel");
  CHECK(std::string(kg::layout_name(Layout::kLetter)) == "letter");
  CHECK(std::string(kg::layout_name(Layout::kOpenKamer)) == "openkamer");
  CHECK(std::string(kg::layout_name(Layout::kNews)) == "news");
  CHECK(std::string(kg::layout_name(Layout::kUnknown)) == "unknown");
}

TEST_CASE("aanhangsel: headings on their own lines, header before the first question") {
  Text t = plain(
      "Vragen van het lid Jansen (CDA) aan de Minister van Financiën over het bericht «X» "
      "(ingezonden 1 maart 2024).\n"
      "Antwoord van Minister De Vries (Financiën) (ontvangen 2 april 2024).\n\n"
      "Vraag 1\nKent u het bericht?\n\nAntwoord 1\nJa.\n\n"
      "Vraag 2\nWat vindt u\nhiervan?\n\nAntwoord 2\nNiets, zie ook vraag 1.\n");
  Segmentation s = seg(t);
  CHECK(s.layout == Layout::kAanhangsel);
  CHECK(str(t, s.header).starts_with("Vragen van het lid Jansen"));
  CHECK(str(t, s.header).ends_with("(ontvangen 2 april 2024)."));
  REQUIRE(s.questions.size() == 2);
  REQUIRE(s.answers.size() == 2);
  CHECK(str(t, s.questions[0].heading) == "Vraag 1");
  CHECK(str(t, s.questions[0].body) == "Kent u het bericht?");
  CHECK(str(t, s.questions[1].body) == "Wat vindt u\nhiervan?");
  CHECK(str(t, s.answers[0].heading) == "Antwoord 1");
  CHECK(str(t, s.answers[1].body) == "Niets, zie ook vraag 1.");
  CHECK(s.answers[1].numbers == nums({2}));
  CHECK(s.answers[1].parts.size() == 1);
  CHECK(s.paragraphs.empty());
}

TEST_CASE("aanhangsel: headings glued to their text, with a marker before them") {
  Text t = plain(
      "Vragen van de leden A (VVD) en B (BBB) (ingezonden 1 mei 2024).\n\n"
      "Vraag 1 Bent u bekend met het bericht «Y»?\n\n1  Antwoord 1 Ja.\n\n"
      "Vraag 2 Klopt het dat vraag 1 is beantwoord?\n\nAntwoord 2 Ja, dat klopt.\n"
      "Vraag 2 is daarmee ook beantwoord.\n");
  Segmentation s = seg(t);
  REQUIRE(s.questions.size() == 2);
  REQUIRE(s.answers.size() == 2);
  CHECK(str(t, s.questions[0].heading) == "Vraag 1");
  CHECK(str(t, s.questions[0].body) == "Bent u bekend met het bericht «Y»?");
  CHECK(str(t, s.answers[0].heading) == "Antwoord 1");
  CHECK(str(t, s.answers[0].body) == "Ja.");
  // "Vraag 2 is ..." goes on with a lowercase word: a sentence, not a heading.
  CHECK(str(t, s.answers[1].body) == "Ja, dat klopt.\nVraag 2 is daarmee ook beantwoord.");
}

TEST_CASE("combined question numbers") {
  Text t = plain(
      "Vragen van het lid C (SP) (ingezonden 3 juni 2024).\n"
      "Vraag 1\nEen?\nVragen 2, 3 en 4\nTwee? Drie? Vier?\nVraag 5 en 6\nVijf? Zes?\n"
      "Vraag 7, 8, 9 10 en 11\nZeven tot elf?\nVragen 12 t/m 14\nTwaalf tot veertien?\n"
      "Antwoord vragen 1, 2, 3, 4 en 5\nSamen.\nAntwoord op vraag 6\nApart.\n"
      "Antwoord 7, 8, 9 10 en 11\nOok samen.\n**Antwoord 12 tot en met 14**\nDe rest.\n");
  Segmentation s = seg(t);
  REQUIRE(s.questions.size() == 5);
  CHECK(s.questions[0].numbers == nums({1}));
  CHECK(s.questions[1].numbers == nums({2, 3, 4}));
  CHECK(s.questions[2].numbers == nums({5, 6}));
  CHECK(s.questions[3].numbers == nums({7, 8, 9, 10, 11}));
  CHECK(s.questions[4].numbers == nums({12, 13, 14}));
  CHECK(str(t, s.questions[1].heading) == "Vragen 2, 3 en 4");
  CHECK(str(t, s.questions[1].body) == "Twee? Drie? Vier?");
  REQUIRE(s.answers.size() == 4);
  CHECK(s.answers[0].numbers == nums({1, 2, 3, 4, 5}));
  CHECK(str(t, s.answers[0].heading) == "Antwoord vragen 1, 2, 3, 4 en 5");
  CHECK(s.answers[1].numbers == nums({6}));
  CHECK(str(t, s.answers[1].heading) == "Antwoord op vraag 6");
  CHECK(s.answers[2].numbers == nums({7, 8, 9, 10, 11}));
  CHECK(s.answers[3].numbers == nums({12, 13, 14}));
  CHECK(str(t, s.answers[3].heading) == "Antwoord 12 tot en met 14");
  CHECK(str(t, s.answers[3].body) == "De rest.");
}

TEST_CASE("numbers in a sentence are not headings") {
  Text t = plain(
      "Vragen van het lid D (D66) (ingezonden 1 januari 2024).\n"
      "Vraag 1\nKlopt het?\nAntwoord 1\nVraag 1 2018 was het jaar.\nVraag 3 en de rest komen "
      "later.\n"
      "Antwoord 2\nZie vraag 5 en 6.\n");
  Segmentation s = seg(t);
  REQUIRE(s.questions.size() == 1);
  REQUIRE(s.answers.size() == 2);
  CHECK(str(t, s.answers[0].body) == "Vraag 1 2018 was het jaar.\nVraag 3 en de rest komen later.");
}

TEST_CASE("a chunk repeated by the converter yields one block per number") {
  Text t = plain(
      "Vragen van het lid E (PVV) (ingezonden 1 februari 2024).\n\n"
      "Vraag 1 Kent u het bericht?\n\nAntwoord 1 Ja.\n\nVraag 2 Klopt het?\n\n"
      "Antwoord 2 Ja, dat klopt.\n1  Antwoord 1 Ja.\n\nVraag 2 Klopt het?\n\n"
      "Antwoord 2 Ja, dat klopt.\n\nVraag 3 Wat gaat u doen en wanneer gaat u dat doen?\n"
      "Wat gaat u doen en wanneer gaat u dat doen?\n\nAntwoord 3 Niets.\n"
      "Dit is een lange regel die de converter herhaalde.\nJa.\n"
      "Dit is een lange regel die de converter herhaalde.\nJa.\n");
  Segmentation s = seg(t);
  REQUIRE(s.questions.size() == 3);
  REQUIRE(s.answers.size() == 3);
  CHECK(str(t, s.answers[1].body) == "Ja, dat klopt.");
  CHECK(str(t, s.questions[2].body) == "Wat gaat u doen en wanneer gaat u dat doen?");
  // Repeated long lines are left out of the parts; short ones ("Ja.") may repeat.
  CHECK(parts(t, s.answers[2]) ==
        "Niets.\nDit is een lange regel die de converter herhaalde.\nJa. | Ja.");
}

TEST_CASE("footnote text at a page bottom is cut out of the answer") {
  Text t = plain(
      "Vragen van het lid F (GL) (ingezonden 1 maart 2022).\n\n"
      "Vraag 1\nHoe zit het?\n\nAntwoord 1\n"
      "Er zijn geen bijzonderheden aangetroffen.1 Sinds 2018 60 telefoons, 4,64% en artikel\n"
      "139c; ook ISO27001 en taalniveau B1. Het is in het voorstel voor een\n\n"
      "1 Reuters, German IT watchdog | Reuters\n"
      " Europese verordening opgenomen.\n\nVraag 2\nEn verder?\n\nAntwoord 2\nZie de brief.2\n"
      "\n2 Kamerstuk 26 643, nr. 839\n Vraag 3\nNog iets?\n");
  Segmentation s = seg(t);
  REQUIRE(s.answers.size() == 2);
  REQUIRE(s.questions.size() == 3);
  REQUIRE(s.footnotes.size() == 2);
  const kg::Footnote* f1 = note(s, "1");
  REQUIRE(f1 != nullptr);
  CHECK(str(t, f1->text) == "Reuters, German IT watchdog | Reuters");
  REQUIRE(f1->refs.size() == 1);
  CHECK(t.text.substr(f1->refs[0].at - 13, 15) == "aangetroffen.1 ");
  const Block& a1 = s.answers[0];
  REQUIRE(a1.parts.size() == 2);
  CHECK(str(t, a1.parts[0]).ends_with("in het voorstel voor een"));
  CHECK(str(t, a1.parts[1]) == "Europese verordening opgenomen.");
  const kg::Footnote* f2 = note(s, "2");
  REQUIRE(f2 != nullptr);
  CHECK(str(t, f2->text) == "Kamerstuk 26 643, nr. 839");
  CHECK(str(t, s.answers[1].body) == "Zie de brief.2");
  CHECK(str(t, s.questions[2].heading) == "Vraag 3");
}

TEST_CASE("numbers in text are not footnote markers") {
  Text t = plain(
      "Vragen van het lid G (SP) (ingezonden 1 maart 2022).\n\nVraag 1\nHoeveel?\n\nAntwoord 1\n"
      "Sinds 2018 60 telefoons, 4,64% in 2021, BIO-maatregelen 14.1.1.1 en artikel 139c, "
      "ISO27002, NIS2 en taalniveau B1, zie https://example.nl/a2/b3 en nr. 5.\n\n"
      "2 telefoons zijn aangeschaft.\n");
  Segmentation s = seg(t);
  CHECK(s.footnotes.empty());
  REQUIRE(s.answers.size() == 1);
  CHECK(str(t, s.answers[0].body).ends_with("2 telefoons zijn aangeschaft."));
}

TEST_CASE("pdftotext footnotes: marker alone on a line, colophon and footer in between") {
  Text t = plain(
      "Vragen van het lid H (CDA) (ingezonden 5 juni 2024).\nVraag 1\n"
      "Bent u bekend met de oproep?1\nAntwoord 1\nJa. In mijn brief van 7 november 20232 staat\n"
      "het, en de richtlijn NIS24 ook.\n\n1\n\nah-tk-20232024-2129\nISSN 0921 - 7398\n"
      "’s-Gravenhage 2024\n\nRelief Web, 6 mei 2024, «Joint Statement»\n(https://reliefweb.int)\n"
      "2\nKamerbrief | Rijksoverheid.nl\n3\nRichtlijn NIS2 | europa.eu\n\n"
      "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel\n\n1\n\fvervolg van het antwoord.\n"
      "Vraag 2\nEn nu?\nAntwoord 2\nNiets.\n");
  Segmentation s = seg(t);
  REQUIRE(s.questions.size() == 2);
  REQUIRE(s.answers.size() == 2);
  REQUIRE(s.footnotes.size() == 3);
  const kg::Footnote* f1 = note(s, "1");
  REQUIRE(f1 != nullptr);
  CHECK(str(t, f1->text) == "Relief Web, 6 mei 2024, «Joint Statement»\n(https://reliefweb.int)");
  REQUIRE(f1->refs.size() == 1);
  CHECK(t.text.substr(f1->refs[0].at - 7, 8) == "oproep?1");
  const kg::Footnote* f2 = note(s, "2");
  REQUIRE(f2 != nullptr);
  REQUIRE(f2->refs.size() == 1);
  CHECK(t.text.substr(f2->refs[0].at - 4, 5) == "20232");
  // Marker 3 ("NIS24") is not recognisable; its text still follows 2 in the run.
  const kg::Footnote* f3 = note(s, "3");
  REQUIRE(f3 != nullptr);
  CHECK(str(t, f3->text) == "Richtlijn NIS2 | europa.eu");
  CHECK(parts(t, s.answers[0]) ==
        "Ja. In mijn brief van 7 november 20232 staat\nhet, en de richtlijn NIS24 ook. | "
        "vervolg van het antwoord.");
}

TEST_CASE("pdftotext footnotes: a marker put after the footnotes that follow it has no text") {
  Text t = plain(
      "Vragen van het lid I (VVD) (ingezonden 1 juni 2024).\nVraag 1\nWelk onderzoek?\nAntwoord 1\n"
      "De competitie9. De inzending (KYBER)10 en het programma11.\n"
      "9\n\nPost-Quantum Cryptography | CSRC\nCWI in two standards\n11\n"
      "10 miljoen euro voor cybersecurity | NWO\n10\n\nVraag 2\nEn verder?\n");
  Segmentation s = seg(t);
  REQUIRE(s.footnotes.size() == 3);
  CHECK(str(t, note(s, "9")->text) == "Post-Quantum Cryptography | CSRC\nCWI in two standards");
  CHECK(str(t, note(s, "11")->text) == "10 miljoen euro voor cybersecurity | NWO");
  const kg::Footnote* f10 = note(s, "10");
  REQUIRE(f10 != nullptr);
  CHECK(f10->text.empty());
  REQUIRE(f10->refs.size() == 1);
  CHECK(t.text.substr(f10->refs[0].at - 1, 3) == ")10");
  REQUIRE(s.answers.size() == 1);
  CHECK(str(t, s.answers[0].body) == "De competitie9. De inzending (KYBER)10 en het programma11.");
}

TEST_CASE("Markdown footnotes: [1 ] markers, '-----' page breaks, two markers in one bracket") {
  Text t = plain(
      "### 387\n\nVragen van het lid J (CDA) (ingezonden 2 oktober 2023).\n\n"
      "Vraag 1\nKent u «Netjes gezuiverd»[1 ] en het 11[e ] pakket?\n\n"
      "Antwoord 1\nJa, zie de regeling.[2 3 ] En de motie van\n\n\n"
      "1 Nederlands Dagblad, 29 september 2023, «De ondergang»\nmet het wegkijken van de EU.\n\n"
      "2 Standaard – versie 1.3\n3 Regeling ggz\n\n\nh tk 20232024 387\n\n\n-----\n\n"
      "het lid Ceder.\n");
  Segmentation s = seg(t);
  REQUIRE(s.footnotes.size() == 3);
  CHECK(str(t, note(s, "1")->text) ==
        "Nederlands Dagblad, 29 september 2023, «De ondergang»\nmet het wegkijken van de EU.");
  CHECK(t.text.substr(note(s, "1")->refs.at(0).at - 1, 4) == "[1 ]");
  CHECK(str(t, note(s, "2")->text) == "Standaard – versie 1.3");
  CHECK(str(t, note(s, "3")->text) == "Regeling ggz");
  CHECK(note(s, "3")->refs.size() == 1);
  REQUIRE(s.answers.size() == 1);
  CHECK(parts(t, s.answers[0]) == "Ja, zie de regeling.[2 3 ] En de motie van | het lid Ceder.");
  CHECK(str(t, s.header) == "### 387\n\nVragen van het lid J (CDA) (ingezonden 2 oktober 2023).");
}

TEST_CASE("footnote texts glued to their marker, markers at line starts (pdf-tekst)") {
  Text t = plain(
      "Tweede Kamer der Staten-Generaal2\nVragen van het lid K (GL) (ingezonden 4 juli 2023).\n"
      "Vraag 1\nKent u het bericht?\n1 \nAntwoord 1\nJa. \nVraag 2\nEn de brief?\nAntwoord 2\n"
      "In de Kamerbrief van 30 juni 2023\n2 \nis aangegeven dat het niet werkt, en in de brief\n"
      "3 ingegaan op het proces.\n\n1Brabants Dagblad, 2 juli 2023, «Verguisde stalvloer»\n"
      "2Kamerstuk 29 383, nr. 406.\n3Kamerstuk 29 383, nr. 407.\n"
      "ISSN 0921 - 7398’s-Gravenhage 2023Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1"
      "Vraag 3\nNog iets?\n");
  Segmentation s = seg(t);
  REQUIRE(s.questions.size() == 3);
  REQUIRE(s.answers.size() == 2);
  REQUIRE(s.footnotes.size() == 3);
  CHECK(str(t, note(s, "1")->text) == "Brabants Dagblad, 2 juli 2023, «Verguisde stalvloer»");
  CHECK(str(t, note(s, "2")->text) == "Kamerstuk 29 383, nr. 406.");
  CHECK(t.text.substr(note(s, "3")->refs.at(0).at, 11) == "3 ingegaan ");
  // The lone marker lines are left out of the bodies.
  CHECK(str(t, s.questions[0].body) == "Kent u het bericht?");
  CHECK(parts(t, s.answers[1]) ==
        "In de Kamerbrief van 30 juni 2023 | is aangegeven dat het niet werkt, en in de brief\n"
        "3 ingegaan op het proces.");
  CHECK(str(t, s.questions[2].heading) == "Vraag 3");
  CHECK(str(t, s.questions[2].body) == "Nog iets?");
}

TEST_CASE("a footnote split by a chunk boundary keeps its remainder up to the page footer") {
  Text t = plain(
      "Vragen van de leden L en M (ingezonden 13 december 2023).\n\n"
      "Vraag 1 Kent u het bericht «Kwam agent R. om het leven?\n\nNee, zegt stichting»?\n\n"
      "1  Antwoord 1 Ja.\n\nVraag 2 Deelt u de mening?\n\n"
      "1AD.nl, 7 december 2023, «Kwam agent R. om het leven?\n\n"
      "Nee, zegt stichting» (https://www.ad.nl/x~a5e9d6d9/).\n\n"
      "ah-tk-20232024-909 ISSN 0921 - 7398’s-Gravenhage 2024Tweede Kamer, vergaderjaar "
      "2023–2024, Aanhangsel 1\nAntwoord 2 Nee.\n");
  Segmentation s = seg(t);
  REQUIRE(s.footnotes.size() == 1);
  CHECK(str(t, s.footnotes[0].text) ==
        "AD.nl, 7 december 2023, «Kwam agent R. om het leven?\n\n"
        "Nee, zegt stichting» (https://www.ad.nl/x~a5e9d6d9/).");
  CHECK(s.footnotes[0].refs.size() == 1);
  REQUIRE(s.questions.size() == 2);
  CHECK(str(t, s.questions[1].body) == "Deelt u de mening?");
  REQUIRE(s.answers.size() == 2);
  CHECK(str(t, s.answers[1].body) == "Nee.");
}

TEST_CASE("where normalisation removed a page artefact, a footnote ends") {
  // "...nr. 31\n" + [removed "\n-----\n\n"] + "4% van het totaal": to_src jumps over the removal.
  std::string before =
      "Vragen van het lid N (CDA) (ingezonden 2 oktober 2023).\n\nVraag 1\nGas?\n\nAntwoord 1\n"
      "In lijn met de EU-inzet[1 ] is\n\n1 Motie Bikker, Kamerstuk 36 410, nr. 31\n";
  std::string after = "4% van het totale verbruik.\n";
  Text t = plain(before + after);
  for (size_t i = before.size(); i < t.to_src.size(); ++i) t.to_src[i] += 9;
  Segmentation s = seg(t);
  REQUIRE(s.footnotes.size() == 1);
  CHECK(str(t, s.footnotes[0].text) == "Motie Bikker, Kamerstuk 36 410, nr. 31");
  REQUIRE(s.answers.size() == 1);
  CHECK(parts(t, s.answers[0]) == "In lijn met de EU-inzet[1 ] is | 4% van het totale verbruik.");
}

TEST_CASE("letter: letterhead, bare question numbers, Antwoord, repeated page headers") {
  Text t = plain(
      "Ministerie van Economische Zaken\n\n> Retouradres Postbus 20401 2500 EK Den Haag\n\n"
      "Datum 4 november 2021\nBetreft Beantwoording vragen\n\nOns kenmerk\nDGBI / 21242813\n\n"
      "Uw kenmerk\n2021Z16201\n\nGeachte Voorzitter,\n\nHierbij zend ik u de antwoorden.\n\n"
      "Stef Blok\n\n1\n\nBent u bekend met het bericht?\n\nAntwoord\n\nJa.\n\n2\n\n"
      "Hoeveel telefoons zijn in gebruik?\n\nAntwoord\n\nHet marktaandeel is 4,64% in 2021.²\n\n"
      "² Mobile Vendor Market Share | Statcounter\n\nOns kenmerk\nDGBI / 21242813\n\n"
      "Verder is er niets bekend.\n\n3\n\nEen pagina verder\n\n4\n\nWat gaat u doen?\n\n"
      "Antwoord\n\nNiets.\n");
  Segmentation s = seg(t);
  CHECK(s.layout == Layout::kLetter);
  CHECK(str(t, s.header).starts_with("Ministerie van Economische Zaken"));
  CHECK(str(t, s.header).ends_with("Stef Blok"));
  REQUIRE(s.questions.size() == 3);
  REQUIRE(s.answers.size() == 3);
  CHECK(str(t, s.questions[0].heading) == "1");
  CHECK(str(t, s.questions[0].body) == "Bent u bekend met het bericht?");
  CHECK(str(t, s.answers[0].heading) == "Antwoord");
  CHECK(s.answers[1].numbers == nums({2}));
  // The footnote and the repeated "Ons kenmerk" lines are cut out; "3" is no question (no
  // Antwoord follows before "4"), it stays in the answer.
  CHECK(
      parts(t, s.answers[1]) ==
      "Het marktaandeel is 4,64% in 2021.² | Verder is er niets bekend.\n\n3\n\nEen pagina verder");
  CHECK(s.questions[2].numbers == nums({4}));
  REQUIRE(s.footnotes.size() == 1);
  CHECK(s.footnotes[0].marker == "2");
  CHECK(str(t, s.footnotes[0].text) == "Mobile Vendor Market Share | Statcounter");
  CHECK(t.text.substr(s.footnotes[0].refs.at(0).at - 5, 7) == "2021.²");
}

TEST_CASE("openkamer: bullets, first paragraph is the question, notice, trailer") {
  Text t = plain(
      "Kamervraag 2022Z04510\n\nHet gebruik van camera's\n\nIngediend 10 maart 2022\n"
      "Indieners Lisa van Ginneken (D66)\n"
      " • Vraag 1\n  Kunt u het gebruik bevestigen?1\n\n  Ja.\n\n"
      " • Vraag 2\n  Wat zijn de risico's voor de vitale infrastructuur2.\n\n"
      "  Eerste alinea van het antwoord (DBSA)3 en 4,64%.\n  Tweede alinea.\n\n"
      " • Vraag 3\n  Kunt u deze vragen afzonderlijk beantwoorden?\n"
      " • Mededeling - 1 april 2022\n\n  De vragen kunnen niet binnen drie weken worden "
      "beantwoord.\n"
      "\n\nKamervraag document nummer: kv-tk-2022Z04510\nVolledige titel: Het gebruik\n");
  Segmentation s = seg(t);
  CHECK(s.layout == Layout::kOpenKamer);
  CHECK(str(t, s.header).starts_with("Kamervraag 2022Z04510"));
  CHECK(str(t, s.header).ends_with("Indieners Lisa van Ginneken (D66)"));
  REQUIRE(s.questions.size() == 3);
  REQUIRE(s.answers.size() == 2);
  CHECK(str(t, s.questions[0].heading) == "• Vraag 1");
  CHECK(str(t, s.questions[0].body) == "Kunt u het gebruik bevestigen?1");
  CHECK(str(t, s.answers[0].body) == "Ja.");
  CHECK(s.answers[1].numbers == nums({2}));
  CHECK(str(t, s.answers[1].body) ==
        "Eerste alinea van het antwoord (DBSA)3 en 4,64%.\n  Tweede alinea.");
  CHECK(str(t, s.questions[2].body) == "Kunt u deze vragen afzonderlijk beantwoorden?");
  REQUIRE(s.notices.size() == 1);
  CHECK(str(t, s.notices[0].heading) == "• Mededeling - 1 april 2022");
  CHECK(str(t, s.notices[0].body) == "De vragen kunnen niet binnen drie weken worden beantwoord.");
  CHECK(str(t, s.trailer) ==
        "Kamervraag document nummer: kv-tk-2022Z04510\nVolledige titel: Het gebruik");
  // Markers without footnote texts: recorded as they count up.
  REQUIRE(s.footnotes.size() == 3);
  for (int i = 0; i < 3; ++i) {
    CHECK(s.footnotes[i].marker == std::to_string(i + 1));
    CHECK(s.footnotes[i].text.empty());
    CHECK(s.footnotes[i].refs.size() == 1);
  }
}

TEST_CASE("news: metadata prefix as header, paragraphs") {
  Text t = plain(
      " date 2021-09 De VVD heeft de minister om opheldering gevraagd.\n\n"
      "\"Deelt u de mening?\", vraagt het Kamerlid.\n\nDe minister reageert later.\n");
  Segmentation s = seg(t);
  CHECK(s.layout == Layout::kNews);
  CHECK(str(t, s.header) == "date 2021-09");
  REQUIRE(s.paragraphs.size() == 3);
  CHECK(str(t, s.paragraphs[0]) == "De VVD heeft de minister om opheldering gevraagd.");
  CHECK(str(t, s.paragraphs[2]) == "De minister reageert later.");
  CHECK(s.questions.empty());
}

TEST_CASE("news without metadata: prose with quotes") {
  std::string para(250, 'x');
  Text t = plain("Het Kamerlid zegt: \"" + para + "\".\n\nDe minister: \"Nee.\"\n");
  Segmentation s = seg(t);
  CHECK(s.layout == Layout::kNews);
  CHECK(s.header.empty());
  CHECK(s.paragraphs.size() == 2);
}

TEST_CASE("unknown layout, noise and empty text degrade to paragraphs") {
  Text t = plain("Een boodschappenlijst\n\nmelk\nbrood\n\n\n\nkaas\n");
  Segmentation s = seg(t);
  CHECK(s.layout == Layout::kUnknown);
  REQUIRE(s.paragraphs.size() == 3);
  CHECK(str(t, s.paragraphs[1]) == "melk\nbrood");

  Segmentation e = seg(plain(""));
  CHECK(e.layout == Layout::kUnknown);
  CHECK(e.paragraphs.empty());
  CHECK(e.questions.empty());

  Segmentation blank = seg(plain("\n\n \t\n\f\n"));
  CHECK(blank.paragraphs.empty());

  std::mt19937 rng(42);
  std::string noise(200000, '\0');
  for (char& c : noise) c = static_cast<char>(rng() & 0xFF);
  Text n = plain(noise);
  seg(n);  // no crash, invariants hold
  std::string digits;
  for (int i = 0; i < 20000; ++i) digits += std::to_string(rng() % 30) + (i % 3 ? " " : "\n");
  seg(plain("Vragen van het lid X\nVraag 1\nA?\nAntwoord 1\n" + digits));
}

TEST_CASE("random documents built from the layouts' pieces keep the invariants") {
  const std::vector<std::string> pieces = {"Vraag ",
                                           "Vragen ",
                                           "Antwoord ",
                                           "Antwoord op vraag ",
                                           " en ",
                                           ", ",
                                           " t/m ",
                                           "1",
                                           "2",
                                           "12",
                                           "\n",
                                           "\n\n",
                                           "\f",
                                           " ",
                                           "Bent u",
                                           "ja.",
                                           "?1",
                                           ".2",
                                           "(DBSA)3",
                                           "¹",
                                           "² ",
                                           "[1 ]",
                                           "[4 5 ]",
                                           "20231",
                                           " • Vraag ",
                                           " • Mededeling - 1 april 2022",
                                           "Kamervraag 2022Z1",
                                           "Kamervraag document nummer: x",
                                           "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1",
                                           "ah-tk-20232024-1",
                                           "ISSN 0921 - 7398",
                                           "-----",
                                           "Datum 1 mei",
                                           "Betreft x",
                                           "Geachte",
                                           "Antwoord\n",
                                           "1AD.nl",
                                           "\xC2",
                                           "\xE2\x81",
                                           "Vragen van het lid X",
                                           " date 2021-09 "};
  std::mt19937 rng(7);
  for (int doc = 0; doc < 3000; ++doc) {
    std::string s;
    size_t n = rng() % 200;
    for (size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    Text t = plain(s);
    for (size_t i = 1; i < t.to_src.size(); ++i)
      t.to_src[i] = t.to_src[i - 1] + 1 + (rng() % 16 == 0 ? 9 : 0);
    seg(t);
  }
}

TEST_CASE("5,000 numbered questions and answers") {
  std::string doc = "Vragen van het lid O (SP) (ingezonden 1 maart 2024).\n";
  for (int i = 1; i <= 5000; ++i) {
    doc += "Vraag " + std::to_string(i) + "\nWaarom " + std::to_string(i) + "?\n";
    doc += "Antwoord " + std::to_string(i) + "\nDaarom.\n";
  }
  Text t = plain(doc);
  Segmentation s = seg(t);
  REQUIRE(s.questions.size() == 5000);
  REQUIRE(s.answers.size() == 5000);
  CHECK(s.questions.back().numbers == nums({5000}));
  CHECK(str(t, s.answers.back().body) == "Daarom.");
}

TEST_CASE("large inputs are segmented in linear time") {
  std::string line;
  line.reserve(10 << 20);
  while (line.size() < (10u << 20)) line += "het woord.1 en (DBSA)3 of 20231 en [4 ] zo ";
  auto start = std::chrono::steady_clock::now();
  Segmentation s = seg(plain("Vragen van het lid P\n" + line));
  Segmentation l = seg(plain(line));
  std::string lines;
  while (lines.size() < (10u << 20)) lines += "1\n\n2 tekst\n¹ meer\n";
  Segmentation m = seg(plain("Vragen van het lid Q\nVraag 1\nX?\nAntwoord 1\n" + lines));
  seg(plain(std::string(1 << 20, '\f') + "Vraag 1\n" + std::string(1 << 20, '\n')));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 30.0);  // quadratic behaviour would take hours
  CHECK(l.layout == Layout::kUnknown);
  CHECK(l.paragraphs.size() == 1);
  CHECK(m.answers.size() == 1);
}

TEST_CASE("samples: the structure a reader counts") {
  fs::path dir = fs::path(KG_SOURCE_DIR) / "samples";
  struct Expect {
    const char* prefix;
    Layout layout;
    size_t questions, answers, notices, footnotes;
  };
  const Expect expected[] = {
      {"000_", Layout::kAanhangsel, 12, 12, 0, 3}, {"001_", Layout::kLetter, 7, 7, 0, 3},
      {"002_", Layout::kNews, 0, 0, 0, 0},         {"003_", Layout::kOpenKamer, 15, 14, 1, 8},
      {"004_", Layout::kOpenKamer, 14, 14, 1, 7},
  };
  for (const Expect& e : expected) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (!entry.path().filename().string().starts_with(e.prefix)) continue;
      INFO(entry.path().filename().string());
      Text t = kg::normalise(read_file(entry.path()));
      Segmentation s = seg(t);
      CHECK(s.layout == e.layout);
      CHECK(s.questions.size() == e.questions);
      CHECK(s.answers.size() == e.answers);
      CHECK(s.notices.size() == e.notices);
      CHECK(s.footnotes.size() == e.footnotes);
      if (e.layout == Layout::kNews) CHECK(s.paragraphs.size() == 6);
    }
  }
}

TEST_CASE("corpus: the structure a reader counts") {
  fs::path dir = fs::path(KG_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(dir)) {
    WARN("corpus not found at " << dir);
    return;
  }
  struct Expect {
    const char* id;
    size_t questions, answers, footnotes;
    std::vector<int> combined;  // numbers of a combined question block, if any
  };
  const Expect expected[] = {
      {"-3649_", 14, 14, 6, {}}, {"-1076_", 5, 5, 3, {}},
      {"-1178_", 9, 9, 15, {}},  {"-1893_", 7, 7, 1, {}},
      {"-2129_", 9, 9, 5, {}},   {"-2367_", 5, 5, 4, {7, 8, 9, 10, 11}},
      {"-302_", 8, 9, 11, {}},   {"-387_", 9, 9, 9, {4, 5}},
      {"-878_", 7, 7, 2, {}},    {"-909_", 5, 5, 1, {4, 5}},
  };
  size_t seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    for (const Expect& e : expected) {
      if (name.find(e.id) == std::string::npos) continue;
      ++seen;
      INFO(name);
      for (bool normalised : {true, false}) {
        std::string raw = read_file(entry.path());
        Text t = normalised ? kg::normalise(raw) : plain(raw);
        Segmentation s = seg(t);
        CHECK(s.layout == Layout::kAanhangsel);
        CHECK(s.questions.size() == e.questions);
        CHECK(s.answers.size() == e.answers);
        CHECK(s.footnotes.size() == e.footnotes);
        if (!e.combined.empty()) {
          bool found = false;
          for (const Block& b : s.questions) found |= b.numbers == e.combined;
          CHECK(found);
        }
        for (const auto* list : {&s.questions, &s.answers}) {
          for (const Block& b : *list) CHECK(!b.body.empty());
        }
      }
    }
  }
  CHECK(seen == std::size(expected));
}
