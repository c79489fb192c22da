// Small helpers shared by the benchmark driver's modes: a wall clock, CPU and memory
// readings from /proc, and the list of documents under the paths given.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace kg::bench {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

// Accumulates the wall time of the scopes it guards.
class Accumulate {
 public:
  explicit Accumulate(double& total) : total_(total) {}
  ~Accumulate() { total_ += watch_.seconds(); }
  Accumulate(const Accumulate&) = delete;
  Accumulate& operator=(const Accumulate&) = delete;

 private:
  double& total_;
  Stopwatch watch_;
};

// Peak resident set size of this process in KiB (VmHWM).
uint64_t peak_rss_kib();
// Current resident set size in KiB (VmRSS).
uint64_t rss_kib();
// Resets the peak to the current RSS (Linux >= 4.0); false if the kernel refused.
bool reset_peak_rss();

// CPU seconds (user + system) of this process's threads whose name starts with `prefix`
// (e.g. "rocksdb:"), for threads alive now.
double thread_cpu_seconds(const std::string& prefix);
// CPU seconds of the whole process so far.
double process_cpu_seconds();

// Regular files under the paths (folders walked recursively, hidden entries skipped),
// sorted: the same order `kamergraph ingest` uses.
std::vector<std::string> list_documents(const std::vector<std::string>& paths);

}  // namespace kg::bench
