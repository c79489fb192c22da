// Fragment <-> JSON (and the compact MessagePack form the store keeps). The JSON form
// of nodes and edges is also the node-link JSON layout of the export.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/status.h"
#include "graph/model.h"

namespace kg {

nlohmann::json to_json(const Value& v);
nlohmann::json to_json(const Provenance& p);
nlohmann::json to_json(const Node& n);  // {"id","type","label",attrs...,"provenance":[...]}
nlohmann::json to_json(const Edge& e);  // {"source","target","type",attrs...,"provenance":[...]}
nlohmann::json to_json(const Fragment& f);

Result<Fragment> fragment_from_json(const nlohmann::json& j);

// The store's form: MessagePack of the JSON form, written and read without building JSON
// (fragment_codec.cpp). decode_fragment accepts any MessagePack encoding of that form and
// fails with Code::kStorage, saying why, on anything else.
std::string encode_fragment(const Fragment& f);
Result<Fragment> decode_fragment(std::string_view bytes);

}  // namespace kg
