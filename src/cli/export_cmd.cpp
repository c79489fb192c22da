#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/support.h"
#include "kamergraph/export/export.h"

namespace kg::cli {

Status export_graph(const Common& common, const ExportOptions& options) {
  auto graph = load_graph(common);
  if (!graph.ok()) return graph.status();
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!options.out.empty() && options.out != "-") {
    file.open(options.out, std::ios::binary | std::ios::trunc);
    if (!file) return Status::Input(options.out + ": cannot write");
    out = &file;
  }
  Status s = options.format == "graphml" ? exporter::write_graphml(*graph, *out)
                                         : exporter::write_node_link_json(*graph, *out);
  if (!s.ok()) return s;
  out->flush();
  if (!*out) return Status::Input((options.out.empty() ? "stdout" : options.out) + ": write failed");
  if (file.is_open()) {
    std::cerr << "wrote " << options.out << " (" << graph->num_nodes() << " nodes, "
              << graph->num_edges() << " edges)\n";
  }
  return Status::Ok();
}

}  // namespace kg::cli
