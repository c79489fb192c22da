// Gazetteer mentions become entity nodes with MENTIONS edges from the question, answer
// or document that contains them.
#include "graph/schema.h"
#include "resolve/doc_state.h"

namespace kg {
namespace {

// Gazetteer labels (spaCy convention) and the node type they produce.
std::string_view node_type_of(std::string_view label) {
  if (label == "ORG") return node_type::kOrganization;
  if (label == "PARTY") return node_type::kParty;
  if (label == "COUNTRY") return node_type::kCountry;
  if (label == "PERSON") return node_type::kPerson;
  if (label == "LAW") return node_type::kLegalInstrument;
  return {};
}

}  // namespace

Node& DocState::entity_node(const std::string& id, std::string_view type, const Provenance& p) {
  auto info = this->info.find(id);
  bool known = info != this->info.end();
  Node& n = out.node(id, type, known ? info->second.name : id, p);
  if (known && n.attrs.empty()) {
    for (const auto& [key, value] : info->second.attrs.items()) {
      if (value.is_string()) n.attrs.emplace(key, value.get<std::string>());
    }
  }
  return n;
}

void add_entity_mentions(DocState& st) {
  for (const EntityMatch& m : st.entities) {
    std::string_view type = node_type_of(m.entry->label);
    if (type.empty()) continue;
    Provenance p = st.out.provenance(m.range, "gazetteer:" + m.entry->where);
    Node& n = st.entity_node(m.entry->id, type, p);
    add_to_list(n.attrs, "aliases", display(st.slice(m.range)));  // "AP", "Da Jiang Innovations": found by name
    st.out.edge(st.container_of(m.range.begin), m.entry->id, edge_type::kMentions, p);
  }
}

}  // namespace kg
