// kg_bench store: the work of `ingest --jobs 1` in process, with the time spent in the
// store (look-ups, put, the flush at close, and RocksDB's own background threads)
// measured apart from reading and extraction.
#include <iostream>
#include <nlohmann/json.hpp>

#include "bench_util.h"
#include "driver.h"
#include "match/rules.h"
#include "read/source.h"
#include "resolve/extract.h"
#include "store/store.h"

namespace kg::bench {

int run_store(const Args& args) {
  std::vector<RuleError> errors;
  auto rules = RuleSet::load(args.rules, &errors);
  if (!rules.ok()) {
    std::cerr << "kg_bench: " << rules.status().message() << "\n";
    return 2;
  }
  auto extractor = Extractor::create(*rules);
  if (!extractor.ok()) {
    std::cerr << "kg_bench: " << extractor.status().message() << "\n";
    return 2;
  }
  const std::vector<std::string> files = list_documents(args.paths);
  Stopwatch wall;
  const double cpu_before = process_cpu_seconds();
  auto store = Store::open(args.db, Store::Mode::kWrite);
  if (!store.ok()) {
    std::cerr << "kg_bench: " << store.status().message() << "\n";
    return 3;
  }
  double read = 0, extract = 0, stored = 0, close = 0;
  size_t docs = 0, bytes = 0;
  for (const std::string& f : files) {
    Result<SourceFile> source = Status::Input("");
    {
      Accumulate t(read);
      source = read_source(f);
    }
    if (!source.ok()) continue;
    {
      Accumulate t(stored);
      auto known = (*store)->find_by_sha(source->sha256);
      if (known && known->rules_hash == rules->hash()) continue;
    }
    Fragment fragment;
    {
      Accumulate t(extract);
      fragment = (*extractor)->extract(*source);
    }
    Accumulate t(stored);
    DocumentRecord record{fragment.doc, source->sha256, f, rules->hash()};
    std::optional<std::string> replaces;
    if (auto old = (*store)->find_by_source(f); old && old->doc_id != record.doc_id) {
      replaces = old->doc_id;
    }
    if (Status s = (*store)->put(record, fragment, replaces); !s.ok()) {
      std::cerr << "kg_bench: " << s.message() << "\n";
      return 3;
    }
    ++docs;
    bytes += source->bytes.size();
  }
  {
    Accumulate t(close);
    store->reset();
  }
  // RocksDB's thread pool outlives the store (it belongs to the default Env).
  const double background = thread_cpu_seconds("rocksdb:");
  const double seconds = wall.seconds();
  const double cpu = process_cpu_seconds() - cpu_before;
  const double storage = stored + close + background;
  nlohmann::json out = {
      {"mode", "store"},
      {"docs", docs},
      {"bytes", bytes},
      {"seconds", seconds},
      {"mb_per_s", seconds > 0 ? bytes / seconds / 1e6 : 0.0},
      {"read_s", read},
      {"extract_s", extract},
      {"store_s", stored},
      {"close_s", close},
      {"rocksdb_background_cpu_s", background},
      {"cpu_s", cpu},
      {"storage_share", cpu > 0 ? storage / (read + extract + storage) : 0.0},
      {"peak_rss_kib", peak_rss_kib()},
  };
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace kg::bench
