// Sentence splitting for claims: abbreviations, initials, footnote markers, quotations,
// titles and text that runs on across a footnote.
#include <catch2/catch.hpp>

#include "resolve/claims_sentences.h"

using namespace kg;

namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  for (const Sentence& x : split_sentences(s, {{0, static_cast<uint32_t>(s.size())}})) {
    out.push_back(sentence_text(s, x));
  }
  return out;
}

using L = std::vector<std::string>;

}  // namespace

TEST_CASE("sentences end at . ! ? before a capital") {
  CHECK(split("Dit is zin een. Dit is zin twee! Is dit drie?") ==
        L{"Dit is zin een.", "Dit is zin twee!", "Is dit drie?"});
  CHECK(split("Zie artikel 3 lid 2. Dat is alles.") == L{"Zie artikel 3 lid 2.", "Dat is alles."});
  // A lowercase word or a number after the period continues the sentence.
  CHECK(split("Op 27 september jl. heeft de minister gesproken.").size() == 1);
  CHECK(split("Dat kost ca. 5 miljoen euro.").size() == 1);
  // ... but a capital after "jl." starts a new one.
  CHECK(split("Dat gebeurde op 23 oktober jl. Zoals vermeld gaat het door.").size() == 2);
}

TEST_CASE("abbreviations and initials do not end a sentence") {
  CHECK(split("Dit geldt o.a. voor Banken. Ook voor J. de Vries en mr. Jansen.") ==
        L{"Dit geldt o.a. voor Banken.", "Ook voor J. de Vries en mr. Jansen."});
  CHECK(split("Zie Kamerstuk 32 761, nr. 152. Dat is de brief.").size() == 2);
}

TEST_CASE("footnote markers after the end of a sentence") {
  CHECK(split("Er zijn geen bijzonderheden aangetroffen.1 In beide onderzoeken is dat vastgesteld.")
            .size() == 2);
  CHECK(split("Er wordt gesproken over maatregelen.[5 ] De HV gaf aan dat het doorgaat.").size() ==
        2);
}

TEST_CASE("quotations and titles hold their sentence ends when balanced") {
  CHECK(split("Hij vroeg: \"Is dit juist? Ik denk het niet.\" Daarna ging hij weg.") ==
        L{"Hij vroeg: \"Is dit juist? Ik denk het niet.\"", "Daarna ging hij weg."});
  CHECK(split("\"Hoeveel zijn er?\", vraagt ze. \"Wie weet het? Niemand?\"") ==
        L{"\"Hoeveel zijn er?\", vraagt ze.", "\"Wie weet het? Niemand?\""});
  CHECK(split("Het bericht «Kwam hij om? Nee, zegt de stichting» is bekend. Dat klopt.").size() ==
        2);
  // An unbalanced mark shields nothing.
  CHECK(split("Het scherm is 6\" groot. Dat is alles.").size() == 2);
}

TEST_CASE("blank lines end a sentence; a sentence runs on across a cut-out footnote") {
  CHECK(split("Een kop zonder punt\n\nDe tekst.") == L{"Een kop zonder punt", "De tekst."});
  CHECK(split("Een zin die\nover twee regels loopt.") == L{"Een zin die over twee regels loopt."});
  std::string s = "Dit loopt door in een 1 Voetnoot tekst. tweede deel. Nieuwe zin.";
  uint32_t cut = static_cast<uint32_t>(s.find("1 Voetnoot"));
  uint32_t resume = static_cast<uint32_t>(s.find("tweede"));
  auto sentences = split_sentences(s, {{0, cut}, {resume, static_cast<uint32_t>(s.size())}});
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].pieces.size() == 2);
  CHECK(sentence_text(s, sentences[0]) == "Dit loopt door in een tweede deel.");
  CHECK(sentence_text(s, sentences[1]) == "Nieuwe zin.");
}
