#include "store/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>

namespace kg {
namespace {

std::string errno_text() { return std::strerror(errno); }

// The pid written by the current holder, or "" if it has not written it yet (it takes
// the lock first and writes the pid right after) or has just cleared it on release.
std::string holder_pid(const std::filesystem::path& file) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return "";
    char buf[32];
    ssize_t n = ::pread(fd, buf, sizeof buf, 0);
    ::close(fd);
    std::string pid;
    for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; ++i) pid.push_back(buf[i]);
    if (!pid.empty()) return pid;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return "";
}

}  // namespace

Result<std::unique_ptr<WriterLock>> WriterLock::acquire(const std::filesystem::path& dir) {
  const std::filesystem::path file = dir / kFileName;
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::Storage(dir.string() + ": cannot open " + kFileName + ": " + errno_text());
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err != EWOULDBLOCK) {
      return Status::Storage(dir.string() + ": cannot lock " + kFileName + ": " +
                             std::strerror(err));
    }
    const std::string pid = holder_pid(file);
    return Status::Storage(dir.string() + ": store is in use by " +
                           (pid.empty() ? std::string("another process") : "process " + pid));
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 ||
      ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    const std::string why = errno_text();
    ::close(fd);
    return Status::Storage(dir.string() + ": cannot write " + kFileName + ": " + why);
  }
  return std::unique_ptr<WriterLock>(new WriterLock(fd));
}

WriterLock::~WriterLock() {
  // Best effort: a stale pid in an unlocked file is harmless, since only flock decides.
  (void)::ftruncate(fd_, 0);
  ::close(fd_);
}

}  // namespace kg
