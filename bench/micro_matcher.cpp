// Micro-benchmarks of the matcher and the stages around it (Google Benchmark), on the
// seed documents or on the folder in KG_BENCH_CORPUS, with the rules in KG_BENCH_RULES
// (default: the checkout's rules/). Bytes/s are of the original documents.
//
// HyperscanLiterals* scan Text::key with a database of just the gazetteer's keys and a
// callback that only counts: the scan limit that the gazetteer matching cannot beat.
#include <benchmark/benchmark.h>
#include <hs/hs.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include "match/rules.h"
#include "read/normalise.h"
#include "read/source.h"
#include "resolve/extract.h"
#include "segment/segment.h"

namespace {

namespace fs = std::filesystem;

struct Corpus {
  kg::RuleSet rules;
  std::unique_ptr<kg::Extractor> extractor;
  std::vector<kg::SourceFile> sources;
  std::vector<kg::Text> texts;
  int64_t bytes = 0;
};

std::vector<std::string> corpus_files() {
  std::vector<fs::path> dirs;
  if (const char* dir = std::getenv("KG_BENCH_CORPUS")) {
    dirs.emplace_back(dir);
  } else {
    dirs = {fs::path(KG_SOURCE_DIR) / "samples",
            fs::path(KG_SOURCE_DIR) / ".." / "shared" / "corpus"};
  }
  std::vector<std::string> files;
  for (const fs::path& d : dirs) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(d, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

const Corpus& corpus() {
  static const Corpus* c = [] {
    auto* out = new Corpus;
    const char* rules_dir = std::getenv("KG_BENCH_RULES");
    std::vector<kg::RuleError> errors;
    auto rules = kg::RuleSet::load(rules_dir ? rules_dir : KG_SOURCE_DIR "/rules", &errors);
    if (!rules.ok()) {
      std::cerr << rules.status().message() << "\n";
      std::exit(2);
    }
    out->rules = std::move(*rules);
    auto extractor = kg::Extractor::create(out->rules);
    if (!extractor.ok()) {
      std::cerr << extractor.status().message() << "\n";
      std::exit(2);
    }
    out->extractor = std::move(*extractor);
    for (const std::string& f : corpus_files()) {
      auto source = kg::read_source(f);
      if (!source.ok()) continue;
      out->bytes += static_cast<int64_t>(source->bytes.size());
      out->texts.push_back(kg::normalise(source->bytes));
      out->sources.push_back(std::move(*source));
    }
    return out;
  }();
  return *c;
}

void BM_Normalise(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const auto& s : c.sources) benchmark::DoNotOptimize(kg::normalise(s.bytes));
  }
  state.SetBytesProcessed(state.iterations() * c.bytes);
}

void BM_Segment(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const auto& t : c.texts) benchmark::DoNotOptimize(kg::segment(t));
  }
  state.SetBytesProcessed(state.iterations() * c.bytes);
}

void BM_MatcherEntities(benchmark::State& state) {
  const Corpus& c = corpus();
  size_t hits = 0;
  for (auto _ : state) {
    for (const auto& t : c.texts) hits += c.extractor->matcher().entities(t).size();
  }
  state.SetBytesProcessed(state.iterations() * c.bytes);
  state.counters["hits/doc"] = static_cast<double>(hits) / state.iterations() / c.texts.size();
}

// Every regex rule over each whole document, once per scope.
void BM_MatcherPatterns(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const auto& t : c.texts) {
      kg::Range whole{0, static_cast<uint32_t>(t.text.size())};
      for (kg::Scope s : {kg::Scope::kHeader, kg::Scope::kBody}) {
        benchmark::DoNotOptimize(c.extractor->matcher().patterns(t, whole, s));
      }
    }
  }
  state.SetBytesProcessed(state.iterations() * c.bytes);
}

void BM_Extract(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (const auto& s : c.sources) benchmark::DoNotOptimize(c.extractor->extract(s));
  }
  state.SetBytesProcessed(state.iterations() * c.bytes);
}

int count_hit(unsigned, unsigned long long, unsigned long long, unsigned, void* n) {
  ++*static_cast<size_t*>(n);
  return 0;
}

// The gazetteer keys alone in one Hyperscan literal database; flags: HS_FLAG_SOM_LEFTMOST
// (start offsets, as the matcher needs) or 0 (end offsets only).
void hyperscan_literals(benchmark::State& state, unsigned flag) {
  const Corpus& c = corpus();
  std::vector<std::string> keys;
  for (const auto& e : c.rules.gazetteer()) keys.push_back(e.key);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> ids, flags(keys.size(), flag);
  for (size_t i = 0; i < keys.size(); ++i) {
    exprs.push_back(keys[i].data());
    lens.push_back(keys[i].size());
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  hs_scratch_t* scratch = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(keys.size()), HS_MODE_BLOCK, nullptr, &db,
                           &err) != HS_SUCCESS ||
      hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
    state.SkipWithError("hyperscan compile failed");
    hs_free_compile_error(err);
    return;
  }
  size_t hits = 0;
  for (auto _ : state) {
    for (const auto& t : c.texts) {
      hs_scan(db, t.key.data(), static_cast<unsigned>(t.key.size()), 0, scratch, count_hit, &hits);
    }
  }
  benchmark::DoNotOptimize(hits);
  state.SetBytesProcessed(state.iterations() * c.bytes);
  state.counters["keys"] = static_cast<double>(keys.size());
  hs_free_scratch(scratch);
  hs_free_database(db);
}

void BM_HyperscanLiteralsSom(benchmark::State& state) {
  hyperscan_literals(state, HS_FLAG_SOM_LEFTMOST);
}
void BM_HyperscanLiteralsNoSom(benchmark::State& state) { hyperscan_literals(state, 0); }

BENCHMARK(BM_Normalise)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatcherEntities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatcherPatterns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HyperscanLiteralsSom)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HyperscanLiteralsNoSom)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
