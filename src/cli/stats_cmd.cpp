#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/support.h"

namespace kg::cli {

Status stats(const Common& common) {
  auto graph = load_graph(common);
  if (!graph.ok()) return graph.status();
  std::map<std::string, size_t> nodes, edges;
  for (Graph::Vertex v : graph->vertices()) ++nodes[graph->node(v).type];
  for (Graph::EdgeRef e : graph->edges()) ++edges[graph->edge(e).type];
  auto count = [&](const char* type) {
    auto it = nodes.find(type);
    return it == nodes.end() ? size_t{0} : it->second;
  };
  std::cout << "documents      " << count("Document") << "\n"
            << "questions      " << count("Question") << "\n"
            << "answers        " << count("Answer") << "\n"
            << "persons        " << count("Person") << "\n"
            << "parties        " << count("Party") << "\n"
            << "organisations  " << count("Organization") << "\n"
            << "countries      " << count("Country") << "\n"
            << "legal refs     " << count("LegalInstrument") + count("LegalProvision") +
                                        count("CourtDecision")
            << "\n"
            << "papers         " << count("ParliamentaryPaper") << "\n"
            << "motions        " << count("Motion") << "\n"
            << "commitments    " << count("Commitment") << "\n"
            << "claims         " << count("Claim") << "\n"
            << "nodes          " << graph->num_nodes() << "\n"
            << "edges          " << graph->num_edges() << "\n";
  std::cout << "\nedges by type\n";
  for (const auto& [type, n] : edges) std::cout << "  " << type << " " << n << "\n";
  return Status::Ok();
}

}  // namespace kg::cli
