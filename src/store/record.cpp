#include "store/record.h"

#include <cstdint>

namespace kg {
namespace {

constexpr char kVersion = 1;

void put_field(std::string& out, std::string_view field) {
  const auto n = static_cast<uint32_t>(field.size());
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((n >> shift) & 0xff));
  out.append(field);
}

// Reads one field at `pos` and advances it; false when the bytes end early.
bool get_field(std::string_view in, size_t& pos, std::string& field) {
  if (in.size() - pos < 4) return false;
  uint32_t n = 0;
  for (int i = 0; i < 4; ++i)
    n |= static_cast<uint32_t>(static_cast<uint8_t>(in[pos + i])) << (8 * i);
  pos += 4;
  if (in.size() - pos < n) return false;
  field.assign(in.substr(pos, n));
  pos += n;
  return true;
}

}  // namespace

std::string encode_record(const DocumentRecord& r) {
  std::string out(1, kVersion);
  out.reserve(1 + 16 + r.doc_id.size() + r.sha256.size() + r.source.size() + r.rules_hash.size());
  for (const std::string* f : {&r.doc_id, &r.sha256, &r.source, &r.rules_hash}) put_field(out, *f);
  return out;
}

Result<DocumentRecord> decode_record(std::string_view bytes) {
  if (bytes.empty() || bytes[0] != kVersion) {
    return Status::Storage("document record has an unknown format");
  }
  DocumentRecord r;
  size_t pos = 1;
  for (std::string* f : {&r.doc_id, &r.sha256, &r.source, &r.rules_hash}) {
    if (!get_field(bytes, pos, *f)) return Status::Storage("document record is truncated");
  }
  if (pos != bytes.size()) return Status::Storage("document record has trailing bytes");
  return r;
}

}  // namespace kg
