// Person nodes from parsed names: register resolution, party and office evidence.
#include <algorithm>

#include "graph/schema.h"
#include "resolve/doc_state.h"

namespace kg {
namespace {

// True when a gazetteer organisation, party or country overlaps the range: "Armenië" in
// "besluit Armenië binnen te vallen", "Veiligheid" split off "Justitie en Veiligheid" are
// not persons.
bool names_an_entity(const DocState& st, Range r) {
  auto it = std::lower_bound(st.entities.begin(), st.entities.end(), r.end,
                             [](const EntityMatch& m, uint32_t e) { return m.range.begin < e; });
  while (it != st.entities.begin()) {
    --it;
    if (it->range.end <= r.begin) break;
    const std::string& label = it->entry->label;
    if (label == "ORG" || label == "PARTY" || label == "COUNTRY") return true;
  }
  return false;
}

// The office a title or group names: "minister", "staatssecretaris" or "".
std::string office_role(std::string_view folded) {
  if (folded.find("staatssecretaris") != std::string_view::npos) return "staatssecretaris";
  if (folded.find("minister") != std::string_view::npos) return "minister";
  return "";
}

struct Evidence {
  const EntityMatch* party = nullptr;
  const EntityMatch* ministry = nullptr;
  std::string role;
};

Evidence gather(const DocState& st, const PersonRef& ref, const std::vector<Range>& shared) {
  Evidence ev;
  ev.role = office_role(ref.title);
  std::vector<Range> groups = ref.groups;
  groups.insert(groups.end(), shared.begin(), shared.end());
  for (Range g : groups) {
    if (auto parties = st.entities_in(g, "PARTY"); !parties.empty() && !ev.party) {
      ev.party = parties.front();
    }
    for (const EntityMatch* m : st.entities_in(g, "ORG")) {
      auto info = st.info.find(m->entry->id);
      if (!ev.ministry && info != st.info.end() && info->second.has("kind", "ministry")) {
        ev.ministry = m;
      }
    }
    if (ev.role.empty()) ev.role = office_role(fold(st.slice(g)));
  }
  if (ev.ministry && ev.role.empty()) ev.role = "minister";
  return ev;
}

// Edge attributes of a membership or office: the document's date, and the term the
// register knows for it ("from"/"to") when the date falls inside one.
Attrs dated(const RegisteredPerson* reg, const std::string& org, const std::string& date) {
  Attrs attrs{{"date", date}};
  if (!reg || date.empty()) return attrs;
  for (const Affiliation& a : reg->affiliations) {
    if (a.org != org || !a.active_on(date)) continue;
    if (!a.from.empty()) attrs["from"] = a.from;
    if (!a.to.empty()) attrs["to"] = a.to;
    break;
  }
  return attrs;
}

void add_alias(Node& n, const std::string& alias) {
  auto& v = n.attrs["aliases"];
  if (!std::holds_alternative<std::vector<std::string>>(v)) v = std::vector<std::string>{};
  auto& list = std::get<std::vector<std::string>>(v);
  if (std::find(list.begin(), list.end(), alias) == list.end()) list.push_back(alias);
}

}  // namespace

std::string add_person(DocState& st, const PersonRef& ref, const std::vector<Range>& shared,
                       std::string_view rule) {
  if (names_an_entity(st, ref.name)) return "";
  Evidence ev = gather(st, ref, shared);
  NameEvidence evidence{ref.tokens,
                        {},
                        ev.ministry && !ev.role.empty() ? ev.ministry->entry->id : "",
                        !ev.role.empty(),
                        st.date};
  if (ev.party) {
    evidence.parties.push_back(ev.party->entry->id);
    auto info = st.info.find(ev.party->entry->id);
    if (info != st.info.end() && info->second.attrs.contains("joins")) {
      for (const auto& joined : info->second.attrs["joins"]) {
        if (joined.is_string()) evidence.parties.push_back(joined.get<std::string>());
      }
    }
  }
  const RegisteredPerson* reg = st.persons.resolve(evidence);
  if (!reg && !evidence.office_org.empty()) {
    // The register may lack this ministry (it ends in 2022, portfolios move): retry
    // with the office title alone.
    evidence.office_org.clear();
    reg = st.persons.resolve(evidence);
  }
  NameSplit split = st.persons.split(ref.tokens);
  std::string mention = display(st.slice(ref.name));
  // Someone the register does not know is identified by surname and, when the document
  // names it, party: two unregistered namesakes of different parties stay apart.
  std::string id = reg ? reg->id : person_slug(split.surname);
  if (id == "person:") return "";
  if (!reg && ev.party) id += "-" + ev.party->entry->id.substr(ev.party->entry->id.find(':') + 1);

  Provenance p = st.out.provenance(ref.range, rule);
  Node& person = st.out.node(id, node_type::kPerson, reg ? reg->name : mention, p);
  add_alias(person, mention);
  if (reg) {
    person.attrs.emplace("surname", reg->surname);
    person.attrs.emplace("forename", reg->forename);
    if (!reg->wikipedia.empty()) person.attrs.emplace("wikipedia", reg->wikipedia);
    if (!reg->sex.empty()) person.attrs.emplace("sex", reg->sex);
    person.attrs.emplace("register", std::string("ParlaMint-NL"));
  } else {
    person.attrs.emplace("surname", split.surname);
    if (!split.forename.empty()) person.attrs.emplace("forename", split.forename);
  }

  std::string date = st.date ? st.date->iso() : std::string();
  if (ev.party) {
    Provenance pp = st.out.provenance(ev.party->range, rule);
    st.entity_node(ev.party->entry->id, node_type::kParty, pp);
    st.out.edge(id, ev.party->entry->id, edge_type::kMemberOf, pp,
                dated(reg, ev.party->entry->id, date));
  } else if (reg) {
    std::string party = st.persons.party_on(*reg, st.date);
    if (!party.empty()) {
      Provenance pr = st.out.provenance(ref.name, "register:" + reg->where);
      st.entity_node(party, node_type::kParty, pr);
      st.out.edge(id, party, edge_type::kMemberOf, pr, dated(reg, party, date));
    }
  }
  if (ev.ministry && !ev.role.empty()) {
    Provenance po = st.out.provenance(ev.ministry->range, rule);
    st.entity_node(ev.ministry->entry->id, node_type::kOrganization, po);
    Attrs attrs = dated(reg, ev.ministry->entry->id, date);
    attrs["role"] = ev.role;
    st.out.edge(id, ev.ministry->entry->id, edge_type::kHoldsOffice, po, std::move(attrs));
  }
  return id;
}

std::vector<NodeRef> add_persons(DocState& st, const PatternMatch& m, std::string_view slot) {
  std::vector<NodeRef> out;
  const Capture* c = m.get(slot);
  if (!c || c->range.empty()) return out;
  PersonList list = parse_person_list(st.text.text, c->range);
  for (const char* evidence : {"party", "office"}) {
    if (const Capture* e = m.get(evidence); e && !e->range.empty()) {
      list.shared_groups.push_back(e->range);
    }
  }
  for (const PersonRef& ref : list.persons) {
    std::string id = add_person(st, ref, list.shared_groups, m.rule->id);
    if (!id.empty()) out.push_back({std::move(id), ref.name});
  }
  return out;
}

}  // namespace kg
