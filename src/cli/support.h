// Internal helpers shared by the subcommands.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "graph/graph.h"
#include "match/rules.h"
#include "resolve/extract.h"

namespace kg::cli {

// Loads the rules, printing every rule error (file:line:col with a caret) to stderr.
Result<RuleSet> load_rules(const Common& common);

// Loads the merged graph from the store (read-only).
Result<Graph> load_graph(const Common& common);

// Finds a node by id, or by label or alias compared case- and diacritic-insensitively;
// a unique partial match counts too. Fails (Code::kUsage) when nothing or several match.
Result<Graph::Vertex> find_node(const Graph& graph, std::string_view query);

// A string attribute of a node, or "".
std::string attr(const Node& n, const std::string& key);

}  // namespace kg::cli
