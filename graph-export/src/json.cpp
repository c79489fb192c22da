// networkx node-link JSON writer. Each node and link is serialised on its own with
// serialize.h's to_json and appended to a Sink, so no document-sized JSON is built.

#include <cstdint>
#include <exception>
#include <string>
#include <unordered_map>

#include "graph/serialize.h"
#include "kamergraph/export/export.h"
#include "sink.h"

namespace kg::exporter {
namespace {

constexpr std::string_view kHeader =
    "{\"directed\": true, \"multigraph\": true, "
    "\"graph\": {\"name\": \"kamergraph\", \"schema\": \"kamergraph/1\"},\n\"nodes\": [";

// Invalid UTF-8 in any string becomes U+FFFD, so the output always parses.
void put_json(Sink& sink, const nlohmann::json& j) {
  sink.put(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

Status write_node_link_json(const Graph& graph, std::ostream& out) {
  try {
    Sink sink(out);
    sink.put(kHeader);
    bool first = true;
    for (auto v : graph.vertices()) {
      sink.put(first ? "\n" : ",\n");
      first = false;
      put_json(sink, to_json(graph.node(v)));
      sink.commit();
    }
    sink.put("\n],\n\"links\": [");

    // The multigraph key of a link counts the earlier links between the same ordered
    // pair of nodes: 0, 1, 2, ... in edges() order.
    const auto& adjacency = graph.adjacency();
    const uint64_t n = graph.num_nodes();
    std::unordered_map<uint64_t, uint32_t> next_key;
    first = true;
    for (auto e : graph.edges()) {
      const uint64_t pair = boost::source(e, adjacency) * n + boost::target(e, adjacency);
      nlohmann::json link = to_json(graph.edge(e));
      link["key"] = next_key[pair]++;
      sink.put(first ? "\n" : ",\n");
      first = false;
      put_json(sink, link);
      sink.commit();
    }
    sink.put("\n]}\n");
    if (!sink.finish()) return Status::Storage("JSON export: writing the output failed");
    return Status::Ok();
  } catch (const std::exception& e) {
    return Status::Storage(std::string("JSON export failed: ") + e.what());
  }
}

}  // namespace kg::exporter
