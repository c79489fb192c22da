#include "attr_schema.h"

#include <map>
#include <type_traits>

namespace kg::exporter {
namespace {

bool iso_date(std::string_view s) {
  auto digit = [&](size_t i) { return s[i] >= '0' && s[i] <= '9'; };
  if (s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == 4 || i == 7 ? s[i] != '-' : !digit(i)) return false;
  }
  return true;
}

AttrType type_of(const Value& value) {
  return std::visit(
      [](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, int64_t>) return AttrType::kLong;
        if constexpr (std::is_same_v<T, double>) return AttrType::kDouble;
        if constexpr (std::is_same_v<T, bool>) return AttrType::kBoolean;
        if constexpr (std::is_same_v<T, std::vector<std::string>>) return AttrType::kList;
        if constexpr (std::is_same_v<T, std::string>) {
          return iso_date(v) ? AttrType::kDate : AttrType::kString;
        }
      },
      value);
}

AttrType merge(AttrType a, AttrType b) {
  if (a == b) return a;
  const bool numeric_a = a == AttrType::kLong || a == AttrType::kDouble;
  const bool numeric_b = b == AttrType::kLong || b == AttrType::kDouble;
  return numeric_a && numeric_b ? AttrType::kDouble : AttrType::kString;
}

void scan(const Attrs& attrs, std::map<std::string_view, AttrType>& types) {
  for (const auto& [name, value] : attrs) {
    if (reserved_attribute(name)) continue;
    const AttrType type = type_of(value);
    auto [it, added] = types.emplace(name, type);
    if (!added) it->second = merge(it->second, type);
  }
}

}  // namespace

std::string_view xml_type_name(AttrType type) {
  switch (type) {
    case AttrType::kLong:
      return "long";
    case AttrType::kDouble:
      return "double";
    case AttrType::kBoolean:
      return "boolean";
    default:
      return "string";
  }
}

// id, source and target are XML attributes of <node>/<edge>, not <data>, so only the
// names with keys of their own are reserved.
bool reserved_attribute(std::string_view name) {
  return name == "id" || name == "type" || name == "label" || name == "provenance";
}

std::vector<AttrDecl> scan_attributes(const View& view, Domain domain) {
  std::map<std::string_view, AttrType> types;
  const Graph& graph = view.graph();
  if (domain == Domain::kNode) {
    for (auto v : view.vertices()) scan(graph.node(v).attrs, types);
  } else {
    for (auto e : view.edges()) scan(graph.edge(e).attrs, types);
  }
  std::vector<AttrDecl> decls;
  decls.reserve(types.size());
  for (const auto& [name, type] : types) decls.push_back({std::string(name), type});
  return decls;
}

}  // namespace kg::exporter
