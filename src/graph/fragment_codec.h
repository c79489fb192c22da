// Internal to kg_graph: the keys that the JSON form of nodes and edges owns (serialize.cpp,
// fragment_encode.cpp, fragment_decode.cpp).
#pragma once

#include <string_view>

namespace kg::codec {

// Keys that the node-link layout owns; attributes may not shadow them and are not stored
// under them. A node may have a "source" attribute (a Document's path); an edge may not.
inline bool reserved(std::string_view key, bool edge) {
  if (key == "type" || key == "provenance") return true;
  return edge ? key == "source" || key == "target" || key == "key" : key == "id" || key == "label";
}

}  // namespace kg::codec
