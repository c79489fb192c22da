// Tests of read_document / decode_document: what ingest does with files that are not clean
// UTF-8, and that offsets still lead back to the raw file's bytes.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "read/source.h"

namespace fs = std::filesystem;
using kg::decode_document;
using kg::original_offset;

namespace {

std::string utf16le(std::u16string_view s, bool bom = true) {
  std::string out = bom ? "\xFF\xFE" : "";
  for (char16_t c : s) {
    out.push_back(static_cast<char>(c & 0xFF));
    out.push_back(static_cast<char>(c >> 8));
  }
  return out;
}

std::string utf16be(std::u16string_view s) {
  std::string out = "\xFE\xFF";
  for (char16_t c : s) {
    out.push_back(static_cast<char>(c >> 8));
    out.push_back(static_cast<char>(c & 0xFF));
  }
  return out;
}

// The raw bytes that the text range [b, e) came from.
std::string raw_of(const kg::SourceFile& f, const std::string& raw, size_t b, size_t e) {
  uint32_t rb = original_offset(f, static_cast<uint32_t>(b));
  uint32_t re = original_offset(f, static_cast<uint32_t>(e));
  return raw.substr(rb, re - rb);
}

std::string failure(std::string raw) {
  auto r = decode_document("doc.txt", std::move(raw));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == kg::Code::kInput);
  return r.status().message();
}

}  // namespace

TEST_CASE("UTF-8 passes through untouched, BOM and all", "[read][decode]") {
  const std::string raw = "\xEF\xBB\xBFVraag 1\nKlopt het dat Curaçao…?\n";
  auto f = decode_document("a.txt", raw);
  REQUIRE(f.ok());
  CHECK(f->bytes == raw);
  CHECK(f->runs.empty());
  CHECK(f->encoding == "UTF-8");
  CHECK(f->warning.empty());
  CHECK(f->sha256 == kg::sha256_hex(raw));
  CHECK(original_offset(*f, 7) == 7);
}

TEST_CASE("Latin-1 is read as Windows-1252, offsets into the raw bytes", "[read][decode]") {
  const std::string raw =
      "Vraag 1\nWat vindt u van Cura\xE7"
      "ao? \x93Goed\x94 \x80 5\n";
  auto f = decode_document("latin1.txt", raw);
  REQUIRE(f.ok());
  CHECK(f->bytes == "Vraag 1\nWat vindt u van Curaçao? “Goed” € 5\n");
  CHECK(f->encoding == "Windows-1252");
  CHECK(f->sha256 == kg::sha256_hex(raw));  // the document is known by its raw bytes
  CHECK(f->warning ==
        "latin1.txt: not UTF-8: 4 byte(s) read as Windows-1252 (the first at 2:21, byte 0xE7)");
  size_t b = f->bytes.find("Curaçao"), e = b + std::string("Curaçao").size();
  CHECK(raw_of(*f, raw, b, e) ==
        "Cura\xE7"
        "ao");
  size_t euro = f->bytes.find("€");
  CHECK(raw_of(*f, raw, euro, euro + 3) == "\x80");
  CHECK(original_offset(*f, static_cast<uint32_t>(f->bytes.size())) == raw.size());
  // an offset inside a transcoded character maps to its start
  CHECK(original_offset(*f, static_cast<uint32_t>(euro + 1)) == raw.find('\x80'));
}

TEST_CASE("broken bytes in UTF-8 are read one by one, the rest stays UTF-8", "[read][decode]") {
  const std::string raw = "Één \xFF twee \xE2\x82 drie ☃";
  auto f = decode_document("mixed.txt", raw);
  REQUIRE(f.ok());
  CHECK(f->bytes == "Één ÿ twee â‚ drie ☃");
  CHECK(f->warning.find("3 byte(s)") != std::string::npos);
  size_t snow = f->bytes.find("☃");
  CHECK(raw_of(*f, raw, snow, snow + 3) == "☃");
  size_t two = f->bytes.find("twee");
  CHECK(raw_of(*f, raw, two, two + 4) == "twee");
}

TEST_CASE("UTF-16 with a byte-order mark is transcoded, both byte orders", "[read][decode]") {
  const std::u16string text = u"Vraag 1\r\nCuraçao – 😀 ok\n";
  for (const std::string& raw : {utf16le(text), utf16be(text)}) {
    auto f = decode_document("u16.txt", raw);
    REQUIRE(f.ok());
    CHECK(f->bytes == "\xEF\xBB\xBFVraag 1\r\nCuraçao – 😀 ok\n");
    CHECK(f->encoding == (raw[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE"));
    CHECK(f->warning.empty());
    CHECK(original_offset(*f, 3) == 2);  // after the BOM
    size_t c = f->bytes.find("Curaçao");
    CHECK(original_offset(*f, static_cast<uint32_t>(c)) == 2 + 2 * 9);
    size_t emoji = f->bytes.find("😀");
    CHECK(raw_of(*f, raw, emoji, emoji + 4).size() == 4);  // a surrogate pair
    CHECK(original_offset(*f, static_cast<uint32_t>(f->bytes.size())) == raw.size());
  }
}

TEST_CASE("broken UTF-16 is repaired with U+FFFD and says so", "[read][decode]") {
  std::string raw = utf16le(u"ab") + std::string("\x00\xD8", 2) + utf16le(u"c", false) + "z";
  auto f = decode_document("bad16.txt", raw);
  REQUIRE(f.ok());
  CHECK(f->bytes ==
        "\xEF\xBB\xBF"
        "ab\uFFFD"
        "c\uFFFD");
  CHECK(f->warning ==
        "bad16.txt: UTF-16LE: 2 invalid code unit(s) replaced by U+FFFD (the first at byte offset "
        "6)");
  CHECK(original_offset(*f, static_cast<uint32_t>(f->bytes.size())) == raw.size());
}

TEST_CASE("what cannot be decoded is refused, naming the reason", "[read][decode]") {
  CHECK(failure("") == "doc.txt: empty file");
  CHECK(failure(std::string("%PDF-\0\x01", 7)) == "doc.txt: binary file (NUL byte at offset 5)");
  CHECK(failure(utf16le(u"Vraag 1 over de AIVD\n", false)) ==
        "doc.txt: binary file (NUL byte at offset 1; it looks like UTF-16LE without a byte-order "
        "mark)");
  CHECK(failure(std::string(100, '\x01') + "tekst") ==
        "doc.txt: binary file (100 control characters in 105 bytes)");
  CHECK(failure(utf16le(std::u16string(u"ab\0c", 4))) ==
        "doc.txt: binary file (NUL character at offset 6)");
  // a few control characters in text are no reason to refuse it
  CHECK(decode_document("doc.txt", "Vraag 1\x07\nTekst\x1B[0m met \x0C pagina's\n").ok());
}

TEST_CASE("read_document refuses files above the size limit without reading them",
          "[read][decode]") {
  fs::path p = fs::temp_directory_path() / ("kg-decode-" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(p, std::ios::binary);
    out << "Vraag 1\n";
  }
  fs::resize_file(p, kg::kMaxDocumentBytes + 1);  // sparse
  auto r = kg::read_document(p);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() ==
        p.string() + ": too large (64 MiB; documents are limited to 64 MiB)");
  fs::resize_file(p, 8);
  auto ok = kg::read_document(p);
  REQUIRE(ok.ok());
  CHECK(ok->bytes == "Vraag 1\n");
  fs::remove(p);
  auto missing = kg::read_document(p);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == p.string() + ": cannot read: No such file or directory");
}
