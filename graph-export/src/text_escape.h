// Escaping of arbitrary bytes for XML 1.0 and JSON output. Input strings may carry
// invalid UTF-8; the output is always well-formed UTF-8 (invalid bytes become U+FFFD).
#pragma once

#include <string>
#include <string_view>

namespace kg::exporter {

enum class XmlContext {
  kText,       // element content: \t and \n stay literal
  kAttribute,  // attribute value: \t \n \r become character references (no normalisation)
};

// Appends s XML-escaped (& < > " ' as entities) to out. Characters illegal in XML 1.0
// (C0 controls other than \t \n \r, U+FFFE, U+FFFF, surrogate code points) are removed;
// each byte that is not part of a well-formed UTF-8 sequence becomes U+FFFD.
void append_xml_escaped(std::string& out, std::string_view s, XmlContext context);

// Appends s as the body of a JSON string (without quotes) to out: " and \ escaped,
// C0 controls as escapes, invalid UTF-8 and surrogate code points as U+FFFD.
void append_json_escaped(std::string& out, std::string_view s);

}  // namespace kg::exporter
