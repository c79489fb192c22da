// The modes of the benchmark driver `kg_bench`. Each prints one JSON object on stdout
// (figures in seconds, bytes, KiB) and returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace kg::bench {

struct Args {
  std::string rules;  // rules folder
  std::string db;     // store folder (store mode)
  std::string out;    // output file (export mode)
  std::string format = "graphml";  // export: a comma-separated list
  int repeat = 1;                   // export: runs per format
  bool stages = false;
  size_t nodes = 200000;
  size_t edges = 1000000;
  std::vector<std::string> paths;
};

// Single-threaded extraction (read + extract) of every document under args.paths; with
// args.stages a second pass times read, normalise, segment and the gazetteer scan apart.
int run_extract(const Args& args);

// What `ingest --jobs 1` does, in process, with the time in the store measured apart:
// read, look up, extract and put each document, then close the store.
int run_store(const Args& args);

// Builds a synthetic graph of args.nodes nodes and args.edges edges once and times
// args.repeat exports in each of args.format to args.out, with the memory each adds.
int run_export(const Args& args);

}  // namespace kg::bench
