// Reading a document: the whole file in one buffer, validated (and for ingest decoded)
// before anything else sees it.
#include "read/source.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <utility>

namespace kg {
namespace {

// Offsets in Text are uint32_t, so a document must stay below 4 GiB.
constexpr uint64_t kMaxFileSize = std::numeric_limits<uint32_t>::max() - 1;

Status cannot_read(const std::string& path, int err) {
  return Status::Input(path + ": cannot read: " + std::strerror(err));
}

Status too_large(const std::string& path, uint64_t size) {
  return Status::Input(path + ": too large (" + std::to_string(size >> 20) +
                       " MiB; documents are limited to " + std::to_string(kMaxDocumentBytes >> 20) +
                       " MiB)");
}

// Reads the whole file, at most `max` bytes; on failure returns the errno value (EFBIG
// for a longer file).
int read_all(const std::filesystem::path& path, std::string& out, uint64_t max) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return err;
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return EISDIR;
  }
  if (S_ISREG(st.st_mode)) {
    if (static_cast<uint64_t>(st.st_size) > max) {
      ::close(fd);
      return EFBIG;
    }
    out.reserve(static_cast<size_t>(st.st_size));
  }
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return err;
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > max) {  // pipes and special files have no size up front
      ::close(fd);
      return EFBIG;
    }
  }
  ::close(fd);
  return 0;
}

// Length of the valid UTF-8 sequence at s[i], or 0 (overlong forms, surrogates and code points
// above U+10FFFF are invalid).
size_t valid_sequence(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    if (c == 0xF0 && b(i + 1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// "<line>:<col>" (1-based, column in bytes) of a byte offset.
std::string line_col(std::string_view bytes, size_t at) {
  std::string_view before = bytes.substr(0, at);
  size_t line = 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  size_t line_start = before.rfind('\n');
  size_t col = at - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return std::to_string(line) + ":" + std::to_string(col);
}

std::string hex_byte(char c) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(c));
  return hex;
}

// C0 controls that text files do not contain: all but tab, line and page breaks and ESC.
bool stray_control(uint32_t c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1B;
}

// Windows-1252 0x80..0x9F; the five bytes it leaves undefined map to the C1 controls of
// the same value, as the WHATWG Encoding Standard does.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Builds the UTF-8 form of a document and its OffsetRuns. Invariant: the last run ends
// where the text ends, so a character whose units equal the last run's extends it.
class Transcoder {
 public:
  explicit Transcoder(size_t reserve) { text_.reserve(reserve); }

  // A code point that took raw_len bytes at raw offset raw_at.
  void add(char32_t cp, size_t raw_at, uint8_t raw_len) {
    const size_t at = text_.size();
    append_utf8(cp, text_);
    note(at, raw_at, static_cast<uint8_t>(text_.size() - at), raw_len);
  }
  // Bytes that are already UTF-8: one text byte per raw byte.
  void copy(std::string_view utf8, size_t raw_at) {
    note(text_.size(), raw_at, 1, 1);
    text_.append(utf8);
  }
  // Ends the runs at the end of the text and hands them over.
  std::pair<std::string, std::vector<OffsetRun>> finish(size_t raw_size) {
    runs_.push_back({static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(raw_size), 1, 1});
    return {std::move(text_), std::move(runs_)};
  }
  size_t size() const { return text_.size(); }

 private:
  void note(size_t at, size_t raw_at, uint8_t text_unit, uint8_t raw_unit) {
    if (!runs_.empty() && runs_.back().text_unit == text_unit && runs_.back().raw_unit == raw_unit)
      return;
    runs_.push_back(
        {static_cast<uint32_t>(at), static_cast<uint32_t>(raw_at), text_unit, raw_unit});
  }
  std::string text_;
  std::vector<OffsetRun> runs_;
};

Status binary(const std::string& path, const std::string& why) {
  return Status::Input(path + ": binary file (" + why + ")");
}

// UTF-16 text without a byte-order mark has NULs in every other byte.
std::string utf16_hint(std::string_view raw) {
  size_t n = std::min<size_t>(raw.size(), 1 << 16) & ~size_t{1}, even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += raw[i] == '\0';
    odd += raw[i + 1] == '\0';
  }
  const size_t pairs = n / 2;
  if (pairs == 0) return "";
  if (odd * 2 >= pairs && even * 16 < pairs)
    return "; it looks like UTF-16LE without a byte-order mark";
  if (even * 2 >= pairs && odd * 16 < pairs)
    return "; it looks like UTF-16BE without a byte-order mark";
  return "";
}

