// The GraphML <key> declarations of a View.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "attr_schema.h"

namespace kg::exporter {

struct KeyDecl {
  std::string id;    // "n_label", "e_type", ...: never a bare "d<N>" that Gephi treats specially
  std::string name;  // attr.name
  std::string_view type;  // attr.type: string, long, double or boolean
  std::string open;       // the ready-made opening tag <data key="...">
};

struct Keys {
  std::vector<KeyDecl> decls;  // declaration order: label, type, attributes by name, provenance
  std::map<std::string, size_t, std::less<>> by_attribute;  // attribute name -> index in decls
  size_t label = 0;
  size_t type = 0;
  size_t provenance = 0;
};

// Declares label, type and provenance, and every attribute of scan_attributes(); lists
// and dates are strings in GraphML.
Keys collect_keys(const View& view, Domain domain);

}  // namespace kg::exporter
