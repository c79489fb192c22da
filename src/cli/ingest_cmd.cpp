// `kamergraph ingest`: read, extract and store documents. Extraction runs on --jobs
// threads over a bounded window of files; the store is written by this thread only,
// one WriteBatch per document, in file order. What a run does with bad input is in
// docs/robustness.md: a file that cannot be taken is skipped with a message naming it
// and the reason, every other file is ingested, and the exit code says whether anything
// was skipped (2) or the store failed (3).
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/ingest_walk.h"
#include "cli/support.h"
#include "read/source.h"
#include "store/store.h"

namespace kg::cli {
namespace {

// Files in flight: bounds memory whatever the corpus size. A window also ends once its
// files add up to kWindowBytes, so that a few large documents are not held at once.
constexpr size_t kWindow = 64;
constexpr uint64_t kWindowBytes = uint64_t{64} << 20;

struct Job {
  const WalkedFile* file = nullptr;
  Result<SourceFile> source = Status::Input("not read");
  std::optional<Fragment> fragment;
  std::string failure;  // extraction failed: the reason (the file is skipped)
};

// Provenance offsets of a transcoded document refer to its UTF-8 form until mapped back
// to the raw file, which is what every offset in the graph refers to.
void to_original_offsets(const SourceFile& source, Fragment& fragment) {
  if (source.runs.empty()) return;
  auto map = [&](std::vector<Provenance>& list) {
    for (Provenance& p : list) {
      p.start = original_offset(source, p.start);
      p.end = original_offset(source, p.end);
    }
  };
  for (Node& n : fragment.nodes) {
    map(n.provenance);
    if (n.id == fragment.doc) n.attrs["encoding"] = source.encoding;
  }
  for (Edge& e : fragment.edges) map(e.provenance);
}

void extract_job(Job& job, const Store& store, const Extractor& extractor,
                 const std::string& rules_hash) {
  job.source = read_document(job.file->path);
  if (!job.source.ok()) return;
  auto known = store.find_by_sha(job.source->sha256);
  if (known && known->rules_hash == rules_hash) return;  // unchanged: no work
  // One document must never end the run: whatever extraction throws (bad_alloc on a
  // pathological input) skips this document only.
  try {
    job.fragment = extractor.extract(*job.source);
    to_original_offsets(*job.source, *job.fragment);
  } catch (const std::exception& e) {
    job.fragment.reset();
    job.failure = job.file->path + ": extraction failed: " + e.what();
  }
}

// The end of the window that starts at `base`.
size_t window_end(const std::vector<WalkedFile>& files, size_t base) {
  size_t end = base;
  uint64_t bytes = 0;
  while (end < files.size() && end - base < kWindow && (end == base || bytes < kWindowBytes)) {
    bytes += files[end++].size;
  }
  return end;
}

struct Counts {
  size_t ingested = 0, unchanged = 0, replaced = 0, skipped = 0, decoded = 0;
  void print() const {
    std::cerr << "ingested " << ingested << " document(s), " << unchanged << " unchanged, "
              << replaced << " replaced, " << skipped << " skipped";
    if (decoded > 0) std::cerr << " (" << decoded << " not in UTF-8, decoded)";
    std::cerr << "\n";
  }
};

}  // namespace

Status ingest(const Common& common, const IngestOptions& options) {
  auto rules = load_rules(common);
  if (!rules.ok()) return rules.status();
  auto extractor = Extractor::create(*rules);
  if (!extractor.ok()) return extractor.status();
  auto store = Store::open(common.db, Store::Mode::kWrite);
  if (!store.ok()) return store.status();

  Counts count;
  std::vector<WalkedFile> files = walk_inputs(options.paths, common.db, count.skipped);
  const std::string& rules_hash = rules->hash();
  bool progress = isatty(STDERR_FILENO);

  for (size_t base = 0, end = 0; base < files.size(); base = end) {
    end = window_end(files, base);
    const size_t n = end - base;
    std::vector<Job> jobs(n);
    for (size_t i = 0; i < n; ++i) jobs[i].file = &files[base + i];
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next++) < n;) extract_job(jobs[i], **store, **extractor, rules_hash);
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < options.jobs && t < static_cast<int>(n); ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();

    for (Job& job : jobs) {
      if (!job.source.ok() || !job.failure.empty()) {
        std::cerr << "skipped: "
                  << (job.failure.empty() ? job.source.status().message() : job.failure) << "\n";
        ++count.skipped;
        continue;
      }
      if (!job.fragment) {
        ++count.unchanged;
        continue;
      }
      if (!job.source->warning.empty()) {
        std::cerr << "warning: " << job.source->warning << "\n";
        ++count.decoded;
      }
      DocumentRecord record{job.fragment->doc, job.source->sha256, job.file->path, rules_hash};
      std::optional<std::string> replaces;
      if (auto old = (*store)->find_by_source(job.file->path);
          old && old->doc_id != record.doc_id) {
        replaces = old->doc_id;
      }
      // A storage error stops the run: what is stored stays whole, and a re-run ingests
      // exactly the documents that are missing.
      if (Status s = (*store)->put(record, *job.fragment, replaces); !s.ok()) {
        if (progress) std::cerr << "\n";
        count.print();
        return Status::Storage(s.message() + "\nthe documents stored so far are whole; run the " +
                               "same ingest again to add the rest once the cause is fixed");
      }
      ++count.ingested;
      if (replaces) ++count.replaced;
    }
    if (progress) std::cerr << "\r" << end << "/" << files.size() << " files" << std::flush;
  }
  if (progress) std::cerr << "\n";
  count.print();
  if (count.skipped > 0) return Status::Input("");  // exit code 2: something was skipped
  return Status::Ok();
}

}  // namespace kg::cli
