// Reading a document: the whole file in one buffer, validated before anything else sees it.
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

namespace kg {
namespace {

// Offsets in Text are uint32_t, so a document must stay below 4 GiB.
constexpr uint64_t kMaxFileSize = std::numeric_limits<uint32_t>::max() - 1;

Status cannot_read(const std::string& path, int err) {
  return Status::Input(path + ": cannot read: " + std::strerror(err));
}

// Reads the whole file; on failure returns the errno value.
int read_all(const std::filesystem::path& path, std::string& out) {
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
    if (static_cast<uint64_t>(st.st_size) > kMaxFileSize) {
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
    if (out.size() > kMaxFileSize) {  // pipes and special files have no size up front
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
  if (int err = read_all(path, f.bytes); err != 0) return cannot_read(f.path, err);
  if (f.bytes.empty()) return Status::Input(f.path + ": empty file");
  if (const void* nul = std::memchr(f.bytes.data(), '\0', f.bytes.size())) {
    size_t offset = static_cast<size_t>(static_cast<const char*>(nul) - f.bytes.data());
    return Status::Input(f.path + ": binary file (NUL byte at offset " + std::to_string(offset) +
                         ")");
  }
  if (size_t bad = find_invalid_utf8(f.bytes); bad != std::string_view::npos) {
    // 1-based line and byte column of the offending byte.
    std::string_view before(f.bytes.data(), bad);
    size_t line = 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
    size_t line_start = before.rfind('\n');
    size_t col = bad - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(f.bytes[bad]));
    return Status::Input(f.path + ":" + std::to_string(line) + ":" + std::to_string(col) +
                         ": invalid UTF-8 (byte " + hex + ")");
  }
  f.sha256 = sha256_hex(f.bytes);
  return f;
}

}  // namespace kg
