#include "cli/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace kg::cli {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS")) {
    long n = std::strtol(columns, nullptr, 10);
    if (n > 40) return static_cast<size_t>(n);
  }
  winsize w{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 40) {
    return w.ws_col;
  }
  return 0;
}

size_t chars(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return !continuation(c); }));
}

std::string cut(const std::string& s, size_t width) {
  if (chars(s) <= width) return s;
  size_t n = 0, i = 0;
  for (; i < s.size() && n + 1 < width; ++i) n += !continuation(s[i]);
  while (i < s.size() && continuation(s[i])) ++i;
  return s.substr(0, i) + "…";
}

std::string pad(const std::string& s, size_t width) {
  std::string c = cut(s, width);
  return c + std::string(width - chars(c) + 2, ' ');
}

}  // namespace kg::cli
