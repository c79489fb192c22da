// Fuzz target: the reader (decode_document: UTF-8, UTF-16, Windows-1252, binary checks),
// normalise and segment on arbitrary bytes. Checks that the decoded text is UTF-8, that
// its offsets map back into the raw bytes in order, and that every offset map and every
// segment range stays inside its text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "read/normalise.h"
#include "read/source.h"
#include "segment/segment.h"

namespace {

void check_range(kg::Range r, size_t size) {
  FUZZ_CHECK(r.begin <= size && r.end <= size, "segment range inside the text");
}

// Every character of the decoded text comes from a raw slice of the expected shape:
// the same bytes when copied, one byte (Windows-1252) or a UTF-16 unit pair otherwise.
void check_decoding(const kg::SourceFile& f, std::string_view raw) {
  FUZZ_CHECK(kg::find_invalid_utf8(f.bytes) == std::string_view::npos, "decoded text is UTF-8");
  FUZZ_CHECK(kg::original_offset(f, static_cast<uint32_t>(f.bytes.size())) == raw.size(),
             "the end of the text maps to the end of the raw bytes");
  if (f.runs.empty()) {
    FUZZ_CHECK(f.bytes == raw, "untranscoded text is the raw file");
    return;
  }
  uint32_t prev = 0;
  for (size_t i = 0; i < f.bytes.size();) {
    size_t next = i;
    kg::decode_utf8(f.bytes, next);
    const uint32_t b = kg::original_offset(f, static_cast<uint32_t>(i));
    const uint32_t e = kg::original_offset(f, static_cast<uint32_t>(next));
    FUZZ_CHECK(b >= prev && b < e && e <= raw.size(), "characters map to raw slices in order");
    const size_t len = e - b;
    if (f.encoding == "Windows-1252") {
      FUZZ_CHECK(len == next - i ? raw.substr(b, len) == f.bytes.substr(i, len)
                                 : len == 1 && static_cast<unsigned char>(raw[b]) >= 0x80,
                 "a character is copied UTF-8 or one Windows-1252 byte");
    } else {
      FUZZ_CHECK(len == 2 || len == 4 || (len == 1 && e == raw.size()),
                 "a character is one or two UTF-16 units");
    }
    prev = b;
    i = next;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  auto source = kg::decode_document("fuzz.txt", std::string(raw));
  if (!source.ok()) return 0;
  check_decoding(*source, raw);

  const kg::Text text = kg::normalise(source->bytes);
  FUZZ_CHECK(text.to_src.size() == text.text.size() + 1, "to_src has an entry per byte + 1");
  FUZZ_CHECK(text.key_to_text.size() == text.key.size() + 1, "key_to_text size");
  FUZZ_CHECK(text.to_src.back() == source->bytes.size(), "to_src ends at the source's end");
  for (size_t i = 0; i + 1 < text.to_src.size(); ++i) {
    FUZZ_CHECK(text.to_src[i] <= text.to_src[i + 1], "to_src is in order");
  }
  for (uint32_t o : text.key_to_text) FUZZ_CHECK(o <= text.text.size(), "key_to_text inside text");

  const kg::Segmentation seg = kg::segment(text);
  const size_t n = text.text.size();
  check_range(seg.header, n);
  check_range(seg.trailer, n);
  for (const auto* blocks : {&seg.questions, &seg.answers}) {
    for (const kg::Block& b : *blocks) {
      FUZZ_CHECK(!b.numbers.empty(), "a block has a number");
      check_range(b.heading, n);
      check_range(b.body, n);
      for (kg::Range r : b.parts) check_range(r, n);
    }
  }
  for (const kg::Footnote& f : seg.footnotes) {
    check_range(f.text, n);
    for (const kg::FootnoteRef& r : f.refs) FUZZ_CHECK(r.at <= n, "footnote ref inside text");
  }
  for (const kg::Notice& x : seg.notices) {
    check_range(x.heading, n);
    check_range(x.body, n);
  }
  for (kg::Range r : seg.paragraphs) check_range(r, n);
  return 0;
}
