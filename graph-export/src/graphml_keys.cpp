#include "graphml_keys.h"

#include <set>
#include <type_traits>

namespace kg::exporter {
namespace {

constexpr std::string_view kString = "string";

std::string_view attr_type(const Value& value) {
  return std::visit(
      [](const auto& v) -> std::string_view {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, int64_t>) return "long";
        if constexpr (std::is_same_v<T, double>) return "double";
        if constexpr (std::is_same_v<T, bool>) return "boolean";
        return kString;
      },
      value);
}

// Key ids are NMTOKENs: anything outside [A-Za-z0-9_.-] becomes '_', and a numeric
// suffix keeps two names that sanitise alike apart.
std::string key_id(char prefix, std::string_view name, std::set<std::string>& used) {
  std::string id{prefix, '_'};
  for (char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '.' || c == '-';
    id.push_back(keep ? c : '_');
  }
  std::string unique = id;
  for (int n = 2; !used.insert(unique).second; ++n) unique = id + '_' + std::to_string(n);
  return unique;
}

void scan(const Attrs& attrs, std::map<std::string, std::string_view, std::less<>>& types) {
  for (const auto& [name, value] : attrs) {
    if (reserved_attribute(name)) continue;
    const std::string_view type = attr_type(value);
    auto it = types.find(name);
    if (it == types.end()) {
      types.emplace(name, type);
    } else if (it->second != type) {
      it->second = kString;
    }
  }
}

}  // namespace

// id, source and target are XML attributes of <node>/<edge>, not <data>, so only the
// names with keys of their own are reserved.
bool reserved_attribute(std::string_view name) {
  return name == "id" || name == "type" || name == "label" || name == "provenance";
}

Keys collect_keys(const Graph& graph, Domain domain) {
  std::map<std::string, std::string_view, std::less<>> types;
  if (domain == Domain::kNode) {
    for (auto v : graph.vertices()) scan(graph.node(v).attrs, types);
  } else {
    for (auto e : graph.edges()) scan(graph.edge(e).attrs, types);
  }

  const char prefix = domain == Domain::kNode ? 'n' : 'e';
  std::set<std::string> used;
  Keys keys;
  auto declare = [&](std::string_view name, std::string_view type) {
    KeyDecl decl{key_id(prefix, name, used), std::string(name), type, {}};
    decl.open = "<data key=\"" + decl.id + "\">";
    keys.decls.push_back(std::move(decl));
    return keys.decls.size() - 1;
  };
  keys.label = declare("label", kString);
  keys.type = declare("type", kString);
  for (const auto& [name, type] : types) keys.by_attribute.emplace(name, declare(name, type));
  keys.provenance = declare("provenance", kString);
  return keys;
}

}  // namespace kg::exporter
