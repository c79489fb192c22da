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
  export_cmd->add_option("--format", export_opts.format, "graphml | gexf | json | csv")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "json", "csv"}));
  export_cmd->add_option("--out,-o", export_opts.out,
                         "output file (default: stdout); for csv a folder (required)");
  export_cmd->add_option("--type", export_opts.types, "only these node or edge types (T,...)")
      ->delimiter(',');
  auto* ego_opt = export_cmd->add_option("--ego", export_opts.ego,
                                         "only the neighbourhood of this node (id, name or alias)");
  export_cmd->add_option("--depth", export_opts.depth, "hops from --ego (default 1)")
      ->needs(ego_opt);
  export_cmd->add_option("--from", export_opts.from, "only what is dated from this ISO date on");
  export_cmd->add_option("--to", export_opts.to, "only what is dated up to this ISO date");
  export_cmd->add_option("--doc", export_opts.docs, "only what these documents say (ID,...)")
      ->delimiter(',');
  export_cmd->add_option("--min-degree", export_opts.min_degree,
                         "only nodes with at least N edges in the export");
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

  CommitmentsOptions commit_opts;
  auto* commit_cmd = app.add_subcommand("commitments", "a timeline of commitments (toezeggingen)");
  commit_cmd->add_option("--status", commit_opts.status, "open | fulfilled | declined")
      ->check(CLI::IsMember({"open", "fulfilled", "declined"}));
  commit_cmd->add_option("--by", commit_opts.by, "person or organisation (name or alias)");
  commit_cmd->add_option("--about", commit_opts.about, "entity (name or alias) or words of the text");
  commit_cmd->add_option("--format", commit_opts.format, "table | json")
      ->check(CLI::IsMember({"table", "json"}));
  add_common(commit_cmd);

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
    if (*commit_cmd) return report(commitments(common, commit_opts));
  } catch (const std::exception& e) {
    std::cerr << "kamergraph: internal error: " << e.what() << "\n";
    return static_cast<int>(Code::kStorage);
  }
  return static_cast<int>(Code::kUsage);
}

}  // namespace kg::cli
