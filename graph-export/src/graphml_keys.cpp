#include "graphml_keys.h"

#include <set>

namespace kg::exporter {
namespace {

constexpr std::string_view kString = "string";

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

}  // namespace

Keys collect_keys(const View& view, Domain domain) {
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
  for (const AttrDecl& a : scan_attributes(view, domain)) {
    keys.by_attribute.emplace(a.name, declare(a.name, xml_type_name(a.type)));
  }
  keys.provenance = declare("provenance", kString);
  return keys;
}

}  // namespace kg::exporter
