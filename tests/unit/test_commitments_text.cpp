// Sentences, stems and deadlines as the commitments extractor reads them.
#include "resolve/commitments_text.h"
#include "test_commitments_fixture.h"

using kg::commit::content_stems;
using kg::commit::dice;
using kg::commit::sentence_text;
using kg::commit::split_sentences;
using kg::commit::stem;

namespace {

std::vector<std::string> sentences(const std::string& text, std::vector<kg::Range> parts = {}) {
  if (parts.empty()) parts.push_back({0, static_cast<uint32_t>(text.size())});
  std::vector<std::string> out;
  for (const auto& s : split_sentences(text, parts)) out.push_back(sentence_text(text, s));
  return out;
}

}  // namespace

TEST_CASE("sentences end at a terminator before a capital, not after an abbreviation") {
  CHECK(sentences("Zie Kamerstuk 30 821, nr. 124. Dat is bekend. Het debat van 22 maart jl. heeft "
                  "geleid tot o.a. DJI-onderzoek? Ja!") ==
        std::vector<std::string>{"Zie Kamerstuk 30 821, nr. 124.", "Dat is bekend.",
                                 "Het debat van 22 maart jl. heeft geleid tot o.a. DJI-onderzoek?", "Ja!"});
  // A footnote marker after the period; a decimal number; an initial.
  CHECK(sentences("Er zijn geen bijzonderheden aangetroffen.1 In beide onderzoeken is artikel 5.1 genoemd "
                  "door J. Jansen.") ==
        std::vector<std::string>{"Er zijn geen bijzonderheden aangetroffen.1",
                                 "In beide onderzoeken is artikel 5.1 genoemd door J. Jansen."});
  // A blank line ends a paragraph even without a period.
  CHECK(sentences("Werken aan een veilige cultuur\n\nDat is alles.") ==
        std::vector<std::string>{"Werken aan een veilige cultuur", "Dat is alles."});
}

TEST_CASE("a sentence interrupted by a footnote goes on in the next part") {
  std::string t = "Het voorstel voor een\n1 Reuters, 2021\nEuropese verordening zal de richtlijn vervangen. Klaar.";
  uint32_t foot = static_cast<uint32_t>(t.find("1 Reuters"));
  uint32_t back = static_cast<uint32_t>(t.find("Europese"));
  auto out = sentences(t, {{0, foot}, {back, static_cast<uint32_t>(t.size())}});
  CHECK(out == std::vector<std::string>{"Het voorstel voor een Europese verordening zal de richtlijn vervangen.",
                                        "Klaar."});
}

TEST_CASE("stems make inflections and restatements agree") {
  CHECK(stem("inkoopeisen") == stem("inkoopeis"));
  CHECK(stem("nationale") == stem("nationaal"));
  CHECK(stem("geinformeerd") == stem("informeren"));
  CHECK(stem("camera's") == "camera");
  CHECK(stem("veiligheidsrisico's") == stem("veiligheidsrisico"));
  CHECK(stem("cyberveiligheid") == stem("cyberveilig"));
  CHECK(stem("procedures") == stem("procedure"));
  CHECK(stem("-richtlijnen") == stem("richtlijn"));
  CHECK(stem("land") != stem("landschap"));

  std::unordered_set<std::string> frame = {"onderzoek", "doen"};
  auto a = content_stems("een onderzoek te gaan doen naar inkoopeisen en -richtlijnen", frame);
  CHECK(a == std::vector<std::string>{stem("gaan"), "inkoopeis", "richtlijn"});
  auto x = kg::commit::sorted_set(content_stems("De nationale risico's van camera's", {}));
  auto y = kg::commit::sorted_set(content_stems("nationaal risico bij een camera", {}));
  CHECK(dice(x, y) == Approx(1.0));
  CHECK(dice(x, {}) == 0.0);
  CHECK(kg::commit::slug("«Litouwen adviseert consument geen Xiaomi-telefoons meer te kopen»", 80) ==
        "litouwen-adviseert-consument-geen-xiaomi-telefoons-meer-te-kopen");
  CHECK(kg::commit::slug("Één twee drie", 8) == "een-twee");
}

namespace {

// The due date and precision of the only commitment of an answer received on `received`.
std::pair<std::string, std::string> due_of(const std::string& sentence, const std::string& received = "2 april 2023") {
  kg::Fragment f = kgtest::extract(kgtest::aanhangsel({{"Wanneer?", sentence}}, "het bericht «Deurbellen»", received));
  const kg::Node& c = kgtest::only_commitment(f);
  return {kgtest::attr(c, "due"), kgtest::attr(c, "due_precision")};
}

}  // namespace

TEST_CASE("deadlines: the start of a period for 'voor', its end otherwise") {
  using P = std::pair<std::string, std::string>;
  CHECK(due_of("Ik zal uw Kamer voor 1 juli 2024 informeren.") == P{"2024-07-01", "day"});
  CHECK(due_of("Ik zal uw Kamer uiterlijk 15 mei informeren.") == P{"2023-05-15", "day"});
  CHECK(due_of("Ik zal uw Kamer in het eerste kwartaal van 2024 informeren.") == P{"2024-03-31", "quarter"});
  CHECK(due_of("Ik zal het rapport eind 2023 publiceren.") == P{"2023-12-31", "year"});
  CHECK(due_of("Ik zal het rapport medio 2024 publiceren.") == P{"2024-06-30", "half"});
  CHECK(due_of("Ik zal het rapport voor september publiceren.") == P{"2023-09-01", "month"});
  CHECK(due_of("Ik zal het rapport in het najaar publiceren.") == P{"2023-12-20", "season"});
  CHECK(due_of("Ik zal het rapport voor het zomerreces publiceren.") == P{"2023-07-01", "season"});
  // Without a year: the first such date after the commitment was made.
  CHECK(due_of("Ik zal uw Kamer voor de zomer informeren.") == P{"2023-06-21", "season"});
  CHECK(due_of("Ik zal uw Kamer voor de zomer informeren.", "1 september 2023") == P{"2024-06-21", "season"});
  CHECK(due_of("Ik zal uw Kamer op korte termijn informeren.") == P{"", "vague"});
  CHECK(due_of("Ik zal uw Kamer informeren.") == P{"", ""});
}
