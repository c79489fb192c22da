#include "graph/serialize.h"

#include <exception>

#include "graph/fragment_codec.h"

namespace kg {
namespace {

using codec::reserved;

Value value_from_json(const nlohmann::json& j) {
  if (j.is_boolean()) return j.get<bool>();
  if (j.is_number_integer()) return j.get<int64_t>();
  if (j.is_number()) return j.get<double>();
  if (j.is_array()) return j.get<std::vector<std::string>>();
  return j.get<std::string>();
}

std::vector<Provenance> provenance_from_json(const nlohmann::json& j) {
  std::vector<Provenance> out;
  for (const auto& p : j) {
    out.push_back({p.at("doc").get<std::string>(), p.at("start").get<uint32_t>(),
                   p.at("end").get<uint32_t>(), p.at("rule").get<std::string>()});
  }
  return out;
}

Attrs attrs_from_json(const nlohmann::json& j, bool edge) {
  Attrs attrs;
  for (const auto& [key, value] : j.items()) {
    if (!reserved(key, edge)) attrs.emplace(key, value_from_json(value));
  }
  return attrs;
}

void put_attrs(nlohmann::json& j, const Attrs& attrs, bool edge) {
  for (const auto& [key, value] : attrs) {
    if (!reserved(key, edge)) j[key] = to_json(value);
  }
}

}  // namespace

nlohmann::json to_json(const Value& v) {
  return std::visit([](const auto& x) { return nlohmann::json(x); }, v);
}

nlohmann::json to_json(const Provenance& p) {
  return {{"doc", p.doc}, {"start", p.start}, {"end", p.end}, {"rule", p.rule}};
}

nlohmann::json to_json(const Node& n) {
  nlohmann::json j = {{"id", n.id}, {"type", n.type}, {"label", n.label}};
  put_attrs(j, n.attrs, false);
  auto& prov = j["provenance"] = nlohmann::json::array();
  for (const auto& p : n.provenance) prov.push_back(to_json(p));
  return j;
}

nlohmann::json to_json(const Edge& e) {
  nlohmann::json j = {{"source", e.source}, {"target", e.target}, {"type", e.type}};
  put_attrs(j, e.attrs, true);
  auto& prov = j["provenance"] = nlohmann::json::array();
  for (const auto& p : e.provenance) prov.push_back(to_json(p));
  return j;
}

nlohmann::json to_json(const Fragment& f) {
  nlohmann::json j = {{"doc", f.doc}, {"nodes", nlohmann::json::array()},
                      {"edges", nlohmann::json::array()}};
  for (const auto& n : f.nodes) j["nodes"].push_back(to_json(n));
  for (const auto& e : f.edges) j["edges"].push_back(to_json(e));
  return j;
}

Result<Fragment> fragment_from_json(const nlohmann::json& j) {
  try {
    Fragment f;
    f.doc = j.at("doc").get<std::string>();
    for (const auto& jn : j.at("nodes")) {
      f.nodes.push_back({jn.at("id").get<std::string>(), jn.at("type").get<std::string>(),
                         jn.at("label").get<std::string>(), attrs_from_json(jn, false),
                         provenance_from_json(jn.at("provenance"))});
    }
    for (const auto& je : j.at("edges")) {
      f.edges.push_back({je.at("source").get<std::string>(), je.at("target").get<std::string>(),
                         je.at("type").get<std::string>(), attrs_from_json(je, true),
                         provenance_from_json(je.at("provenance"))});
    }
    return f;
  } catch (const std::exception& e) {
    return Status::Storage(std::string("malformed fragment: ") + e.what());
  }
}

}  // namespace kg
