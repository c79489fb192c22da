// Reading a document from disk: raw bytes, their sha256, validation and, for ingest,
// best-effort decoding of files that are not UTF-8 (docs/robustness.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace kg {

// A stretch of a transcoded document in which every character takes `text_unit` bytes
// in SourceFile::bytes and `raw_unit` bytes in the raw file.
struct OffsetRun {
  uint32_t text = 0;  // offset in SourceFile::bytes where the run starts
  uint32_t raw = 0;   // offset in the raw file where the run starts
  uint8_t text_unit = 1;
  uint8_t raw_unit = 1;
};

struct SourceFile {
  std::string path;  // as given by the user (used for messages and the `source` attribute)
  // The document as UTF-8. From read_source, and from read_document when the file is
  // UTF-8, these are the raw file's bytes. When read_document transcoded the file, they
  // are its UTF-8 form and `runs` maps offsets back: offsets in the graph always refer to
  // the raw file (original_offset()).
  std::string bytes;
  std::string sha256;  // lowercase hex of the raw file's bytes
  // Empty when `bytes` are the raw file; otherwise sorted by `text`, ending with a run
  // at bytes.size().
  std::vector<OffsetRun> runs;
  std::string encoding = "UTF-8";  // of the raw file: UTF-8, UTF-16LE, UTF-16BE, Windows-1252
  // Set when decoding had to guess or repair, for the user: "<path>: not UTF-8: ...".
  std::string warning;
};

// The largest document read_document takes. Extraction needs some tens of bytes of memory
// per byte of text, so that a larger file could exhaust memory and end the whole run.
inline constexpr uint64_t kMaxDocumentBytes = uint64_t{64} << 20;

// Reads the file and checks it is a text document kamergraph can take, strictly: the file
// must be UTF-8. Fails with Code::kInput and a message naming the file and the reason:
//   "<path>: empty file", "<path>: binary file (NUL byte at offset N)",
//   "<path>:<line>:<col>: invalid UTF-8 (byte 0xNN)", "<path>: cannot read: <errno text>".
// A UTF-8 byte-order mark is accepted (offsets still count it).
Result<SourceFile> read_source(const std::filesystem::path& path);

// Reads a document for ingest, decoding what can be decoded without losing the offsets
// into the raw file:
//   - UTF-8 (with or without a byte-order mark): as read_source;
//   - UTF-16 with a byte-order mark (LE or BE): transcoded; unpaired surrogates and an odd
//     last byte become U+FFFD (and set `warning`);
//   - otherwise, bytes that are not part of valid UTF-8 are read as Windows-1252 (a
//     superset of Latin-1), one character per byte, and `warning` says how many and where
//     the first was; a Latin-1 file is decoded completely this way.
// Fails with Code::kInput, naming the file, for: an empty file; a binary file (a NUL
// byte or NUL character, or more than 1 in 32 bytes C0 control characters other than
// tab, line and page breaks and escape), with a hint when the NULs look like UTF-16
// without a byte-order mark; a file that cannot be read ("<path>: cannot read: <errno
// text>"); a file larger than kMaxDocumentBytes ("<path>: too large (N MiB; ...)").
Result<SourceFile> read_document(const std::filesystem::path& path);
// The decoding of read_document for bytes already in memory (tests, fuzzing).
Result<SourceFile> decode_document(std::string path, std::string raw);

// The raw-file offset of an offset into source.bytes (the identity when `runs` is empty).
// An offset inside a transcoded character maps to the start of that character.
uint32_t original_offset(const SourceFile& source, uint32_t offset);

// Lowercase hex sha256 of the bytes.
std::string sha256_hex(std::string_view bytes);

// Offset of the first invalid UTF-8 sequence, or npos if the bytes are valid UTF-8.
size_t find_invalid_utf8(std::string_view bytes);

}  // namespace kg
