// Exporters of the merged graph. This library depends only on the graph model.
// Every writer streams: memory does not grow with the size of the output.
#pragma once

#include <ostream>

#include "common/status.h"
#include "graph/graph.h"

namespace kg::exporter {

// networkx node-link JSON (spec §6): {"directed": true, "multigraph": true, "graph": {...},
// "nodes": [...], "links": [{"source","target","key","type",...,"provenance":[...]}]}.
// Loadable by networkx.node_link_graph(data, directed=True, multigraph=True).
Status write_node_link_json(const Graph& graph, std::ostream& out);

// GraphML 1.0 for Gephi, networkx, igraph and graphology (spec §6): separate typed
// <key>s for nodes and edges, label and type on both, lists joined with ';',
// provenance as a JSON string, XML-escaped with characters illegal in XML 1.0 removed.
Status write_graphml(const Graph& graph, std::ostream& out);

}  // namespace kg::exporter