// Transcodes UTF-16 after its byte-order mark (which becomes a UTF-8 BOM, so that
// normalise drops it and offset 0 still maps to 0).
Status decode_utf16(SourceFile& f, std::string_view raw, bool le) {
  Transcoder t(raw.size());
  auto unit = [&](size_t i) -> char32_t {
    auto a = static_cast<unsigned char>(raw[i]), b = static_cast<unsigned char>(raw[i + 1]);
    return le ? (a | b << 8) : (a << 8 | b);
  };
  size_t repaired = 0, first_repair = 0, controls = 0;
  auto repair = [&](size_t at) {
    if (repaired++ == 0) first_repair = at;
    return char32_t{0xFFFD};
  };
  size_t i = 0;
  for (; i + 1 < raw.size(); i += 2) {
    char32_t u = unit(i);
    if (u == 0) return binary(f.path, "NUL character at offset " + std::to_string(i));
    controls += stray_control(u);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < raw.size()) {
      char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        t.add(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), i, 4);
        i += 2;
        continue;
      }
    }
    t.add(u >= 0xD800 && u <= 0xDFFF ? repair(i) : u, i, 2);
  }
  if (i < raw.size()) t.add(repair(i), i, 1);  // an odd last byte
  if (controls * 32 > raw.size() / 2) {
    return binary(f.path, std::to_string(controls) + " control characters");
  }
  if (t.size() > kMaxFileSize) return cannot_read(f.path, EFBIG);
  std::tie(f.bytes, f.runs) = t.finish(raw.size());
  f.encoding = le ? "UTF-16LE" : "UTF-16BE";
  if (repaired > 0) {
    f.warning = f.path + ": " + f.encoding + ": " + std::to_string(repaired) +
                " invalid code unit(s) replaced by U+FFFD (the first at byte offset " +
                std::to_string(first_repair) + ")";
  }
  return Status::Ok();
}

// Valid UTF-8 is copied; every other byte is read as Windows-1252.
Status decode_mixed(SourceFile& f, std::string_view raw, size_t first_bad) {
  Transcoder t(raw.size() + raw.size() / 8);
  size_t decoded = 0;
  for (size_t i = 0, bad = first_bad; i < raw.size();) {
    if (bad > i) t.copy(raw.substr(i, bad - i), i);
    if (bad >= raw.size()) break;
    const auto c = static_cast<unsigned char>(raw[bad]);  // >= 0x80: ASCII is always valid
    t.add(c < 0xA0 ? kCp1252High[c - 0x80] : c, bad, 1);
    ++decoded;
    i = bad + 1;
    size_t next = find_invalid_utf8(raw.substr(i));
    bad = next == std::string_view::npos ? raw.size() : i + next;
  }
  if (t.size() > kMaxFileSize) return cannot_read(f.path, EFBIG);
  std::tie(f.bytes, f.runs) = t.finish(raw.size());
  f.encoding = "Windows-1252";
  f.warning = f.path + ": not UTF-8: " + std::to_string(decoded) +
              " byte(s) read as Windows-1252 (the first at " + line_col(raw, first_bad) +
              ", byte " + hex_byte(raw[first_bad]) + ")";
  return Status::Ok();
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * len, '0');
  for (unsigned int i = 0; i < len; ++i) {
    out[2 * i] = kHex[md[i] >> 4];
    out[2 * i + 1] = kHex[md[i] & 0xF];
  }
  return out;
}

