// neo4j-admin CSV writer: two tables, each with a typed header from one attribute scan
// and one row per node or relationship, streamed through a Sink.

#include <algorithm>
#include <cmath>
#include <exception>
#include <fstream>
#include <set>
#include <string>
#include <system_error>
#include <type_traits>

#include "attr_schema.h"
#include "kamergraph/export/export.h"
#include "sink.h"
#include "values.h"

namespace kg::exporter {
namespace {

// neo4j-admin's names: GraphML's for scalars, plus its own date and list types.
std::string_view neo4j_type(AttrType type) {
  if (type == AttrType::kDate) return "date";
  if (type == AttrType::kList) return "string[]";
  return xml_type_name(type);
}

bool property_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool clean_property(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), property_char);
}

// Header fields are name:type, so a property name keeps [A-Za-z0-9_] only. Names that
// already do keep their spelling; any other becomes its sanitised form with a numeric
// suffix when that is taken ("a b" -> "a_b_2" beside an attribute "a_b").
std::vector<std::string> property_names(const std::vector<AttrDecl>& attrs,
                                        std::set<std::string> used) {
  for (const AttrDecl& a : attrs) {
    if (clean_property(a.name)) used.insert(a.name);
  }
  std::vector<std::string> names;
  for (const AttrDecl& a : attrs) {
    if (clean_property(a.name)) {
      names.push_back(a.name);
      continue;
    }
    std::string id;
    for (char c : a.name) id.push_back(property_char(c) ? c : '_');
    if (id.empty()) id.push_back('_');
    std::string unique = id;
    for (int n = 2; !used.insert(unique).second; ++n) {
      unique.assign(id).append("_").append(std::to_string(n));
    }
    names.push_back(std::move(unique));
  }
  return names;
}

// Java's Double.parseDouble spelling of the special values.
void append_java_double(std::string& out, double v) {
  if (std::isnan(v)) {
    out.append("NaN");
  } else if (std::isinf(v)) {
    out.append(v > 0 ? "Infinity" : "-Infinity");
  } else {
    append_number(out, v);
  }
}

void quoted(std::string& out, std::string_view s) {
  out.push_back('"');
  append_csv_escaped(out, s);
  out.push_back('"');
}

// One field: numbers and booleans bare in columns of their type, everything else quoted
// (a value of another type in a string column is written stringified).
void field(std::string& out, const Value& value, AttrType column) {
  const bool bare =
      column == AttrType::kLong || column == AttrType::kDouble || column == AttrType::kBoolean;
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if (!bare) out.push_back('"');
        if constexpr (std::is_same_v<T, std::string>) {
          append_csv_escaped(out, v);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          append_number(out, v);
        } else if constexpr (std::is_same_v<T, double>) {
          append_java_double(out, v);
        } else if constexpr (std::is_same_v<T, bool>) {
          out.append(v ? "true" : "false");
        } else {
          for (size_t i = 0; i < v.size(); ++i) {
            if (i > 0) out.push_back(';');
            append_csv_escaped(out, v[i], column == AttrType::kList);
          }
        }
        if (!bare) out.push_back('"');
      },
      value);
}

class Table {
 public:
  Table(std::ostream& out, const View& view, Domain domain)
      : sink_(out), attrs_(scan_attributes(view, domain)) {}

  // The fixed leading columns, then name:type per attribute, then provenance.
  void header(std::initializer_list<std::string_view> fixed, std::set<std::string> used) {
    std::string& out = sink_.buffer();
    for (std::string_view f : fixed) out.append(f).push_back(',');
    const std::vector<std::string> names = property_names(attrs_, std::move(used));
    for (size_t i = 0; i < attrs_.size(); ++i) {
      out.append(names[i]).append(":").append(neo4j_type(attrs_[i].type)).push_back(',');
    }
    out.append("provenance:string\n");
  }

  std::string& row() { return sink_.buffer(); }

  // The attribute fields (one per declared attribute, empty when absent), provenance
  // and the end of the row. Attrs and attrs_ are both sorted by name: one merge pass.
  void finish_row(const Attrs& attrs, const std::vector<Provenance>& provenance) {
    std::string& out = sink_.buffer();
    auto it = attrs.begin();
    for (const AttrDecl& a : attrs_) {
      while (it != attrs.end() && it->first < a.name) ++it;
      if (it != attrs.end() && it->first == a.name) field(out, it->second, a.type);
      out.push_back(',');
    }
    provenance_json(scratch_, provenance);
    quoted(out, scratch_);
    out.push_back('\n');
    sink_.commit();
  }

  [[nodiscard]] bool finish() { return sink_.finish(); }

 private:
  Sink sink_;
  const std::vector<AttrDecl> attrs_;
  std::string scratch_;
};

}  // namespace

Status write_neo4j_csv(const View& view, std::ostream& nodes_out, std::ostream& edges_out) {
  try {
    const Graph& graph = view.graph();
    Table nodes(nodes_out, view, Domain::kNode);
    nodes.header({"id:ID", ":LABEL", "label:string"}, {"id", "label", "provenance"});
    for (auto v : view.vertices()) {
      const Node& n = graph.node(v);
      std::string& out = nodes.row();
      quoted(out, n.id);
      out.push_back(',');
      quoted(out, n.type);
      out.push_back(',');
      quoted(out, n.label.empty() ? n.id : n.label);
      out.push_back(',');
      nodes.finish_row(n.attrs, n.provenance);
    }
    Table edges(edges_out, view, Domain::kEdge);
    edges.header({":START_ID", ":END_ID", ":TYPE"}, {"provenance"});
    for (auto e : view.edges()) {
      const Edge& edge = graph.edge(e);
      std::string& out = edges.row();
      quoted(out, edge.source);
      out.push_back(',');
      quoted(out, edge.target);
      out.push_back(',');
      quoted(out, edge.type);
      out.push_back(',');
      edges.finish_row(edge.attrs, edge.provenance);
    }
    if (!nodes.finish() || !edges.finish()) {
      return Status::Storage("CSV export: writing the output failed");
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    return Status::Storage(std::string("CSV export failed: ") + e.what());
  }
}

Status write_neo4j_csv(const View& view, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::Input(dir.string() + ": cannot create the folder: " + ec.message());
  std::ofstream nodes(dir / "nodes.csv", std::ios::binary | std::ios::trunc);
  std::ofstream edges(dir / "relationships.csv", std::ios::binary | std::ios::trunc);
  if (!nodes || !edges) return Status::Input(dir.string() + ": cannot write the CSV files");
  return write_neo4j_csv(view, nodes, edges);
}

}  // namespace kg::exporter
