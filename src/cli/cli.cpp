#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/commands.h"

namespace kg::cli {
namespace {

int report(const Status& s) {
  if (!s.ok() && !s.message().empty()) std::cerr << "kamergraph: " << s.message() << "\n";
  return static_cast<int>(s.code());
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"kamergraph: a knowledge graph of who said what in Dutch parliamentary documents"};
  app.require_subcommand(1);
  Common common;
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--db", common.db, "store directory")->capture_default_str();
    cmd->add_option("--rules", common.rules, "rules directory (default: rules/ of the checkout)");
  };

  IngestOptions ingest_opts;
  auto* ingest_cmd = app.add_subcommand("ingest", "ingest documents (files or folders); idempotent");
  ingest_cmd->add_option("paths", ingest_opts.paths, "files or folders")->required();
  ingest_cmd->add_option("--jobs,-j", ingest_opts.jobs, "extraction threads")
      ->check(CLI::Range(1, 256));
  add_common(ingest_cmd);

  ExportOptions export_opts;
  auto* export_cmd = app.add_subcommand("export", "export the graph");
  export_cmd->add_option("--format", export_opts.format, "graphml | json")
      ->required()
      ->check(CLI::IsMember({"graphml", "json"}));
  export_cmd->add_option("--out,-o", export_opts.out, "output file (default: stdout)");
  add_common(export_cmd);

  auto* stats_cmd = app.add_subcommand("stats", "counts of documents, nodes and edges by type");
  add_common(stats_cmd);

  std::string node;
  auto* show_cmd = app.add_subcommand("show", "a node: attributes, provenance, neighbours");
  show_cmd->add_option("node", node, "node id, name or alias")->required();
  add_common(show_cmd);

  auto* rules_cmd = app.add_subcommand("rules", "rule tools");
  rules_cmd->require_subcommand(1);
  auto* check_cmd = rules_cmd->add_subcommand("check", "load and check every rule file");
  add_common(check_cmd);

  WhoSaidOptions who;
  auto* who_cmd = app.add_subcommand("who-said", "who asked, answered or said what");
  who_cmd->add_option("--by", who.by, "person (name or alias)");
  who_cmd->add_option("--about", who.about, "entity (name or alias)");
  who_cmd->add_option("--format", who.format, "table | json")
      ->check(CLI::IsMember({"table", "json"}));
  who_cmd->add_option("--limit", who.limit, "at most this many rows");
  add_common(who_cmd);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(Code::kUsage);
  }
  try {
    if (*ingest_cmd) return report(ingest(common, ingest_opts));
    if (*export_cmd) return report(export_graph(common, export_opts));
    if (*stats_cmd) return report(stats(common));
    if (*show_cmd) return report(show(common, node));
    if (*check_cmd) return report(rules_check(common));
    if (*who_cmd) return report(who_said(common, who));
  } catch (const std::exception& e) {
    std::cerr << "kamergraph: internal error: " << e.what() << "\n";
    return static_cast<int>(Code::kStorage);
  }
  return static_cast<int>(Code::kUsage);
}

}  // namespace kg::cli
