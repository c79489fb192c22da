// What the gazetteer says about an entity id, merged over all its lines: aliases are
// further lines of the same id, and only one of them needs to carry name and attrs.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "match/rules.h"

namespace kg {

struct EntityInfo {
  std::string name;      // the "name" of any line, else the first pattern
  nlohmann::json attrs;  // union of the lines' attrs (first value of a key wins)
  bool has(const char* key, std::string_view value) const {
    auto it = attrs.find(key);
    return it != attrs.end() && it->is_string() && it->get<std::string>() == value;
  }
};

using EntityTable = std::unordered_map<std::string, EntityInfo>;

inline EntityTable build_entity_table(const std::vector<GazetteerEntry>& entries) {
  EntityTable table;
  for (const GazetteerEntry& e : entries) {
    EntityInfo& info = table[e.id];
    if (!e.name.empty() && (info.name.empty() || info.name == e.pattern)) info.name = e.name;
    if (info.name.empty()) info.name = e.pattern;
    if (!info.attrs.is_object()) info.attrs = nlohmann::json::object();
    if (e.attrs.is_object()) {
      for (const auto& [k, v] : e.attrs.items()) info.attrs.emplace(k, v);
    }
  }
  return table;
}

}  // namespace kg
