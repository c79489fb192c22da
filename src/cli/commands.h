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
  std::string format;  // graphml | gexf | json | csv
  std::string out;     // "" or "-": stdout; csv: the folder (required)
  // Filters (graph-export/.../filter.h); names resolve like everywhere in the CLI.
  std::vector<std::string> types;  // node or edge types, any case
  std::string ego;                 // a node: id, name or alias
  size_t depth = 1;
  std::string from;  // ISO dates, inclusive
  std::string to;
  std::vector<std::string> docs;  // Document nodes: id or title
  size_t min_degree = 0;
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

struct CommitmentsOptions {
  std::string status;  // open | fulfilled | declined; "" for all
  std::string by;      // a node that COMMITTED it
  std::string about;   // an entity it is ABOUT, or words of its text
  std::string format = "table";
};
Status commitments(const Common& common, const CommitmentsOptions& options);

}  // namespace kg::cli
