// GraphML writer. Streams element by element into a Sink, one node or edge per line;
// the only state that grows with the graph is the key declarations, collected by one
// scan before writing.

#include <string>

#include "graphml_keys.h"
#include "kamergraph/export/export.h"
#include "sink.h"
#include "values.h"

namespace kg::exporter {
namespace {

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

class Writer {
 public:
  Writer(std::ostream& out, const View& view)
      : sink_(out),
        view_(view),
        node_keys_(collect_keys(view, Domain::kNode)),
        edge_keys_(collect_keys(view, Domain::kEdge)) {}

  [[nodiscard]] bool write() {
    sink_.put(kHeader);
    declare(node_keys_, "node");
    declare(edge_keys_, "edge");
    sink_.put("  <graph id=\"kamergraph\" edgedefault=\"directed\">\n");
    const Graph& graph = view_.graph();
    for (auto v : view_.vertices()) {
      node(graph.node(v));
      sink_.commit();
    }
    size_t index = 0;
    for (auto e : view_.edges()) {
      edge(graph.edge(e), index++);
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

  void text(const Keys& keys, size_t index, std::string_view s) {
    sink_.put(keys.decls[index].open);
    append_xml_escaped(sink_.buffer(), s, XmlContext::kText);
    sink_.put("</data>");
  }

  void attributes(const Keys& keys, const Attrs& attrs) {
    for (const auto& [name, value] : attrs) {
      auto it = keys.by_attribute.find(name);
      if (it == keys.by_attribute.end()) continue;  // a reserved name
      sink_.put(keys.decls[it->second].open);
      append_xml_value(sink_.buffer(), value, XmlContext::kText);
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
  const View& view_;
  const Keys node_keys_;
  const Keys edge_keys_;
  std::string scratch_;
};

}  // namespace

Status write_graphml(const View& view, std::ostream& out) {
  return run_writer<Writer>("GraphML", out, view);
}

Status write_graphml(const Graph& graph, std::ostream& out) {
  return write_graphml(View(graph), out);
}

}  // namespace kg::exporter
