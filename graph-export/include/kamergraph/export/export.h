// Exporters of the merged graph. This library depends only on the graph model.
// Every writer streams: besides the graph, memory holds the attribute declarations
// (one scan before writing), per-vertex counters and a buffer of about 1 MiB.
// Every writer takes a View (the whole graph or a filtered one: filter.h); the Graph
// overloads export the whole graph. Text is escaped for the format; invalid UTF-8
// becomes U+FFFD and characters the format cannot carry are removed.
#pragma once

#include <filesystem>
#include <ostream>

#include "common/status.h"
#include "graph/graph.h"
#include "kamergraph/export/view.h"

namespace kg::exporter {

// networkx node-link JSON (spec §6): {"directed": true, "multigraph": true, "graph": {...},
// "nodes": [...], "links": [{"source","target","key","type",...,"provenance":[...]}]}.
// Loadable by networkx.node_link_graph(data, directed=True, multigraph=True).
Status write_node_link_json(const View& view, std::ostream& out);
Status write_node_link_json(const Graph& graph, std::ostream& out);

// GraphML 1.0 for Gephi, networkx, igraph and graphology (spec §6): separate typed
// <key>s for nodes and edges, label and type on both, lists joined with ';',
// provenance as a JSON string, XML-escaped with characters illegal in XML 1.0 removed.
Status write_graphml(const View& view, std::ostream& out);
Status write_graphml(const Graph& graph, std::ostream& out);

// GEXF 1.3 for Gephi and Gephi Lite (spec §6): directed edges with their type as `kind`
// (Gephi keeps typed parallel edges apart) and as label; typed node and edge attributes
// (type, the attributes, provenance as JSON; lists joined with ';', dates as ISO
// strings); viz:color by node type and viz:size by degree within the View; start/end
// from the Timeline (timeformat date) so that Gephi's timeline plays the debate.
// Labels are xsd:tokens: runs of whitespace become one space.
Status write_gexf(const View& view, std::ostream& out);
Status write_gexf(const Graph& graph, std::ostream& out);

// CSV for `neo4j-admin database import full` (spec §6): nodes with header
// `id:ID,:LABEL,label:string,<attribute>:<type>...,provenance:string` (the node type is
// the label) and relationships with `:START_ID,:END_ID,:TYPE,<attribute>:<type>...,
// provenance:string`. Types: string, long, double, boolean, date (ISO dates), string[]
// (lists, ';'-separated; a ';' inside an element becomes ','). Every string is quoted,
// '"' doubled; newlines stay, so import with --multiline-fields=true. A missing value
// is an empty unquoted field (no property).
Status write_neo4j_csv(const View& view, std::ostream& nodes, std::ostream& relationships);
// Writes nodes.csv and relationships.csv into dir, creating it when missing.
Status write_neo4j_csv(const View& view, const std::filesystem::path& dir);

}  // namespace kg::exporter
