// kg_bench extract: extraction throughput on one core, streaming document by document
// (nothing of a document is kept after its Fragment is counted).
#include <iostream>
#include <nlohmann/json.hpp>

#include "bench_util.h"
#include "driver.h"
#include "match/rules.h"
#include "read/normalise.h"
#include "read/source.h"
#include "resolve/extract.h"
#include "segment/segment.h"

namespace kg::bench {
namespace {

struct Pass {
  size_t docs = 0, failed = 0, bytes = 0, nodes = 0, edges = 0;
  double read = 0, extract = 0;
};

Pass extract_pass(const Extractor& extractor, const std::vector<std::string>& files) {
  Pass p;
  for (const std::string& f : files) {
    Result<SourceFile> source = Status::Input("");
    {
      Accumulate t(p.read);
      source = read_source(f);
    }
    if (!source.ok()) {
      ++p.failed;
      continue;
    }
    Accumulate t(p.extract);
    Fragment fragment = extractor.extract(*source);
    ++p.docs;
    p.bytes += source->bytes.size();
    p.nodes += fragment.nodes.size();
    p.edges += fragment.edges.size();
  }
  return p;
}

// The early stages timed one by one (a second pass over the same documents).
nlohmann::json stage_pass(const Extractor& extractor, const std::vector<std::string>& files) {
  double read = 0, norm = 0, seg = 0, gaz = 0;
  size_t sink = 0;  // keeps the results observable so nothing is optimised away
  for (const std::string& f : files) {
    Result<SourceFile> source = Status::Input("");
    {
      Accumulate t(read);
      source = read_source(f);
    }
    if (!source.ok()) continue;
    Text text;
    {
      Accumulate t(norm);
      text = normalise(source->bytes);
    }
    {
      Accumulate t(seg);
      sink += segment(text).paragraphs.size();
    }
    Accumulate t(gaz);
    sink += extractor.matcher().entities(text).size();
  }
  return {{"read_s", read},
          {"normalise_s", norm},
          {"segment_s", seg},
          {"entities_s", gaz},
          {"checksum", sink}};
}

}  // namespace

int run_extract(const Args& args) {
  std::vector<RuleError> errors;
  auto rules = RuleSet::load(args.rules, &errors);
  if (!rules.ok()) {
    std::cerr << "kg_bench: " << rules.status().message() << "\n";
    return 2;
  }
  Stopwatch compile;
  auto extractor = Extractor::create(*rules);
  if (!extractor.ok()) {
    std::cerr << "kg_bench: " << extractor.status().message() << "\n";
    return 2;
  }
  const double compile_s = compile.seconds();
  const std::vector<std::string> files = list_documents(args.paths);

  Pass p = extract_pass(**extractor, files);
  const double seconds = p.read + p.extract;
  nlohmann::json out = {
      {"mode", "extract"},
      {"docs", p.docs},
      {"failed", p.failed},
      {"bytes", p.bytes},
      {"gazetteer_entries", rules->gazetteer().size()},
      {"compile_s", compile_s},
      {"read_s", p.read},
      {"extract_s", p.extract},
      {"seconds", seconds},
      {"mb_per_s", seconds > 0 ? p.bytes / seconds / 1e6 : 0.0},
      {"nodes", p.nodes},
      {"edges", p.edges},
      {"peak_rss_kib", peak_rss_kib()},
  };
  if (args.stages) out["stages"] = stage_pass(**extractor, files);
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace kg::bench
