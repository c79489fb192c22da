// kg_bench: the plain benchmark driver (bench/run_bench.py runs it; see docs/performance.md).
//
//   kg_bench extract [--rules DIR] [--stages] PATH...
//   kg_bench store --db DIR [--rules DIR] PATH...
//   kg_bench export --format graphml,json,gexf --out FILE [--nodes N] [--edges M] [--repeat R]
#include "driver.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

constexpr const char* kUsage =
    "usage: kg_bench extract [--rules DIR] [--stages] PATH...\n"
    "       kg_bench store --db DIR [--rules DIR] PATH...\n"
    "       kg_bench export --format graphml,json,gexf --out FILE [--nodes N] [--edges M]\n"
    "                       [--repeat R]\n";

int usage() {
  std::cerr << kUsage;
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string mode = argv[1];
  kg::bench::Args args;
  args.rules = KG_SOURCE_DIR "/rules";
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--stages") {
      args.stages = true;
    } else if (a == "--rules" || a == "--db" || a == "--out" || a == "--format" || a == "--nodes" ||
               a == "--edges" || a == "--repeat") {
      if ((v = value()) == nullptr) return usage();
      if (a == "--rules") args.rules = v;
      if (a == "--db") args.db = v;
      if (a == "--out") args.out = v;
      if (a == "--format") args.format = v;
      if (a == "--nodes") args.nodes = std::strtoull(v, nullptr, 10);
      if (a == "--edges") args.edges = std::strtoull(v, nullptr, 10);
      if (a == "--repeat") args.repeat = std::max(1, std::atoi(v));
    } else if (a.rfind("--", 0) == 0) {
      return usage();
    } else {
      args.paths.push_back(a);
    }
  }
  if (mode == "extract" && !args.paths.empty()) return kg::bench::run_extract(args);
  if (mode == "store" && !args.paths.empty() && !args.db.empty()) {
    return kg::bench::run_store(args);
  }
  if (mode == "export" && !args.out.empty()) return kg::bench::run_export(args);
  return usage();
}
