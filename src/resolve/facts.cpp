// Facts from the regex rules (rules/patterns/*.jsonl). A rule's "fact" names what its
// captures mean; the capture names are the slots:
//   asked        persons, [addressees], [subject], [date], [zaak]
//   answered     persons, [cosigners], [office], [date]
//   cosigners    cosigners
//   date_submitted | date_answered | date_letter | date_published | delay_notice   date
//   title        title
//   zaak         zaak
//   see_also     ref
//   reference    ref
//   person_mention  persons, [party], [office]  (party, office: evidence for every person
//                   of the list: "VVD-Kamerlid X", "minister X van Justitie en Veiligheid")
#include <algorithm>

#include "graph/schema.h"
#include "resolve/doc_state.h"

namespace kg {
namespace {

void set_attr(DocState& st, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  Node* doc = st.out.find(st.doc_id);
  if (doc) doc->attrs.emplace(key, value);  // first rule that states it wins
}

void append_attr(DocState& st, const std::string& key, const std::string& value) {
  Node* doc = st.out.find(st.doc_id);
  if (doc && !value.empty()) add_to_list(doc->attrs, key, value);
}

std::string captured(const DocState& st, const PatternMatch& m, std::string_view name) {
  const Capture* c = m.get(name);
  return c && !c->range.empty() ? display(st.slice(c->range)) : std::string();
}

void date_fact(DocState& st, const PatternMatch& m, const std::string& key) {
  const Capture* c = m.get("date");
  if (!c || c->range.empty()) return;
  if (auto d = parse_dutch_date(st.slice(c->range), st.date)) set_attr(st, key, d->iso());
}

// The ids of the persons of a capture (add_persons).
std::vector<std::string> persons_in(DocState& st, const PatternMatch& m, const char* slot) {
  std::vector<std::string> ids;
  for (NodeRef& person : add_persons(st, m, slot)) ids.push_back(std::move(person.id));
  return ids;
}

// Ministries named in a capture ("aan de Ministers van Economische Zaken en Klimaat en
// van Justitie en Veiligheid") are addressees of every question.
void addressees(DocState& st, const PatternMatch& m, const char* slot) {
  const Capture* c = m.get(slot);
  if (!c || c->range.empty()) return;
  for (const EntityMatch* e : st.entities_in(c->range, "ORG")) {
    Provenance p = st.out.provenance(e->range, m.rule->id);
    st.entity_node(e->entry->id, node_type::kOrganization, p);
    for (const Container& q : st.questions) {
      st.out.edge(q.id, e->entry->id, edge_type::kAddressedTo, p);
    }
  }
}

void asked(DocState& st, const PatternMatch& m) {
  Provenance p = st.out.provenance(m.range, m.rule->id);
  for (const std::string& person : persons_in(st, m, "persons")) {
    if (st.questions.empty()) st.out.edge(st.doc_id, person, edge_type::kMentions, p);
    for (const Container& q : st.questions) {
      st.out.edge(person, q.id, edge_type::kAsked, p);
    }
  }
  addressees(st, m, "addressees");
  set_attr(st, "title", captured(st, m, "subject"));
  set_attr(st, "zaak", captured(st, m, "zaak"));
  date_fact(st, m, "date_submitted");
}

void answered_by(DocState& st, const PatternMatch& m, const char* slot, const char* role) {
  Provenance p = st.out.provenance(m.range, m.rule->id);
  for (const std::string& person : persons_in(st, m, slot)) {
    if (st.answers.empty()) st.out.edge(st.doc_id, person, edge_type::kMentions, p);
    for (const Container& a : st.answers) {
      st.out.edge(person, a.id, edge_type::kAnswered, p, {{"role", std::string(role)}});
    }
  }
}

// "mede namens de Minister van X": the ministry is addressed; a person named there
// ("mede namens Minister Y (X)") co-signs every answer.
void cosigners(DocState& st, const PatternMatch& m) {
  answered_by(st, m, "cosigners", "co-signatory");
  addressees(st, m, "cosigners");
}

void answered(DocState& st, const PatternMatch& m) {
  answered_by(st, m, "persons", "answerer");
  cosigners(st, m);
  addressees(st, m, "office");
  date_fact(st, m, "date_answered");
}

void mentioned(DocState& st, const PatternMatch& m) {
  Provenance p = st.out.provenance(m.range, m.rule->id);
  const std::string& from = st.container_of(m.range.begin);
  for (const std::string& person : persons_in(st, m, "persons")) {
    st.out.edge(from, person, edge_type::kMentions, p);
  }
}

bool is_date_fact(std::string_view fact) {
  return fact.starts_with("date_") || fact == "delay_notice";
}

// The rules whose facts this file handles; the other extractors' rules ("ref.",
// "claim.", "commit.") are not run here, which saves most of the regex work.
bool handled_here(const PatternRule& rule) {
  static constexpr std::string_view kFacts[] = {"asked", "answered", "cosigners", "person_mention",
                                                "title", "zaak",     "see_also",  "reference"};
  return is_date_fact(rule.fact) ||
         std::find(std::begin(kFacts), std::end(kFacts), rule.fact) != std::end(kFacts);
}

}  // namespace

std::vector<PatternMatch> fact_matches(const DocState& st, const Matcher& matcher, Range range,
                                       Scope scope) {
  return matcher.patterns(st.prepared, range, scope, handled_here);
}

void apply_date_facts(DocState& st, const std::vector<PatternMatch>& matches) {
  for (const PatternMatch& m : matches) {
    const std::string& fact = m.rule->fact;
    if (fact == "asked")
      date_fact(st, m, "date_submitted");
    else if (fact == "answered")
      date_fact(st, m, "date_answered");
    else if (is_date_fact(fact))
      date_fact(st, m, fact);
  }
}

void apply_pattern_facts(DocState& st, const std::vector<PatternMatch>& matches) {
  for (const PatternMatch& m : matches) {
    const std::string& fact = m.rule->fact;
    if (fact == "asked")
      asked(st, m);
    else if (fact == "answered")
      answered(st, m);
    else if (fact == "cosigners")
      cosigners(st, m);
    else if (fact == "person_mention")
      mentioned(st, m);
    else if (is_date_fact(fact))
      date_fact(st, m, fact);
    else if (fact == "title")
      set_attr(st, "title", captured(st, m, "title"));
    else if (fact == "zaak")
      set_attr(st, "zaak", captured(st, m, "zaak"));
    else if (fact == "see_also")
      append_attr(st, "see_also", captured(st, m, "ref"));
    else if (fact == "reference")
      append_attr(st, "references", captured(st, m, "ref"));
  }
}

}  // namespace kg
