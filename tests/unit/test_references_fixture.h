// Shared by the reference tests: the real rules, the extractor, and small documents in the
// layouts of the genre written for the tests.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract_fixture.h"
#include "graph/schema.h"

namespace refs_test {

using kgtest::attr;
using kgtest::extract;
using kgtest::node;

// An Aanhangsel document answered on 2 April 2023 whose answer 1 is `answer`.
inline kg::Fragment answer(const std::string& answer, const std::string& header_extra = "") {
  return extract(
      "Vragen van het lid Jansen (VVD) aan de Minister van Justitie en Veiligheid over\n"
      "camera's in gemeentehuizen (ingezonden 1 maart 2023).\n\n"
      "Antwoord van Minister De Vries (Justitie en Veiligheid) (ontvangen 2 april 2023)." +
      header_extra + "\n\nVraag 1\nWat vindt u van het bericht?\n\nAntwoord 1\n" + answer +
      "\n\nVraag 2\nBent u bereid dit te onderzoeken?\n\nAntwoord 2\nJa.\n");
}

inline size_t count_type(const kg::Fragment& f, std::string_view type) {
  return std::count_if(f.nodes.begin(), f.nodes.end(),
                       [&](const kg::Node& n) { return n.type == type; });
}

inline size_t count_prefix(const kg::Fragment& f, std::string_view prefix) {
  return std::count_if(f.nodes.begin(), f.nodes.end(),
                       [&](const kg::Node& n) { return n.id.starts_with(prefix); });
}

// The edge source -type-> target whose source id ends with `source_suffix` ("/a1").
inline const kg::Edge* edge(const kg::Fragment& f, const std::string& source_suffix,
                            std::string_view type, const std::string& target) {
  for (const kg::Edge& e : f.edges) {
    if (e.type == type && e.target == target && e.source.ends_with(source_suffix)) return &e;
  }
  return nullptr;
}

inline std::string edge_attr(const kg::Edge& e, const std::string& key) {
  auto it = e.attrs.find(key);
  if (it == e.attrs.end()) return "";
  const auto* s = std::get_if<std::string>(&it->second);
  return s ? *s : "";
}

}  // namespace refs_test
