#include "cli/ingest_walk.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <set>
#include <utility>

namespace kg::cli {
namespace {

namespace fs = std::filesystem;

// Documents are known by their absolute path, so that `show` finds the source again
// from any working directory and a re-run from elsewhere recognises the same files.
std::string absolute_path(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs.lexically_normal()).string();
}

const char* kind_name(mode_t mode) {
  if (S_ISFIFO(mode)) return "a named pipe, not a file";
  if (S_ISSOCK(mode)) return "a socket, not a file";
  return "a device, not a file";
}

using Identity = std::pair<dev_t, ino_t>;

class Walker {
 public:
  Walker(const fs::path& store, size_t& skipped) : skipped_(skipped) {
    struct stat st {};
    if (::stat(store.c_str(), &st) == 0) seen_.insert({st.st_dev, st.st_ino});
  }

  void argument(const std::string& arg) {
    struct stat st {};
    if (::stat(arg.c_str(), &st) != 0) {
      skip(arg, errno == ENOENT ? "no such file or folder" : std::strerror(errno));
    } else if (!S_ISDIR(st.st_mode)) {
      files_.push_back({absolute_path(arg), static_cast<uint64_t>(st.st_size)});
    } else if (seen_.insert({st.st_dev, st.st_ino}).second) {
      walk(arg);
    }
  }

  std::vector<WalkedFile> take() {
    auto by_path = [](const WalkedFile& a, const WalkedFile& b) { return a.path < b.path; };
    auto same = [](const WalkedFile& a, const WalkedFile& b) { return a.path == b.path; };
    std::sort(files_.begin(), files_.end(), by_path);
    files_.erase(std::unique(files_.begin(), files_.end(), same), files_.end());
    return std::move(files_);
  }

 private:
  void skip(const fs::path& path, const std::string& why) {
    std::cerr << "skipped: " << absolute_path(path) << ": " << why << "\n";
    ++skipped_;
  }

  // Depth-first with an explicit stack, so that a deep tree cannot overflow the call stack.
  void walk(const fs::path& root) {
    std::vector<fs::path> stack{root};
    while (!stack.empty()) {
      fs::path dir = std::move(stack.back());
      stack.pop_back();
      std::error_code ec;
      fs::directory_iterator it(dir, ec);
      if (ec) skip(dir, "cannot list folder: " + ec.message());
      for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entry(it->path(), stack);
      if (ec && it != fs::directory_iterator()) {
        skip(dir, "cannot list the rest of the folder: " + ec.message());
      }
    }
  }

  void entry(const fs::path& p, std::vector<fs::path>& stack) {
    const std::string name = p.filename().string();
    if (name.size() > 1 && name[0] == '.') return;
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) return skip(p, std::strerror(errno));
    if (S_ISLNK(st.st_mode)) {
      if (::stat(p.c_str(), &st) != 0) {
        return skip(p, std::string("broken symbolic link (") + std::strerror(errno) + ")");
      }
      if (S_ISDIR(st.st_mode)) {
        return skip(p, "symbolic link to a folder, not followed (name that folder to ingest it)");
      }
    }
    if (S_ISDIR(st.st_mode)) {
      if (seen_.insert({st.st_dev, st.st_ino}).second) stack.push_back(p);
    } else if (S_ISREG(st.st_mode)) {
      files_.push_back({absolute_path(p), static_cast<uint64_t>(st.st_size)});
    } else {
      skip(p, kind_name(st.st_mode));
    }
  }

  size_t& skipped_;
  std::vector<WalkedFile> files_;
  std::set<Identity> seen_;  // folders walked or queued, and the store
};

}  // namespace

std::vector<WalkedFile> walk_inputs(const std::vector<std::string>& args, const fs::path& store,
                                    size_t& skipped) {
  Walker walker(store, skipped);
  for (const std::string& arg : args) walker.argument(arg);
  return walker.take();
}

}  // namespace kg::cli
