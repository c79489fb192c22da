// The GraphML <key> declarations of a graph, collected by one scan before writing.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"

namespace kg::exporter {

enum class Domain { kNode, kEdge };

struct KeyDecl {
  std::string id;    // "n_label", "e_type", ...: never a bare "d<N>" that Gephi treats specially
  std::string name;  // attr.name
  std::string_view type;  // attr.type: string, long, double or boolean
  std::string open;       // the ready-made opening tag <data key="...">
};

struct Keys {
  std::vector<KeyDecl> decls;  // declaration order: label, type, attributes by name, provenance
  std::map<std::string, size_t, std::less<>> by_attribute;  // attribute name -> index in decls
  size_t label = 0;
  size_t type = 0;
  size_t provenance = 0;
};

// Names that the exports own; attributes of the same name are not exported.
bool reserved_attribute(std::string_view name);

// Declares label, type and provenance, and every attribute found on any node (or edge).
// An attribute whose values have one scalar type gets that type; lists and names with
// mixed types are declared string (their values are written stringified).
Keys collect_keys(const Graph& graph, Domain domain);

}  // namespace kg::exporter
