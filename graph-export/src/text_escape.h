// Escaping of arbitrary bytes for XML 1.0 and JSON output. Input strings may carry
// invalid UTF-8; the output is always well-formed UTF-8 (invalid bytes become U+FFFD).
#pragma once

#include <string>
#include <string_view>

namespace kg::exporter {

enum class XmlContext {
  kText,           // element content: quotes, \t and \n stay literal
  kAttribute,      // attribute value in "...": " as entity, \t \n \r as character references
  kAposAttribute,  // attribute value in '...': ' as entity, \t \n \r as character references
};

// Appends s XML-escaped (& < > and \r always, the rest as context says) to out. Characters illegal
// in XML 1.0 (C0 controls other than \t \n \r, U+FFFE, U+FFFF, surrogate code points) are removed;
// each byte that is not part of a well-formed UTF-8 sequence becomes U+FFFD.
void append_xml_escaped(std::string& out, std::string_view s, XmlContext context);

// Appends s as an xsd:token in an attribute value: escaped as kAttribute, with every run of
// XML whitespace (space, tab, newline, carriage return) turned into one space and none
// at either end.
void append_xml_token(std::string& out, std::string_view s);

// Appends s as the body of a JSON string (without quotes) to out: " and \ escaped,
// C0 controls as escapes, invalid UTF-8 and surrogate code points as U+FFFD.
void append_json_escaped(std::string& out, std::string_view s);

// Appends s as the body of a double-quoted CSV field: '"' doubled, C0 controls other
// than tab, newline and carriage return removed, invalid UTF-8 as U+FFFD; with
// list_element, ';' (the list separator) becomes ','.
void append_csv_escaped(std::string& out, std::string_view s, bool list_element = false);

}  // namespace kg::exporter
