#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/support.h"
#include "graph/schema.h"
#include "kamergraph/export/export.h"
#include "kamergraph/export/filter.h"
#include "read/normalise.h"

namespace kg::cli {
namespace {

// A Document by id, title, zaak number or file name (case- and diacritic-insensitive),
// else by a unique partial match of those; only Document nodes are candidates, so that
// a document id does not also match the ids of its questions.
Result<Graph::Vertex> find_document(const Graph& graph, std::string_view query) {
  if (auto v = graph.find(query); v && graph.node(*v).type == node_type::kDocument) return *v;
  const std::string q = fold(query);
  std::vector<Graph::Vertex> exact, partial;
  for (Graph::Vertex v : graph.vertices()) {
    const Node& n = graph.node(v);
    if (n.type != node_type::kDocument) continue;
    const std::string source = attr(n, "source");
    const std::string names[] = {n.id, n.label, attr(n, "title"), attr(n, "zaak"),
                                 std::filesystem::path(source).filename().string()};
    bool is_exact = false, is_partial = false;
    for (const std::string& name : names) {
      if (name.empty()) continue;
      const std::string f = fold(name);
      is_exact = is_exact || f == q;
      is_partial = is_partial || f.find(q) != std::string::npos;
    }
    if (is_exact) {
      exact.push_back(v);
    } else if (is_partial) {
      partial.push_back(v);
    }
  }
  const auto& pick = exact.empty() ? partial : exact;
  if (pick.size() == 1) return pick.front();
  std::string msg = "\"";
  msg.append(query).append(pick.empty() ? "\" matches no document"
                                        : "\" matches several documents:");
  if (pick.empty()) return Status::Usage(msg);
  for (size_t i = 0; i < std::min<size_t>(pick.size(), 10); ++i) {
    msg.append("\n  ")
        .append(graph.node(pick[i]).id)
        .append("  ")
        .append(graph.node(pick[i]).label);
  }
  return Status::Usage(msg);
}

Result<exporter::Filter> make_filter(const Graph& graph, const ExportOptions& options) {
  exporter::Filter filter;
  if (Status s = exporter::add_types(graph, options.types, filter); !s.ok()) return s;
  if (!options.ego.empty()) {
    auto ego = find_node(graph, options.ego);
    if (!ego.ok()) return Status::Usage("--ego: " + ego.status().message());
    filter.ego = *ego;
    filter.depth = options.depth;
  }
  for (const std::string& query : options.docs) {
    if (query.empty()) continue;
    auto doc = find_document(graph, query);
    if (!doc.ok()) return Status::Usage("--doc: " + doc.status().message());
    filter.docs.push_back(*doc);
  }
  filter.from = options.from;
  filter.to = options.to;
  filter.min_degree = options.min_degree;
  return filter;
}

Status write(const std::string& format, const exporter::View& view, std::ostream& out) {
  if (format == "graphml") return exporter::write_graphml(view, out);
  if (format == "gexf") return exporter::write_gexf(view, out);
  return exporter::write_node_link_json(view, out);
}

}  // namespace

Status export_graph(const Common& common, const ExportOptions& options) {
  const bool to_stdout = options.out.empty() || options.out == "-";
  if (options.format == "csv" && to_stdout) {
    return Status::Usage(
        "--format csv writes nodes.csv and relationships.csv: give the folder "
        "with --out");
  }
  auto graph = load_graph(common);
  if (!graph.ok()) return graph.status();
  auto filter = make_filter(*graph, options);
  if (!filter.ok()) return filter.status();
  auto view = exporter::filter(*graph, *filter);
  if (!view.ok()) return view.status();

  if (options.format == "csv") {
    if (Status s = exporter::write_neo4j_csv(*view, std::filesystem::path(options.out)); !s.ok()) {
      return s;
    }
  } else {
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!to_stdout) {
      file.open(options.out, std::ios::binary | std::ios::trunc);
      if (!file) return Status::Input(options.out + ": cannot write");
      out = &file;
    }
    if (Status s = write(options.format, *view, *out); !s.ok()) return s;
    out->flush();
    if (!*out) return Status::Input((to_stdout ? "stdout" : options.out) + ": write failed");
  }
  if (!to_stdout) {
    std::cerr << "wrote " << options.out << " (" << view->num_nodes() << " nodes, "
              << view->num_edges() << " edges)\n";
  }
  return Status::Ok();
}

}  // namespace kg::cli
