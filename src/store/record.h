// DocumentRecord <-> the bytes stored under doc/<id>.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "store/store.h"

namespace kg {

// Byte-exact (paths need not be UTF-8): a version byte, then doc_id, sha256, source and
// rules_hash, each as a 4-byte little-endian length followed by the bytes.
std::string encode_record(const DocumentRecord& r);
// Fails with Code::kStorage on truncated or unknown-version bytes.
Result<DocumentRecord> decode_record(std::string_view bytes);

}  // namespace kg
