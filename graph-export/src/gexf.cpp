// GEXF 1.3 writer. Streams like the GraphML writer; besides the attribute declarations
// it holds the Timeline and the degree of every vertex (both per vertex, not per byte
// of output).

#include <string>

#include "attr_schema.h"
#include "gexf_viz.h"
#include "kamergraph/export/export.h"
#include "kamergraph/export/timeline.h"
#include "sink.h"
#include "values.h"

namespace kg::exporter {
namespace {

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
    "  <meta>\n    <creator>kamergraph</creator>\n"
    "    <description>Who said what in Dutch parliamentary documents: a typed knowledge "
    "graph with provenance</description>\n  </meta>\n";

// yyyy-mm-dd without a temporary string.
std::string& append_day(std::string& out, Day day) {
  char text[10] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0'};
  for (int at : {9, 8, 6, 5, 3, 2, 1, 0}) {
    text[at] = static_cast<char>('0' + day % 10);
    day /= 10;
  }
  return out.append(text, sizeof text);
}

class Writer {
 public:
  Writer(std::ostream& out, const View& view)
      : sink_(out),
        view_(view),
        timeline_(view.graph()),
        degree_(view.degrees()),
        node_attrs_(scan_attributes(view, Domain::kNode)),
        edge_attrs_(scan_attributes(view, Domain::kEdge)) {}

  [[nodiscard]] bool write() {
    const Graph& graph = view_.graph();
    bool dynamic = false;
    for (auto v : view_.vertices()) dynamic = dynamic || timeline_.node(v).start != 0;
    sink_.put(kHeader);
    sink_.put(dynamic ? "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" "
                        "timeformat=\"date\" timerepresentation=\"interval\">\n"
                      : "  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    declare("node", node_attrs_);
    declare("edge", edge_attrs_);

    std::string& out = sink_.buffer();
    out.append("    <nodes count=\"");
    append_number(out, view_.num_nodes());
    out.append("\">\n");
    for (auto v : view_.vertices()) {
      node(graph.node(v), timeline_.node(v), degree_[v]);
      sink_.commit();
    }
    sink_.put("    </nodes>\n    <edges count=\"");
    append_number(sink_.buffer(), view_.num_edges());
    sink_.put("\">\n");
    size_t index = 0;
    for (auto e : view_.edges()) {
      edge(graph.edge(e), timeline_.edge(e), index++);
      sink_.commit();
    }
    sink_.put("    </edges>\n  </graph>\n</gexf>\n");
    return sink_.finish();
  }

 private:
  void declare(std::string_view cls, const std::vector<AttrDecl>& attrs) {
    std::string& out = sink_.buffer();
    out.append("    <attributes class=\"").append(cls).append("\">\n");
    auto one = [&out](std::string_view name, std::string_view type) {
      out.append("      <attribute id=\"");
      append_xml_escaped(out, name, XmlContext::kAttribute);
      out.append("\" title=\"");
      append_xml_escaped(out, name, XmlContext::kAttribute);
      out.append("\" type=\"").append(type).append("\"/>\n");
    };
    one("type", "string");
    for (const AttrDecl& a : attrs) one(a.name, xml_type_name(a.type));
    one("provenance", "string");
    out.append("    </attributes>\n");
  }

  void time(const Span& span) {
    std::string& out = sink_.buffer();
    if (span.start != 0) append_day(out.append(" start=\""), span.start).push_back('"');
    if (span.end != 0) append_day(out.append(" end=\""), span.end).push_back('"');
  }

  // <attvalues> with type, every exported attribute and provenance. Attributes of a
  // reserved name are skipped, as in scan_attributes(). Values are delimited by ' so
  // that the quotes of provenance JSON need no escaping.
  void attvalues(std::string_view type, const Attrs& attrs,
                 const std::vector<Provenance>& provenance) {
    std::string& out = sink_.buffer();
    out.append("<attvalues><attvalue for=\"type\" value='");
    append_xml_escaped(out, type, XmlContext::kAposAttribute);
    out.append("'/>");
    for (const auto& [name, value] : attrs) {
      if (reserved_attribute(name)) continue;
      out.append("<attvalue for=\"");
      append_xml_escaped(out, name, XmlContext::kAttribute);
      out.append("\" value='");
      append_xml_value(out, value, XmlContext::kAposAttribute);
      out.append("'/>");
    }
    provenance_json(scratch_, provenance);
    out.append("<attvalue for=\"provenance\" value='");
    append_xml_escaped(out, scratch_, XmlContext::kAposAttribute);
    out.append("'/></attvalues>");
  }

  // An empty label falls back to the id, as in GraphML.
  void node(const Node& n, const Span& span, uint32_t degree) {
    std::string& out = sink_.buffer();
    out.append("      <node id=\"");
    append_xml_escaped(out, n.id, XmlContext::kAttribute);
    out.append("\" label=\"");
    append_xml_token(out, n.label.empty() ? n.id : n.label);
    out.push_back('"');
    time(span);
    out.push_back('>');
    attvalues(n.type, n.attrs, n.provenance);
    const Rgb c = type_colour(n.type);
    out.append("<viz:color r=\"");
    append_number(out, c.r);
    out.append("\" g=\"");
    append_number(out, c.g);
    out.append("\" b=\"");
    append_number(out, c.b);
    out.append("\"/><viz:size value=\"");
    append_double(out, degree_size(degree));
    out.append("\"/></node>\n");
  }

  void edge(const Edge& e, const Span& span, size_t index) {
    std::string& out = sink_.buffer();
    out.append("      <edge id=\"e");
    append_number(out, index);
    out.append("\" source=\"");
    append_xml_escaped(out, e.source, XmlContext::kAttribute);
    out.append("\" target=\"");
    append_xml_escaped(out, e.target, XmlContext::kAttribute);
    out.append("\" kind=\"");
    append_xml_token(out, e.type);
    out.append("\" label=\"");
    append_xml_token(out, e.type);
    out.push_back('"');
    time(span);
    out.push_back('>');
    attvalues(e.type, e.attrs, e.provenance);
    out.append("</edge>\n");
  }

  Sink sink_;
  const View& view_;
  const Timeline timeline_;
  const std::vector<uint32_t> degree_;
  const std::vector<AttrDecl> node_attrs_;
  const std::vector<AttrDecl> edge_attrs_;
  std::string scratch_;
};

}  // namespace

Status write_gexf(const View& view, std::ostream& out) {
  return run_writer<Writer>("GEXF", out, view);
}

Status write_gexf(const Graph& graph, std::ostream& out) { return write_gexf(View(graph), out); }

}  // namespace kg::exporter
