// GraphML writer. Streams element by element into a Sink, one node or edge per line;
// the only state that grows with the graph is the key declarations, collected by one
// scan before writing.

#include <charconv>
#include <cmath>
#include <exception>
#include <string>
#include <type_traits>

#include "graphml_keys.h"
#include "kamergraph/export/export.h"
#include "sink.h"
#include "text_escape.h"

namespace kg::exporter {
namespace {

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

template <class T>
void append_number(std::string& out, T value) {
  char digits[32];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

// xs:double spells the special values NaN, INF and -INF.
void append_double(std::string& out, double value) {
  if (std::isnan(value)) {
    out.append("NaN");
  } else if (std::isinf(value)) {
    out.append(value > 0 ? "INF" : "-INF");
  } else {
    append_number(out, value);
  }
}

// Every value is written the same way whatever its declared type, so a name with
// mixed types (declared string) needs no special case.
void append_value(std::string& out, const Value& value) {
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          append_xml_escaped(out, v, XmlContext::kText);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          append_number(out, v);
        } else if constexpr (std::is_same_v<T, double>) {
          append_double(out, v);
        } else if constexpr (std::is_same_v<T, bool>) {
          out.append(v ? "true" : "false");
        } else {
          for (size_t i = 0; i < v.size(); ++i) {
            if (i > 0) out.push_back(';');
            append_xml_escaped(out, v[i], XmlContext::kText);
          }
        }
      },
      value);
}

// The provenance list as compact JSON, built in a reused scratch buffer.
void provenance_json(std::string& json, const std::vector<Provenance>& provenance) {
  json.clear();
  json.push_back('[');
  for (size_t i = 0; i < provenance.size(); ++i) {
    const Provenance& p = provenance[i];
    json.append(i > 0 ? ",{\"doc\":\"" : "{\"doc\":\"");
    append_json_escaped(json, p.doc);
    json.append("\",\"start\":");
    append_number(json, p.start);
    json.append(",\"end\":");
    append_number(json, p.end);
    json.append(",\"rule\":\"");
    append_json_escaped(json, p.rule);
    json.append("\"}");
  }
  json.push_back(']');
}

class Writer {
 public:
  Writer(std::ostream& out, const Graph& graph)
      : sink_(out),
        graph_(graph),
        node_keys_(collect_keys(graph, Domain::kNode)),
        edge_keys_(collect_keys(graph, Domain::kEdge)) {}

  [[nodiscard]] bool write() {
    sink_.put(kHeader);
    declare(node_keys_, "node");
    declare(edge_keys_, "edge");
    sink_.put("  <graph id=\"kamergraph\" edgedefault=\"directed\">\n");
    for (auto v : graph_.vertices()) {
      node(graph_.node(v));
      sink_.commit();
    }
    size_t index = 0;
    for (auto e : graph_.edges()) {
      edge(graph_.edge(e), index++);
      sink_.commit();
    }
    sink_.put("  </graph>\n</graphml>\n");
    return sink_.finish();
  }

 private:
  void declare(const Keys& keys, std::string_view domain) {
    std::string& out = sink_.buffer();
    for (const KeyDecl& key : keys.decls) {
      out.append("  <key id=\"").append(key.id).append("\" for=\"").append(domain);
      out.append("\" attr.name=\"");
      append_xml_escaped(out, key.name, XmlContext::kAttribute);
      out.append("\" attr.type=\"").append(key.type).append("\"/>\n");
    }
  }

  void data_open(const Keys& keys, size_t index) { sink_.put(keys.decls[index].open); }

  void text(const Keys& keys, size_t index, std::string_view s) {
    data_open(keys, index);
    append_xml_escaped(sink_.buffer(), s, XmlContext::kText);
    sink_.put("</data>");
  }

  void attributes(const Keys& keys, const Attrs& attrs) {
    for (const auto& [name, value] : attrs) {
      auto it = keys.by_attribute.find(name);
      if (it == keys.by_attribute.end()) continue;  // a reserved name
      data_open(keys, it->second);
      append_value(sink_.buffer(), value);
      sink_.put("</data>");
    }
  }

  void provenance(const Keys& keys, const std::vector<Provenance>& provenance) {
    provenance_json(scratch_, provenance);
    text(keys, keys.provenance, scratch_);
  }

  // An empty label falls back to the id: readers drop empty <data>, and every node
  // must carry a label.
  void node(const Node& n) {
    std::string& out = sink_.buffer();
    out.append("    <node id=\"");
    append_xml_escaped(out, n.id, XmlContext::kAttribute);
    out.append("\">");
    text(node_keys_, node_keys_.label, n.label.empty() ? n.id : n.label);
    text(node_keys_, node_keys_.type, n.type);
    attributes(node_keys_, n.attrs);
    provenance(node_keys_, n.provenance);
    sink_.put("</node>\n");
  }

  void edge(const Edge& e, size_t index) {
    std::string& out = sink_.buffer();
    out.append("    <edge id=\"e");
    append_number(out, index);
    out.append("\" source=\"");
    append_xml_escaped(out, e.source, XmlContext::kAttribute);
    out.append("\" target=\"");
    append_xml_escaped(out, e.target, XmlContext::kAttribute);
    out.append("\">");
    text(edge_keys_, edge_keys_.label, e.type);
    text(edge_keys_, edge_keys_.type, e.type);
    attributes(edge_keys_, e.attrs);
    provenance(edge_keys_, e.provenance);
    sink_.put("</edge>\n");
  }

  Sink sink_;
  const Graph& graph_;
  const Keys node_keys_;
  const Keys edge_keys_;
  std::string scratch_;
};

}  // namespace

Status write_graphml(const Graph& graph, std::ostream& out) {
  try {
    Writer writer(out, graph);
    if (!writer.write()) return Status::Storage("GraphML export: writing the output failed");
    return Status::Ok();
  } catch (const std::exception& e) {
    return Status::Storage(std::string("GraphML export failed: ") + e.what());
  }
}

}  // namespace kg::exporter
