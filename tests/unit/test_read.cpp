// Tests of the read stage: read_source (validation, sha256) and normalise (text, key, offset maps).
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "read/normalise.h"
#include "read/source.h"

namespace fs = std::filesystem;
using kg::normalise;
using kg::Text;

namespace {

std::string norm(std::string_view s) { return normalise(s).text; }

// Offsets of the first occurrence of needle in hay (a test helper, not code under test).
uint32_t at(std::string_view hay, std::string_view needle) {
  size_t p = hay.find(needle);
  REQUIRE(p != std::string_view::npos);
  return static_cast<uint32_t>(p);
}

// The structural invariants every Text must satisfy.
void check_maps(std::string_view src, const Text& t) {
  REQUIRE(t.to_src.size() == t.text.size() + 1);
  REQUIRE(t.key_to_text.size() == t.key.size() + 1);
  CHECK(t.to_src.back() == src.size());
  CHECK(t.key_to_text.back() == t.text.size());
  for (size_t i = 0; i + 1 < t.to_src.size(); ++i) {
    if (t.to_src[i] > t.to_src[i + 1] || t.to_src[i] >= src.size()) {
      FAIL_CHECK("to_src broken at " << i);
      return;
    }
  }
  for (size_t i = 0; i + 1 < t.key_to_text.size(); ++i) {
    if (t.key_to_text[i] > t.key_to_text[i + 1] || t.key_to_text[i] >= t.text.size()) {
      FAIL_CHECK("key_to_text broken at " << i);
      return;
    }
  }
  CHECK(t.key == kg::fold(t.text));
}

// The letters of s, folded (case, diacritics), in order.
std::string letters(std::string_view s) {
  std::string out;
  for (char c : kg::fold(s)) {
    if (c >= 'a' && c <= 'z') out.push_back(c);
  }
  return out;
}

bool is_subsequence(std::string_view small, std::string_view big) {
  size_t j = 0;
  for (char c : big) {
    if (j < small.size() && small[j] == c) ++j;
  }
  return j == small.size();
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> real_documents() {
  std::vector<fs::path> files;
  for (const char* dir : {KG_SOURCE_DIR "/samples", KG_SOURCE_DIR "/../shared/corpus"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".txt") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A scratch directory removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("kg_test_read_" + std::to_string(std::random_device{}()) + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, std::string_view bytes) const {
    fs::path p = path / name;
    std::ofstream(p, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }
};

}  // namespace

TEST_CASE("read_source accepts UTF-8 text and hashes the raw bytes", "[read][source]") {
  TempDir dir;
  const std::string bom_text = "\xEF\xBB\xBFVraag 1\nWat is de stand van zaken?\n";
  fs::path p = dir.write("vraag.txt", bom_text);
  auto r = kg::read_source(p);
  REQUIRE(r.ok());
  CHECK(r->bytes == bom_text);  // the BOM is kept: offsets count it
  CHECK(r->path == p.string());
  CHECK(r->sha256 == kg::sha256_hex(bom_text));
  CHECK(kg::sha256_hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(kg::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("read_source rejects what it cannot take, naming the file", "[read][source]") {
  TempDir dir;
  auto fails = [](const fs::path& p) {
    auto r = kg::read_source(p);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == kg::Code::kInput);
    return r.status().message();
  };
  fs::path empty = dir.write("leeg.txt", "");
  CHECK(fails(empty) == empty.string() + ": empty file");

  fs::path binary = dir.write("scan.pdf", std::string("%PDF-\0\x01\x02", 8));
  CHECK(fails(binary) == binary.string() + ": binary file (NUL byte at offset 5)");

  fs::path latin1 = dir.write("latin1.txt", "Vraag 1\nIs de minist\xE9r bekend?\n");
  CHECK(fails(latin1) == latin1.string() + ":2:13: invalid UTF-8 (byte 0xE9)");

  fs::path missing = dir.path / "bestaat-niet.txt";
  CHECK(fails(missing) == missing.string() + ": cannot read: No such file or directory");
  CHECK(fails(dir.path) == dir.path.string() + ": cannot read: Is a directory");
}

TEST_CASE("find_invalid_utf8 is strict", "[read][source]") {
  CHECK(kg::find_invalid_utf8("Yeşilgöz – «Hoe» € 😀") == std::string_view::npos);
  CHECK(kg::find_invalid_utf8("") == std::string_view::npos);
  CHECK(kg::find_invalid_utf8("abcdefghij\xC0\xAF") == 10);  // overlong '/'
  CHECK(kg::find_invalid_utf8("ab\xED\xA0\x80") == 2);       // surrogate
  CHECK(kg::find_invalid_utf8("ab\xF4\x90\x80\x80") == 2);   // above U+10FFFF
  CHECK(kg::find_invalid_utf8("abc\xE2\x80") == 3);          // truncated at the end
  CHECK(kg::find_invalid_utf8("\x80") == 0);                 // lone continuation byte
  CHECK(kg::find_invalid_utf8("Antwoord 12345678\xF5") == 17);
}

TEST_CASE("plain ASCII text is unchanged and maps to itself", "[read][normalise]") {
  const std::string src =
      "Vraag 2\nDeelt u de mening dat de Minister van Economische Zaken en Klimaat (EZK) "
      "op 7 april 2022 (nr. 891) te laat antwoordde?\n\nAntwoord 2\nNee.\n";
  Text t = normalise(src);
  CHECK(t.text == src);
  for (size_t i = 0; i <= src.size(); ++i) REQUIRE(t.to_src[i] == i);
  // key is lowercase with every whitespace run one space; up to the first blank line it
  // maps to text byte for byte.
  CHECK(t.key ==
        "vraag 2 deelt u de mening dat de minister van economische zaken en klimaat "
        "(ezk) op 7 april 2022 (nr. 891) te laat antwoordde? antwoord 2 nee. ");
  const size_t blank = src.find("\n\n");
  for (size_t i = 0; i <= blank; ++i) REQUIRE(t.key_to_text[i] == i);
  CHECK(t.key_to_text[blank + 1] == blank + 2);
  check_maps(src, t);
}

TEST_CASE("line endings, spaces and quotes are normalised", "[read][normalise]") {
  CHECK(norm("Vraag 1\r\nAntwoord 1\rJa.\r\n") == "Vraag 1\nAntwoord 1\nJa.\n");
  Text crlf = normalise("a\r\nb");
  CHECK(crlf.to_src[1] == 2);  // the LF of CRLF maps to itself
  CHECK(crlf.to_src[2] == 3);

  CHECK(norm("artikel\xC2\xA0"
             "5 en 10\xE2\x80\xAF%") == "artikel 5 en 10 %");
  CHECK(norm("‘zorgelijk’ en “onaanvaardbaar”, „zegt” de minister") ==
        "'zorgelijk' en \"onaanvaardbaar\", \"zegt\" de minister");
  // Guillemets delimit titles: kept in text, folded in key.
  Text t = normalise("het bericht «Hoe China meekijkt» van NOS");
  CHECK(t.text == "het bericht «Hoe China meekijkt» van NOS");
  CHECK(t.key == "het bericht \"hoe china meekijkt\" van nos");

  Text q = normalise("risico’s");
  CHECK(q.text == "risico's");
  CHECK(q.to_src[6] == 6);  // the apostrophe maps to the first byte of ’
  CHECK(q.to_src[7] == 9);
}

TEST_CASE("a BOM is dropped but counted, NFC is applied, bad bytes become U+FFFD",
          "[read][normalise]") {
  Text bom = normalise("\xEF\xBB\xBFVraag");
  CHECK(bom.text == "Vraag");
  CHECK(bom.to_src[0] == 3);

  Text nfc = normalise("gee\xCC\x88indexeerd Yes\xCC\xA7ilgo\xCC\x88z");  // decomposed
  CHECK(nfc.text == "geëindexeerd Yeşilgöz");
  CHECK(nfc.key == "geeindexeerd yesilgoz");
  check_maps("gee\xCC\x88indexeerd Yes\xCC\xA7ilgo\xCC\x88z", nfc);
  const size_t e = nfc.text.find("ë");
  CHECK(nfc.to_src[e] == 2);      // the composed letter maps to its base letter...
  CHECK(nfc.to_src[e + 2] == 5);  // ...and the next letter after the combining mark

  Text same = normalise("geïnformeerd");  // already NFC: byte-for-byte map
  CHECK(same.text == "geïnformeerd");
  for (size_t i = 0; i < same.to_src.size(); ++i) CHECK(same.to_src[i] == i);

  const std::string bad = "Minist\xE9rie \xFF\xFE en \xE2\x80";
  Text t = normalise(bad);
  CHECK(t.text == "Minist\xEF\xBF\xBDrie \xEF\xBF\xBD\xEF\xBF\xBD en \xEF\xBF\xBD\xEF\xBF\xBD");
  check_maps(bad, t);
}

TEST_CASE("words hyphenated across a line break are joined", "[read][normalise][hyphen]") {
  CHECK(norm("een informatiebeveili-\ngingskader voor de overheid") ==
        "een informatiebeveiligingskader voor de overheid");
  CHECK(norm("de Staatssecretaris voor Koninkrijksre-\nlaties en Digitalisering") ==
        "de Staatssecretaris voor Koninkrijksrelaties en Digitalisering");
  CHECK(norm("nationale veiligheidsrisi-\nco’s in kaart") ==
        "nationale veiligheidsrisico's in kaart");
  CHECK(norm("wordt de Telecommunicatie-\nwet aangepast") ==
        "wordt de Telecommunicatiewet aangepast");
  // PDF text: a space before the line break and at the start of the next line.
  CHECK(norm("bepaalt dat verwer- \n kingsverantwoordelijken informeren") ==
        "bepaalt dat verwerkingsverantwoordelijken informeren");
  CHECK(norm("Windows-regel-\r\nend") == "Windows-regelend");
  CHECK(norm("een informatie\xC2\xAD\nbehoefte") == "een informatiebehoefte");  // soft hyphen
  CHECK(norm("de e-privacy-\nrichtlijn") == "de e-privacyrichtlijn");

  Text t = normalise("waarschu-\nwing");
  CHECK(t.text == "waarschuwing");
  CHECK(t.to_src[at(t.text, "wing")] == 10);  // the continuation maps to the next line
  CHECK(t.key == "waarschuwing");
  check_maps("waarschu-\nwing", t);
}

TEST_CASE("real hyphens at a line break are kept, the break dropped", "[read][normalise][hyphen]") {
  CHECK(norm("Indieners Hind Dekker-\nAbdulaziz (D66)") == "Indieners Hind Dekker-Abdulaziz (D66)");
  CHECK(norm("de lidstaten van de EU-\nlanden") == "de lidstaten van de EU-landen");
  CHECK(norm("de zee-\neend en het auto-\nongeluk") == "de zee-eend en het auto-ongeluk");
  CHECK(norm("de ggz-\ninstelling") == "de ggz-instelling");
  CHECK(norm("de COVID-19-\nmaatregelen") == "de COVID-19-maatregelen");
  CHECK(norm("de e-\nmail") == "de e-mail");
  // A name used on its own elsewhere keeps its hyphen in a compound.
  CHECK(norm("Litouwen adviseert geen telefoons van Xiaomi te kopen. Zijn\nXiaomi-\ntelefoons "
             "veilig?") ==
        "Litouwen adviseert geen telefoons van Xiaomi te kopen. Zijn\nXiaomi-telefoons veilig?");
  // A compound the document writes with a hyphen elsewhere keeps it.
  CHECK(norm("de stikstof-fosfaatverhouding in mest; de stikstof-\nfosfaatverhouding daalt") ==
        "de stikstof-fosfaatverhouding in mest; de stikstof-fosfaatverhouding daalt");
  // A capitalised first part that the document also writes joined is joined.
  CHECK(norm("Daar is geen bezwaar. Daar-\nnaast geldt daarnaast de wet.") ==
        "Daar is geen bezwaar. Daarnaast geldt daarnaast de wet.");

  Text t = normalise("Dekker-\nAbdulaziz");
  CHECK(t.to_src[6] == 6);  // the kept hyphen maps to itself
  CHECK(t.to_src[7] == 8);
}

TEST_CASE("hyphens that are not hyphenation are left alone", "[read][normalise][hyphen]") {
  for (const char* s : {
           "een verscherpt inkoop-\nen aanbestedingsbeleid",  // elided word
           "zowel export- \nals importbeleid", "van kinder-\ntot ouderenzorg",
           "de vraag -\nen het antwoord",      // a dash, not a hyphen
           "vrijheid van menings-\n\nuiting",  // a blank line in between
           "het getal is -\n5 graden", "het e-privacyrichtlijn-voorstel\nwordt besproken",
           "aan het einde-\n",  // nothing follows
       }) {
    CAPTURE(s);
    CHECK(norm(s) == s);
  }
}

TEST_CASE("page artefacts are removed and leave one line break", "[read][normalise][artefact]") {
  // pdftotext: footer with the page number on its own line, then a form feed.
  const std::string pdf =
      "nog niet eerder op deze schaal is \n\nah-tk-20232024-1178\nISSN 0921 - 7398\n"
      "’s-Gravenhage 2024\n\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel\n\n1\n\n\f"
      "voorgekomen. Daarom\nVraag 2\n";
  Text t = normalise(pdf);
  CHECK(t.text == "nog niet eerder op deze schaal is\nvoorgekomen. Daarom\nVraag 2\n");
  check_maps(pdf, t);
  CHECK(t.to_src[at(t.text, "voorgekomen")] == at(pdf, "voorgekomen"));

  // A page break in the middle of a hyphenated word.
  CHECK(norm("een informatiebeveili-\n\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel\n\n"
             "3\n\n\fgingskader voor") == "een informatiebeveiligingskader voor");

  // Artefacts glued to each other and to the next text on one line.
  const std::string glued =
      "(https://www.bd.nl/stalvloer).\n\n\t\nah-tk-20222023-3649\nISSN 0921 - 7398’s-Gravenhage "
      "2023Tweede Kamer, vergaderjaar 2022–2023, Aanhangsel 1Antwoord 3\nBinnen het kader";
  Text g = normalise(glued);
  CHECK(g.text == "(https://www.bd.nl/stalvloer).\nAntwoord 3\nBinnen het kader");
  check_maps(glued, g);
  CHECK(g.to_src[at(g.text, "Antwoord")] == at(glued, "Antwoord"));

  // Document number, ISSN, place and footer on one line (chunked text).
  CHECK(norm("een plek in de Tuin van Bezinning.\nah-tk-20232024-909 ISSN 0921 - 7398’s-Gravenhage "
             "2024Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1\nVraag 2\n") ==
        "een plek in de Tuin van Bezinning.\nVraag 2\n");

  // Glued mid-line with no line break of its own: the LF maps to the footer.
  const std::string midline =
      "de leverancier.Tweede Kamer, vergaderjaar 2021-2022, Aanhangsel 2Antwoord 7\nNee.";
  Text m = normalise(midline);
  CHECK(m.text == "de leverancier.\nAntwoord 7\nNee.");
  CHECK(m.to_src[at(m.text, "\n")] == at(midline, "Tweede"));

  // Markdown conversion: document number line and horizontal rules.
  CHECK(norm("Zorgautoriteit (nza.nl).\n\n\nh tk 20232024 302\n\n\n-----\n\nvan een zogeheten "
             "privacyverklaring\n") ==
        "Zorgautoriteit (nza.nl).\nvan een zogeheten privacyverklaring\n");
  CHECK(norm("eerste deel\n\n-----\n\nVraag 5\n") == "eerste deel\nVraag 5\n");

  // A form feed between pages becomes the line break.
  Text ff = normalise("Antwoord 2\fVraag 3");
  CHECK(ff.text == "Antwoord 2\nVraag 3");
  CHECK(ff.to_src[10] == 10);
  // Artefacts at the start and end of a file leave nothing.
  CHECK(norm("\f\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel 4") == "");
  CHECK(norm("Ja.\n\nISSN 0921 - 7398") == "Ja.\n");
}

TEST_CASE("references and numbers that look like artefacts are kept",
          "[read][normalise][artefact]") {
  for (const char* s : {
           "Bron antwoord https://zoek.officielebekendmakingen.nl/ah-tk-20212022-3019.html\n",
           "ah-tk-20232024-909 is het nummer van deze vragen.\n",
           "Ons kenmerk\nDGBI / 21242813\n\n1\n\nBent u bekend met het bericht?\n\nAntwoord\n\n"
           "Ja.\n\n2\n\nHoe beoordeelt u dat?\n",
           "Zie ook Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 891.\n",
           "Tweede Kamer der Staten-Generaal\n\n2\n\nVergaderjaar 2023–2024\n\nAanhangsel van de "
           "Handelingen\n",
           "### 387\n\nVragen van het lid Sjoerdsma\n",
           "Postbus 20011\n2500 EA 's-Gravenhage\n",
           "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel Handelingen nr. 12\n",
           "- eerste punt\n- tweede punt\n",
       }) {
    CAPTURE(s);
    CHECK(norm(s) == s);
  }
}

TEST_CASE("display collapses whitespace and joins hyphenation", "[read][display]") {
  CHECK(kg::display("  Hind Dekker-\nAbdulaziz \t (D66)\n") == "Hind Dekker-Abdulaziz (D66)");
  CHECK(kg::display("een informatiebeveili- \n gingskader\n\nvoor de ‘overheid’ ") ==
        "een informatiebeveiligingskader voor de 'overheid'");
  CHECK(kg::display(" \n\t ") == "");
  CHECK(kg::display("Yeşilgöz-Zegerius") == "Yeşilgöz-Zegerius");
}

TEST_CASE("the key folds case and diacritics and maps back to text", "[read][normalise]") {
  Text t = normalise("Minister Yeşilgöz-Zegerius (VVD)");
  CHECK(t.key == "minister yesilgoz-zegerius (vvd)");
  const uint32_t k = at(t.key, "zegerius");
  CHECK(t.text.substr(t.key_to_text[k], 8) == "Zegerius");
  CHECK(t.src(t.key_to_text[k]) == at("Minister Yeşilgöz-Zegerius (VVD)", "Zegerius"));
  check_maps("Minister Yeşilgöz-Zegerius (VVD)", t);
}

TEST_CASE("the maps hold on arbitrary input", "[read][normalise]") {
  const std::vector<std::string> pieces = {"a",
                                           "B",
                                           " ",
                                           "-",
                                           "\n",
                                           "\r",
                                           "\f",
                                           "\t",
                                           "é",
                                           "e\xCC\x81",
                                           "\xCC\x81",
                                           "\xFF",
                                           "\xE2\x80",
                                           "’",
                                           "«",
                                           "\xC2\xA0",
                                           "\xC2\xAD",
                                           "\xEF\xBB\xBF",
                                           "\xEA\xB0\x80\xE1\x86\xA8",
                                           "en",
                                           "zee",
                                           "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel",
                                           " 3",
                                           "ISSN 0921 - 7398",
                                           "ah-tk-20232024-1",
                                           "-----",
                                           "’s-Gravenhage 2024",
                                           "Xiaomi",
                                           "1"};
  std::mt19937 rng(20240307);
  for (int round = 0; round < 2000; ++round) {
    std::string src;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) src += pieces[rng() % pieces.size()];
    CAPTURE(src);
    Text t = normalise(src);
    check_maps(src, t);
    kg::display(src);
  }
}

TEST_CASE("offset maps hold on the sample and corpus documents", "[read][normalise][files]") {
  const std::vector<fs::path> files = real_documents();
  REQUIRE_FALSE(files.empty());
  for (const fs::path& file : files) {
    CAPTURE(file.filename().string());
    const std::string src = slurp(file);
    Text t = normalise(src);
    check_maps(src, t);
    CHECK(t.text.find('\f') == std::string::npos);
    CHECK(t.text.find("ISSN 0921") == std::string::npos);
    CHECK(t.text.find(", Aanhangsel") == std::string::npos);
    CHECK(t.text.find("\n-----\n") == std::string::npos);
    CHECK(normalise(t.text).text == t.text);  // idempotent: display() runs on text again
    // Every line of text maps back to source bytes with the same letters; across a page break
    // the source has more (the removed artefacts), so there the letters must appear in order.
    size_t b = 0;
    while (b < t.text.size()) {
      size_t e = t.text.find('\n', b);
      if (e == std::string::npos) e = t.text.size();
      std::string_view line = std::string_view(t.text).substr(b, e - b);
      std::string_view orig = std::string_view(src).substr(t.to_src[b], t.to_src[e] - t.to_src[b]);
      const std::string lt = letters(line), ls = letters(orig);
      if (ls != lt) {
        INFO("line: " << line);
        CHECK((orig.find('\f') != std::string_view::npos ||
               orig.find("Aanhangsel") != std::string_view::npos));
        CHECK(is_subsequence(lt, ls));
      }
      b = e + 1;
    }
  }
}
