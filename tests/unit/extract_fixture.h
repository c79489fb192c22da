// Shared by the extractor tests: the real rules/, one extractor for the whole test binary,
// and queries on the fragment a document written for a test yields.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"
#include "read/source.h"
#include "resolve/extract.h"

namespace kgtest {

inline const kg::Extractor& extractor() {
  static const kg::RuleSet* rules = [] {
    std::vector<kg::RuleError> errors;
    auto r = kg::RuleSet::load(KG_SOURCE_DIR "/rules", &errors);
    REQUIRE(r.ok());
    return new kg::RuleSet(std::move(r).value());
  }();
  static const std::unique_ptr<kg::Extractor> ex = [] {
    auto e = kg::Extractor::create(*rules);
    REQUIRE(e.ok());
    return std::move(e).value();
  }();
  return *ex;
}

inline kg::Fragment extract(const std::string& text, const std::string& path = "test.txt") {
  kg::SourceFile source;
  source.path = path;
  source.bytes = text;
  source.sha256 = kg::sha256_hex(text);
  return extractor().extract(source);
}

// A string, integer or boolean attribute as text; "" when absent or of another type.
inline std::string attr(const kg::Node& n, const std::string& key) {
  auto it = n.attrs.find(key);
  if (it == n.attrs.end()) return "";
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  if (const auto* i = std::get_if<int64_t>(&it->second)) return std::to_string(*i);
  if (const auto* b = std::get_if<bool>(&it->second)) return *b ? "true" : "false";
  return "";
}

inline const kg::Node* node(const kg::Fragment& f, const std::string& id) {
  auto it =
      std::find_if(f.nodes.begin(), f.nodes.end(), [&](const kg::Node& n) { return n.id == id; });
  return it == f.nodes.end() ? nullptr : &*it;
}

inline std::vector<const kg::Node*> nodes_of(const kg::Fragment& f, std::string_view type) {
  std::vector<const kg::Node*> out;
  for (const kg::Node& n : f.nodes) {
    if (n.type == type) out.push_back(&n);
  }
  return out;
}

// Targets of the edges of a type from a node, or sources of those into it.
inline std::vector<std::string> edges_from(const kg::Fragment& f, const std::string& source,
                                           std::string_view type) {
  std::vector<std::string> out;
  for (const kg::Edge& e : f.edges) {
    if (e.source == source && e.type == type) out.push_back(e.target);
  }
  return out;
}
inline std::vector<std::string> edges_into(const kg::Fragment& f, const std::string& target,
                                           std::string_view type) {
  std::vector<std::string> out;
  for (const kg::Edge& e : f.edges) {
    if (e.target == target && e.type == type) out.push_back(e.source);
  }
  return out;
}

}  // namespace kgtest
