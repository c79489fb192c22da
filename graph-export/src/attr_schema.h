// The attributes a View carries, each with one type, found by one scan before writing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kamergraph/export/view.h"

namespace kg::exporter {

enum class Domain { kNode, kEdge };

enum class AttrType {
  kString,
  kLong,
  kDouble,
  kBoolean,
  kDate,  // every value a string holding an ISO date, yyyy-mm or yyyy-mm-dd
  kList,  // every value a list of strings
};

struct AttrDecl {
  std::string name;
  AttrType type;
};

// The attribute type GraphML and GEXF declare for a type: long, double, boolean or string
// (dates are ISO strings and lists are joined with ';', so both are strings there).
std::string_view xml_type_name(AttrType type);

// Names that the exports own (id, type, label, provenance); attributes of the same name
// are not exported.
bool reserved_attribute(std::string_view name);

// Every non-reserved attribute found on any node (or edge) of the view, sorted by name.
// A name whose values have one type gets it; long and double merge to double; any other
// mix is a string (values written stringified).
std::vector<AttrDecl> scan_attributes(const View& view, Domain domain);

}  // namespace kg::exporter
