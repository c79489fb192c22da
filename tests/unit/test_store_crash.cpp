// Store creation interrupted by a kill, and the writer's LOG (docs/robustness.md).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "store/store.h"

namespace fs = std::filesystem;
using kg::Store;

namespace {

class ScratchDir {
 public:
  ScratchDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("kg-test-store-crash-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_file(const fs::path& p, const std::string& content) {
  std::ofstream(p, std::ios::binary) << content;
}

kg::Fragment one_node(const std::string& doc) {
  kg::Fragment f;
  f.doc = doc;
  f.nodes.push_back({doc, "Document", "d", {}, {{doc, 0, 1, "read"}}});
  return f;
}

// A writer opens the store and stores one document; a reader then finds exactly it.
void usable(const fs::path& dir) {
  {
    auto w = Store::open(dir, Store::Mode::kWrite);
    INFO(w.status().message());
    REQUIRE(w.ok());
    REQUIRE((*w)->put({"doc:1", "sha", "/x.txt", "rules"}, one_node("doc:1")).ok());
  }
  auto r = Store::open(dir, Store::Mode::kRead);
  REQUIRE(r.ok());
  CHECK((*r)->documents().size() == 1);
}

}  // namespace

TEST_CASE("what an interrupted store creation leaves is no obstacle", "[store][crash]") {
  // The files RocksDB writes before CURRENT exists, in the order it writes them.
  const std::vector<std::pair<std::string, std::string>> steps = {
      {"kamergraph.lock", "4242\n"},
      {"LOG", "RocksDB version: 7.8.3\n"},
      {"LOCK", ""},
      {"000000.dbtmp", "ident"},
      {"IDENTITY", "ident\n"},
      {"MANIFEST-000001", "\x01\x02"},
      {"000001.dbtmp", "MANIFEST-000001\n"}};
  for (size_t n = 1; n <= steps.size(); ++n) {
    DYNAMIC_SECTION("killed after " << steps[n - 1].first) {
      ScratchDir dir;
      fs::create_directories(dir.path());
      for (size_t i = 0; i < n; ++i) write_file(dir.path() / steps[i].first, steps[i].second);
      auto reader = Store::open(dir.path(), Store::Mode::kRead);
      REQUIRE_FALSE(reader.ok());
      CHECK_THAT(reader.status().message(), Catch::Contains("no kamergraph store here"));
      usable(dir.path());
    }
  }
}

TEST_CASE("a folder with other files besides creation leftovers is still refused",
          "[store][crash]") {
  ScratchDir dir;
  fs::create_directories(dir.path());
  write_file(dir.path() / "LOG", "x");
  write_file(dir.path() / "notes.txt", "mine");
  auto w = Store::open(dir.path(), Store::Mode::kWrite);
  REQUIRE_FALSE(w.ok());
  CHECK_THAT(w.status().message(), Catch::Contains("not a kamergraph store and not empty"));
  CHECK(fs::exists(dir.path() / "notes.txt"));
}

// Forks a writer that creates the store and stores a document; returns its pid.
pid_t fork_writer(const fs::path& dir) {
  pid_t child = ::fork();
  if (child == 0) {
    auto s = Store::open(dir, Store::Mode::kWrite);
    if (s.ok()) (void)(*s)->put({"doc:0", "sha0", "/0.txt", "rules"}, one_node("doc:0"));
    ::_exit(0);
  }
  return child;
}

TEST_CASE("a writer killed at any moment of creating the store leaves one a writer can use",
          "[store][crash]") {
  // Kills are spread over the time an undisturbed creation takes.
  auto t0 = std::chrono::steady_clock::now();
  {
    ScratchDir dir;
    pid_t child = fork_writer(dir.path());
    REQUIRE(child > 0);
    ::waitpid(child, nullptr, 0);
  }
  const auto span =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0);
  std::mt19937 rng(7);
  std::uniform_int_distribution<int64_t> delay(0, span.count());
  int interrupted = 0;
  for (int round = 0; round < 25; ++round) {
    ScratchDir dir;
    pid_t child = fork_writer(dir.path());
    REQUIRE(child > 0);
    std::this_thread::sleep_for(std::chrono::microseconds(delay(rng)));
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    interrupted += fs::exists(dir.path()) && !fs::exists(dir.path() / "CURRENT");
    INFO("round " << round);
    auto w = Store::open(dir.path(), Store::Mode::kWrite);
    INFO(w.status().message());
    REQUIRE(w.ok());
  }
  WARN(interrupted << " of 25 kills interrupted the creation before RocksDB's CURRENT existed");
}

TEST_CASE("the writer keeps RocksDB's log as LOG and the previous one as LOG.old", "[store]") {
  ScratchDir dir;
  { REQUIRE(Store::open(dir.path(), Store::Mode::kWrite).ok()); }
  REQUIRE(fs::file_size(dir.path() / "LOG") > 0);
  { REQUIRE(Store::open(dir.path(), Store::Mode::kWrite).ok()); }
  CHECK(fs::file_size(dir.path() / "LOG") > 0);
  CHECK(fs::file_size(dir.path() / "LOG.old") > 0);
  { REQUIRE(Store::open(dir.path(), Store::Mode::kRead).ok()); }  // readers write no log
}