size_t find_invalid_utf8(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    // ASCII fast path, eight bytes at a time.
    while (i + 8 <= bytes.size()) {
      uint64_t word;
      std::memcpy(&word, bytes.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= bytes.size()) break;
    size_t n = valid_sequence(bytes, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

Result<SourceFile> read_source(const std::filesystem::path& path) {
  SourceFile f;
  f.path = path.string();
  if (int err = read_all(path, f.bytes, kMaxFileSize); err != 0) return cannot_read(f.path, err);
  if (f.bytes.empty()) return Status::Input(f.path + ": empty file");
  if (const void* nul = std::memchr(f.bytes.data(), '\0', f.bytes.size())) {
    size_t offset = static_cast<size_t>(static_cast<const char*>(nul) - f.bytes.data());
    return binary(f.path, "NUL byte at offset " + std::to_string(offset));
  }
  if (size_t bad = find_invalid_utf8(f.bytes); bad != std::string_view::npos) {
    return Status::Input(f.path + ":" + line_col(f.bytes, bad) + ": invalid UTF-8 (byte " +
                         hex_byte(f.bytes[bad]) + ")");
  }
  f.sha256 = sha256_hex(f.bytes);
  return f;
}

Result<SourceFile> read_document(const std::filesystem::path& path) {
  std::string raw;
  if (int err = read_all(path, raw, kMaxDocumentBytes); err != 0) {
    std::error_code ec;
    const uint64_t size = std::filesystem::file_size(path, ec);
    if (err == EFBIG) return too_large(path.string(), ec ? raw.size() : size);
    return cannot_read(path.string(), err);
  }
  return decode_document(path.string(), std::move(raw));
}

Result<SourceFile> decode_document(std::string path, std::string raw) {
  SourceFile f;
  f.path = std::move(path);
  if (raw.empty()) return Status::Input(f.path + ": empty file");
  if (raw.size() > kMaxDocumentBytes) return too_large(f.path, raw.size());
  f.sha256 = sha256_hex(raw);
  const std::string_view bom = std::string_view(raw).substr(0, 2);
  if (bom == "\xFF\xFE" || bom == "\xFE\xFF") {
    if (Status st = decode_utf16(f, raw, bom == "\xFF\xFE"); !st.ok()) return st;
    return f;
  }
  if (const void* nul = std::memchr(raw.data(), '\0', raw.size())) {
    size_t offset = static_cast<size_t>(static_cast<const char*>(nul) - raw.data());
    return binary(f.path, "NUL byte at offset " + std::to_string(offset) + utf16_hint(raw));
  }
  size_t controls = 0;
  for (char c : raw) controls += stray_control(static_cast<unsigned char>(c));
  if (controls * 32 > raw.size()) {
    return binary(f.path, std::to_string(controls) + " control characters in " +
                              std::to_string(raw.size()) + " bytes");
  }
  if (size_t bad = find_invalid_utf8(raw); bad != std::string_view::npos) {
    if (Status st = decode_mixed(f, raw, bad); !st.ok()) return st;
    return f;
  }
  f.bytes = std::move(raw);
  return f;
}

uint32_t original_offset(const SourceFile& source, uint32_t offset) {
  const auto& runs = source.runs;
  if (runs.empty()) return offset;
  auto it = std::upper_bound(runs.begin(), runs.end(), offset,
                             [](uint32_t o, const OffsetRun& r) { return o < r.text; });
  if (it == runs.begin()) return 0;
  const OffsetRun& r = *std::prev(it);
  if (it == runs.end()) return r.raw;  // at or past the end of the text
  return r.raw + (offset - r.text) / r.text_unit * r.raw_unit;
}

}  // namespace kg
