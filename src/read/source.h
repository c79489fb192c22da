// Reading a document from disk: raw bytes, their sha256, and validation.
#pragma once

#include <filesystem>
#include <string>

#include "common/status.h"

namespace kg {

struct SourceFile {
  std::string path;    // as given by the user (used for messages and the `source` attribute)
  std::string bytes;   // the raw file; all offsets in the graph refer to these bytes
  std::string sha256;  // lowercase hex of the raw bytes
};

// Reads the file and checks it is a text document kamergraph can take.
// Fails with Code::kInput and a message naming the file and the reason:
//   "<path>: empty file", "<path>: binary file (NUL byte at offset N)",
//   "<path>:<line>:<col>: invalid UTF-8 (byte 0xNN)", "<path>: cannot read: <errno text>".
// A UTF-8 byte-order mark is accepted (offsets still count it).
Result<SourceFile> read_source(const std::filesystem::path& path);

// Lowercase hex sha256 of the bytes.
std::string sha256_hex(std::string_view bytes);

// Offset of the first invalid UTF-8 sequence, or npos if the bytes are valid UTF-8.
size_t find_invalid_utf8(std::string_view bytes);

}  // namespace kg
