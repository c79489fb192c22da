// networkx node-link JSON writer. Writes each node and link straight into a Sink with
// the escaping of text_escape.h (no JSON object is built), in the layout of
// serialize.h's to_json: the same keys, with attributes that would shadow a key of the
// layout left out.

#include <cmath>
#include <cstdint>
#include <exception>
#include <string>
#include <type_traits>
#include <unordered_map>

#include "kamergraph/export/export.h"
#include "sink.h"
#include "values.h"

namespace kg::exporter {
namespace {

constexpr std::string_view kHeader =
    "{\"directed\": true, \"multigraph\": true, "
    "\"graph\": {\"name\": \"kamergraph\", \"schema\": \"kamergraph/1\"},\n\"nodes\": [";

bool reserved(std::string_view key, bool edge) {
  if (key == "type" || key == "provenance") return true;
  return edge ? key == "source" || key == "target" || key == "key" : key == "id" || key == "label";
}

void string(std::string& out, std::string_view s) {
  out.push_back('"');
  append_json_escaped(out, s);
  out.push_back('"');
}

// A double always reads back as a double: "1.0", not "1"; JSON has no NaN or infinity.
void json_double(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out.append("null");
    return;
  }
  const size_t at = out.size();
  append_number(out, v);
  if (out.find_first_of(".e", at) == std::string::npos) out.append(".0");
}

void value(std::string& out, const Value& v) {
  std::visit(
      [&out](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string>) {
          string(out, x);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          append_number(out, x);
        } else if constexpr (std::is_same_v<T, double>) {
          json_double(out, x);
        } else if constexpr (std::is_same_v<T, bool>) {
          out.append(x ? "true" : "false");
        } else {
          out.push_back('[');
          for (size_t i = 0; i < x.size(); ++i) {
            if (i > 0) out.push_back(',');
            string(out, x[i]);
          }
          out.push_back(']');
        }
      },
      v);
}

// The attributes and the provenance list, then the closing brace.
void tail(std::string& out, const Attrs& attrs, const std::vector<Provenance>& provenance,
          bool edge) {
  for (const auto& [key, v] : attrs) {
    if (reserved(key, edge)) continue;
    out.push_back(',');
    string(out, key);
    out.push_back(':');
    value(out, v);
  }
  out.append(",\"provenance\":[");
  for (size_t i = 0; i < provenance.size(); ++i) {
    const Provenance& p = provenance[i];
    out.append(i > 0 ? ",{\"doc\":" : "{\"doc\":");
    string(out, p.doc);
    out.append(",\"end\":");
    append_number(out, p.end);
    out.append(",\"rule\":");
    string(out, p.rule);
    out.append(",\"start\":");
    append_number(out, p.start);
    out.push_back('}');
  }
  out.append("]}");
}

}  // namespace

Status write_node_link_json(const View& view, std::ostream& stream) {
  const Graph& graph = view.graph();
  try {
    Sink sink(stream);
    std::string& out = sink.buffer();
    out.append(kHeader);
    bool first = true;
    for (auto v : view.vertices()) {
      const Node& n = graph.node(v);
      out.append(first ? "\n{\"id\":" : ",\n{\"id\":");
      first = false;
      string(out, n.id);
      out.append(",\"type\":");
      string(out, n.type);
      out.append(",\"label\":");
      string(out, n.label.empty() ? n.id : n.label);  // as in every other format
      tail(out, n.attrs, n.provenance, false);
      sink.commit();
    }
    out.append("\n],\n\"links\": [");

    // The multigraph key of a link counts the earlier links between the same ordered
    // pair of nodes: 0, 1, 2, ... in edges() order.
    const auto& adjacency = graph.adjacency();
    const uint64_t n = graph.num_nodes();
    std::unordered_map<uint64_t, uint32_t> next_key;
    first = true;
    for (auto e : view.edges()) {
      const Edge& edge = graph.edge(e);
      const uint64_t pair = boost::source(e, adjacency) * n + boost::target(e, adjacency);
      out.append(first ? "\n{\"source\":" : ",\n{\"source\":");
      first = false;
      string(out, edge.source);
      out.append(",\"target\":");
      string(out, edge.target);
      out.append(",\"key\":");
      append_number(out, next_key[pair]++);
      out.append(",\"type\":");
      string(out, edge.type);
      tail(out, edge.attrs, edge.provenance, true);
      sink.commit();
    }
    out.append("\n]}\n");
    if (!sink.finish()) return Status::Storage("JSON export: writing the output failed");
    return Status::Ok();
  } catch (const std::exception& e) {
    return Status::Storage(std::string("JSON export failed: ") + e.what());
  }
}

Status write_node_link_json(const Graph& graph, std::ostream& out) {
  return write_node_link_json(View(graph), out);
}

}  // namespace kg::exporter
