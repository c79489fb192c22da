// Internal: the subcommands. Each returns a Status; the CLI layer prints it and maps
// its code to the exit code.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/status.h"

namespace kg::cli {

struct Common {
  std::filesystem::path db = "kamergraph.db";
  std::filesystem::path rules;  // empty: the default rules folder
};

// The rules folder to use: --rules, else ./rules when it holds rule files, else the
// rules/ of the checkout this binary was built from.
std::filesystem::path rules_dir(const Common& common);

struct IngestOptions {
  std::vector<std::string> paths;
  int jobs = 1;
};
Status ingest(const Common& common, const IngestOptions& options);

struct ExportOptions {
  std::string format;  // graphml | json
  std::string out;     // "" or "-": stdout
};
Status export_graph(const Common& common, const ExportOptions& options);

Status stats(const Common& common);
Status show(const Common& common, const std::string& node);
Status rules_check(const Common& common);

struct WhoSaidOptions {
  std::string by;
  std::string about;
  std::string format = "table";
  size_t limit = 0;  // 0: all rows
};
Status who_said(const Common& common, const WhoSaidOptions& options);

}  // namespace kg::cli
