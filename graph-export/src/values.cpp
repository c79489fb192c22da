#include "values.h"

#include <cmath>
#include <type_traits>

namespace kg::exporter {

void append_double(std::string& out, double value) {
  if (std::isnan(value)) {
    out.append("NaN");
  } else if (std::isinf(value)) {
    out.append(value > 0 ? "INF" : "-INF");
  } else {
    append_number(out, value);
  }
}

void append_xml_value(std::string& out, const Value& value, XmlContext context) {
  std::visit(
      [&out, context](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          append_xml_escaped(out, v, context);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          append_number(out, v);
        } else if constexpr (std::is_same_v<T, double>) {
          append_double(out, v);
        } else if constexpr (std::is_same_v<T, bool>) {
          out.append(v ? "true" : "false");
        } else {
          for (size_t i = 0; i < v.size(); ++i) {
            if (i > 0) out.push_back(';');
            append_xml_escaped(out, v[i], context);
          }
        }
      },
      value);
}

void provenance_json(std::string& json, const std::vector<Provenance>& provenance) {
  json.clear();
  json.push_back('[');
  for (size_t i = 0; i < provenance.size(); ++i) {
    const Provenance& p = provenance[i];
    json.append(i > 0 ? ",{\"doc\":\"" : "{\"doc\":\"");
    append_json_escaped(json, p.doc);
    json.append("\",\"start\":");
    append_number(json, p.start);
    json.append(",\"end\":");
    append_number(json, p.end);
    json.append(",\"rule\":\"");
    append_json_escaped(json, p.rule);
    json.append("\"}");
  }
  json.push_back(']');
}

}  // namespace kg::exporter
