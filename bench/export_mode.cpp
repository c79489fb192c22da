// kg_bench export: time and memory of the exporters on a synthetic graph, built once.
// Before each export the peak-memory mark is reset, so "export_peak_add_kib" is what
// the export itself adds on top of the graph.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "bench_util.h"
#include "driver.h"
#include "kamergraph/export/export.h"
#include "synthetic_graph.h"

namespace kg::bench {
namespace {

Result<bool> write(const std::string& format, const Graph& g, std::ostream& out) {
  Status s;
  if (format == "graphml") {
    s = exporter::write_graphml(g, out);
  } else if (format == "json") {
    s = exporter::write_node_link_json(g, out);
#ifdef KG_BENCH_HAS_GEXF
  } else if (format == "gexf") {
    s = exporter::write_gexf(g, out);
#endif
  } else {
    return false;  // not available in this build
  }
  if (!s.ok()) return s;
  return true;
}

}  // namespace

int run_export(const Args& args) {
  Stopwatch build;
  Graph g = synthetic_graph(args.nodes, args.edges);
  nlohmann::json out = {{"mode", "export"},        {"nodes", g.num_nodes()},
                        {"edges", g.num_edges()},  {"build_s", build.seconds()},
                        {"graph_rss_kib", rss_kib()}, {"formats", nlohmann::json::object()}};
  std::stringstream formats(args.format);
  for (std::string format; std::getline(formats, format, ',');) {
    nlohmann::json runs = nlohmann::json::array();
    bool available = true;
    for (int i = 0; i < args.repeat && available; ++i) {
      const bool reset = reset_peak_rss();
      const uint64_t before = rss_kib();
      Stopwatch watch;
      Result<bool> written = false;
      {
        std::ofstream file(args.out, std::ios::binary | std::ios::trunc);
        if (!file) {
          std::cerr << "kg_bench: " << args.out << ": cannot write\n";
          return 2;
        }
        written = write(format, g, file);
      }
      const double seconds = watch.seconds();
      if (!written.ok()) {
        std::cerr << "kg_bench: " << written.status().message() << "\n";
        return 2;
      }
      available = *written;
      std::error_code ec;
      const auto size = std::filesystem::file_size(args.out, ec);
      if (available) {
        runs.push_back({{"seconds", seconds},
                        {"bytes", ec ? 0 : size},
                        {"export_peak_add_kib", reset ? peak_rss_kib() - before : 0}});
      }
    }
    out["formats"][format] = {{"available", available}, {"runs", runs}};
  }
  std::filesystem::remove(args.out);
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace kg::bench
