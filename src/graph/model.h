// The graph model: typed nodes and edges that carry provenance, and the Fragment that
// holds everything one document contributes. Fragments are what the store persists;
// the Graph is always the merge of the stored fragments.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace kg {

// Where a fact came from: the Document node id, byte offsets [start, end) into the
// original file, and the id of the rule that produced it.
struct Provenance {
  std::string doc;
  uint32_t start = 0;
  uint32_t end = 0;
  std::string rule;
  auto operator<=>(const Provenance&) const = default;
};

// Attribute values. Lists are exported flattened (GraphML) or as arrays (JSON).
using Value = std::variant<std::string, int64_t, double, bool, std::vector<std::string>>;
using Attrs = std::map<std::string, Value>;  // ordered: exports are deterministic

struct Node {
  std::string id;    // stable: the same input and rules give the same id
  std::string type;  // one of kg::node_type
  std::string label;
  Attrs attrs;
  std::vector<Provenance> provenance;
};

struct Edge {
  std::string source;
  std::string target;
  std::string type;  // one of kg::edge_type
  Attrs attrs;
  std::vector<Provenance> provenance;
};

// Everything one document contributes to the graph. Nodes may repeat ids that other
// fragments also use (a person, an organisation): the Graph merges them.
struct Fragment {
  std::string doc;  // the Document node id
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

// Two edges are the same fact when source, target, type and the "role" attribute agree.
std::string edge_identity(const Edge& e);

}  // namespace kg
