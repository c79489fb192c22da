// `kamergraph ingest`: read, extract and store documents. Extraction runs on --jobs
// threads over a bounded window of files; the store is written by this thread only,
// one WriteBatch per document, in file order.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/support.h"
#include "read/source.h"
#include "store/store.h"

namespace kg::cli {
namespace {

namespace fs = std::filesystem;

constexpr size_t kWindow = 64;  // files in flight: bounds memory whatever the corpus size

bool hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.';
}

// Documents are known by their absolute path, so that `show` finds the source again
// from any working directory and a re-run from elsewhere recognises the same files.
std::string absolute_path(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs.lexically_normal()).string();
}

// The files named by the arguments, folders walked recursively (symlinked folders are not
// followed, so link loops cannot trap the walk), in sorted order. Unreadable paths are
// reported and counted.
std::vector<std::string> collect(const std::vector<std::string>& args, size_t& skipped) {
  std::vector<std::string> files;
  for (const std::string& arg : args) {
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      std::cerr << arg << ": skipped: no such file or folder\n";
      ++skipped;
    } else if (fs::is_directory(st)) {
      fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (hidden(it->path())) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) files.push_back(absolute_path(it->path()));
      }
      if (ec) {
        std::cerr << arg << ": skipped part of the folder: " << ec.message() << "\n";
        ++skipped;
      }
    } else {
      files.push_back(absolute_path(arg));
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

struct Job {
  std::string path;
  Result<SourceFile> source = Status::Input("not read");
  std::optional<Fragment> fragment;
};

}  // namespace

Status ingest(const Common& common, const IngestOptions& options) {
  auto rules = load_rules(common);
  if (!rules.ok()) return rules.status();
  auto extractor = Extractor::create(*rules);
  if (!extractor.ok()) return extractor.status();
  auto store = Store::open(common.db, Store::Mode::kWrite);
  if (!store.ok()) return store.status();

  size_t skipped = 0, ingested = 0, unchanged = 0, replaced = 0;
  std::vector<std::string> files = collect(options.paths, skipped);
  const std::string& rules_hash = rules->hash();
  bool progress = isatty(STDERR_FILENO);

  for (size_t base = 0; base < files.size(); base += kWindow) {
    size_t n = std::min(kWindow, files.size() - base);
    std::vector<Job> jobs(n);
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next++) < n;) {
        Job& job = jobs[i];
        job.path = files[base + i];
        job.source = read_source(job.path);
        if (!job.source.ok()) continue;
        auto known = (*store)->find_by_sha(job.source->sha256);
        if (known && known->rules_hash == rules_hash) continue;  // unchanged: no work
        job.fragment = (*extractor)->extract(*job.source);
      }
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < options.jobs; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();

    for (Job& job : jobs) {
      if (!job.source.ok()) {
        std::cerr << "skipped: " << job.source.status().message() << "\n";
        ++skipped;
        continue;
      }
      if (!job.fragment) {
        ++unchanged;
        continue;
      }
      DocumentRecord record{job.fragment->doc, job.source->sha256, job.path, rules_hash};
      std::optional<std::string> replaces;
      if (auto old = (*store)->find_by_source(job.path); old && old->doc_id != record.doc_id) {
        replaces = old->doc_id;
        ++replaced;
      }
      Status s = (*store)->put(record, *job.fragment, replaces);
      if (!s.ok()) return s;  // storage errors stop the run; what is stored stays whole
      ++ingested;
    }
    if (progress) {
      std::cerr << "\r" << std::min(base + n, files.size()) << "/" << files.size() << " files"
                << std::flush;
    }
  }
  if (progress) std::cerr << "\n";
  std::cerr << "ingested " << ingested << " document(s), " << unchanged << " unchanged, "
            << replaced << " replaced, " << skipped << " skipped\n";
  if (skipped > 0) return Status::Input("");  // exit code 2: something was skipped
  return Status::Ok();
}

}  // namespace kg::cli
