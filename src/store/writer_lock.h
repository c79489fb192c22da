// The writer lock: DIR/kamergraph.lock, held with an exclusive flock() for the life of a
// writing Store and holding the writer's pid so that a second writer can name it. The
// kernel drops the lock when the holder exits, however it exits, so a crashed writer
// never leaves a stale lock behind.
#pragma once

#include <filesystem>
#include <memory>

#include "common/status.h"

namespace kg {

class WriterLock {
 public:
  static constexpr const char* kFileName = "kamergraph.lock";

  // Takes the lock on dir/kamergraph.lock (created if missing; `dir` must exist). Fails
  // with Code::kStorage "<dir>: store is in use by process N" if another holder has it.
  static Result<std::unique_ptr<WriterLock>> acquire(const std::filesystem::path& dir);
  // Clears the pid and releases the lock.
  ~WriterLock();

  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace kg
