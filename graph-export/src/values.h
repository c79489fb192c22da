// Attribute values and provenance as text, shared by the XML and CSV writers.
#pragma once

#include <charconv>
#include <string>
#include <vector>

#include "graph/model.h"
#include "text_escape.h"

namespace kg::exporter {

template <class T>
void append_number(std::string& out, T value) {
  char digits[32];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, end);
}

// Shortest round-trip form; xs:double's NaN, INF and -INF for the special values.
void append_double(std::string& out, double value);

// A value XML-escaped for context: numbers and booleans (true/false) as XML Schema
// spells them, strings escaped, lists joined with ';'. Every value is written the same
// way whatever its declared type, so a name with mixed types (declared string) needs
// no special case.
void append_xml_value(std::string& out, const Value& value, XmlContext context);

// The provenance list as compact JSON ([{"doc","start","end","rule"}, ...]) into json,
// which is cleared first (a reused scratch buffer).
void provenance_json(std::string& json, const std::vector<Provenance>& provenance);

}  // namespace kg::exporter
