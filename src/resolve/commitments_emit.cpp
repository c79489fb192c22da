// Commitments of one document. Restatements within the document are merged by content
// similarity with back-reference, date and actor evidence (commitments_config.h); the id is
// derived from a canonical key (made_on + topic stems) so that the same promise reported in
// another document gets the same id and the graph merge unifies it. The evidence for every
// merge is kept in the node's merge_evidence list.
#include "resolve/commitments_emit.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_set>

#include "graph/schema.h"
#include "resolve/commitments_config.h"

namespace kg::commit {
namespace {

constexpr size_t kLabelChars = 80;

struct Actor {
  std::string id;
  std::string role;  // speaker | joint | named | ministry
  Range range;       // where it is named; empty when implied by the speaker
};

struct Cluster {
  std::vector<size_t> members;  // clauses, the first is the canonical statement
  std::vector<size_t> attached;  // fulfilments and informing follow-ups
  std::vector<std::string> evidence;
};

std::string excerpt(const std::string& s) {
  if (s.size() <= kLabelChars) return s;
  size_t cut = kLabelChars;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

std::string fixed(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void add_unique(std::vector<std::string>& list, const std::string& v) {
  if (!v.empty() && std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
}

void append(Node& n, const char* key, const std::string& value) {
  auto& v = n.attrs[key];
  if (!std::holds_alternative<std::vector<std::string>>(v)) v = std::vector<std::string>{};
  add_unique(std::get<std::vector<std::string>>(v), value);
}

std::vector<Actor> actors_of(DocState& st, const Unit& u, const Clause& c, const Speakers& sp) {
  std::vector<Actor> out;
  if (!c.self_actor) {
    for (const EntityMatch* e : st.entities_in(c.actor_range, "ORG")) {
      auto it = st.info.find(e->entry->id);
      if (it != st.info.end() && it->second.has("kind", "ministry") && st.out.find(e->entry->id)) {
        out.push_back({e->entry->id, "named", e->range});
      }
    }
    if (out.empty()) {
      PersonList list = parse_person_list(st.text.text, c.actor_range);
      for (const PersonRef& ref : list.persons) {
        std::string id = add_person(st, ref, list.shared_groups, c.rule);
        if (!id.empty()) out.push_back({id, "named", ref.range});
      }
    }
    if (!out.empty()) return out;
  }
  const std::vector<std::string>& speakers = sp.of(u.id);
  for (const std::string& p : speakers) {
    out.push_back({p, speakers.size() == 1 ? "speaker" : "joint", {}});
    auto offices = sp.offices.find(p);
    if (offices == sp.offices.end()) continue;
    for (const std::string& org : offices->second) {
      bool listed = std::any_of(out.begin(), out.end(), [&](const Actor& a) { return a.id == org; });
      if (!listed) out.push_back({org, "ministry", {}});
    }
  }
  return out;
}

bool share_actor(const std::vector<Actor>& a, const std::vector<Actor>& b) {
  return std::any_of(a.begin(), a.end(), [&](const Actor& x) {
    return std::any_of(b.begin(), b.end(), [&](const Actor& y) { return x.id == y.id; });
  });
}

bool compatible(Kind a, Kind b) {
  auto group = [](Kind k) { return k == Kind::kDeclined ? 1 : k == Kind::kDeferral ? 2 : k == Kind::kFulfilment ? 3 : 0; };
  return group(a) == group(b) && group(a) != 3;
}

// Clusters the standalone clauses in document order: each joins the most similar earlier
// cluster that the evidence allows, or starts its own.
std::vector<Cluster> cluster(const std::vector<Unit>& units, const std::vector<Clause>& clauses,
                             const std::vector<std::vector<Actor>>& actors, std::vector<int>& cluster_of) {
  std::vector<Cluster> out;
  cluster_of.assign(clauses.size(), -1);
  for (size_t i = 0; i < clauses.size(); ++i) {
    const Clause& c = clauses[i];
    if (c.attached_to >= 0) continue;
    int best = -1;
    double best_sim = 0;
    std::string why;
    for (size_t k = 0; k < out.size(); ++k) {
      const Clause& head = clauses[out[k].members.front()];
      if (!compatible(head.kind, c.kind)) continue;
      if (head.made_on && c.made_on && head.made_on->iso() != c.made_on->iso()) continue;
      double sim = 0;
      bool points_back = false;
      for (size_t m : out[k].members) {
        sim = std::max(sim, dice(clauses[m].terms, c.terms));
        const auto& numbers = units[clauses[m].unit].numbers;
        points_back |= c.backref && (c.backref_question == 0 ||
                                     std::find(numbers.begin(), numbers.end(), c.backref_question) != numbers.end());
      }
      bool same_date_actor = head.made_on && c.made_on && share_actor(actors[out[k].members.front()], actors[i]);
      bool ok = sim >= kSameDocSimilarity ||
                (sim >= kSameDocSimilarityWithEvidence && (points_back || same_date_actor));
      if (!ok || sim <= best_sim) continue;
      best = static_cast<int>(k);
      best_sim = sim;
      why = "similarity " + fixed(sim) + (points_back ? ", points back" : "") +
            (same_date_actor ? ", same date and actor" : "");
    }
    if (best < 0) {
      cluster_of[i] = static_cast<int>(out.size());
      out.push_back({{i}, {}, {}});
      continue;
    }
    Cluster& k = out[static_cast<size_t>(best)];
    k.evidence.push_back(units[c.unit].id + " restates " + units[clauses[k.members.front()].unit].id + ": " + why);
    k.members.push_back(i);
    cluster_of[i] = best;
  }
  for (size_t i = 0; i < clauses.size(); ++i) {
    int target = clauses[i].attached_to;
    while (target >= 0 && cluster_of[static_cast<size_t>(target)] < 0) target = clauses[static_cast<size_t>(target)].attached_to;
    if (target < 0 || clauses[i].attached_to < 0) continue;
    out[static_cast<size_t>(cluster_of[static_cast<size_t>(target)])].attached.push_back(i);
    cluster_of[i] = cluster_of[static_cast<size_t>(target)];
  }
  return out;
}

std::optional<Date> notice_date(DocState& st) {
  Node* doc = st.out.find(st.doc_id);
  auto it = doc->attrs.find("delay_notice");
  if (it == doc->attrs.end()) return st.date;
  const auto* s = std::get_if<std::string>(&it->second);
  auto d = s ? parse_dutch_date(*s) : std::nullopt;
  return d ? d : st.date;
}

std::string doc_attr(DocState& st, const char* key) {
  Node* doc = st.out.find(st.doc_id);
  auto it = doc->attrs.find(key);
  const auto* s = it == doc->attrs.end() ? nullptr : std::get_if<std::string>(&it->second);
  return s ? *s : "";
}

// The canonical key: made_on and the first topic stems (sorted), so that "onderzoek te doen
// naar inkoopeisen en -richtlijnen" on 22 March 2022 gives the same id in every document.
std::string make_id(DocState& st, const Clause& head, const std::optional<Date>& made_on, size_t stems,
                    std::string* key) {
  std::vector<std::string> topic;
  if (head.kind == Kind::kDeferral) {
    std::string zaak = doc_attr(st, "zaak");
    topic = {"beantwoording", zaak.empty() ? slug(doc_attr(st, "title"), 40) : slug(zaak, 20)};
  } else {
    const auto& source = head.topic.empty() ? head.terms : head.topic;
    for (const std::string& t : source) {
      if (topic.size() >= stems) break;
      topic.push_back(t);
    }
    std::sort(topic.begin(), topic.end());
  }
  std::string joined, spaced;
  for (const std::string& t : topic) {
    joined += (joined.empty() ? "" : "-") + t;
    spaced += (spaced.empty() ? "" : " ") + t;
  }
  std::string date = made_on ? made_on->iso() : "undated";
  *key = date + " " + spaced;
  return "commit:" + date + "-" + (joined.empty() ? "clause" : joined);
}

std::vector<std::string> questions_of(const DocState& st, const Unit& u) {
  std::vector<std::string> out;
  for (const Container& q : st.questions) {
    bool shared = std::any_of(u.numbers.begin(), u.numbers.end(), [&](int n) {
      return std::find(q.numbers.begin(), q.numbers.end(), n) != q.numbers.end();
    });
    if (shared) out.push_back(q.id);
  }
  return out;
}

// Entities the clause is about: gazetteer mentions in its sentence (and the sentence it
// points back to), except the actor itself.
void add_about(DocState& st, const std::string& id, const Clause& c) {
  static constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
      {"ORG", node_type::kOrganization}, {"COUNTRY", node_type::kCountry},
      {"LAW", node_type::kLegalInstrument}, {"PARTY", node_type::kParty}};
  for (Range r : {c.span, c.context_span}) {
    if (r.empty()) continue;
    for (const auto& [label, type] : kLabels) {
      for (const EntityMatch* e : st.entities_in(r, label)) {
        if (e->range.begin < c.actor_range.end && c.actor_range.begin < e->range.end) continue;
        Node* n = st.out.find(e->entry->id);
        if (!n || n->type != type) continue;
        st.out.edge(id, e->entry->id, edge_type::kAbout, st.out.provenance(e->range, c.rule));
      }
    }
  }
}

void add_meeting(DocState& st, const std::string& id, const Clause& c) {
  if (c.meeting_kind.empty() || !c.made_on) return;
  std::string kind = c.meeting_kind;
  std::replace(kind.begin(), kind.end(), ' ', '-');
  std::string mid = "meeting:" + kind + "-" + c.made_on->iso();
  Provenance p = st.out.provenance(c.made_on_range, c.made_on_rule);
  Node& m = st.out.node(mid, node_type::kMeeting, c.meeting_label, p);
  m.attrs.emplace("date", c.made_on->iso());
  m.attrs.emplace("kind", c.meeting_kind);
  st.out.edge(id, mid, edge_type::kDiscussedIn, p);
}

void add_fulfilment(DocState& st, const std::string& id, const Clause& f, Node& n) {
  Provenance p = st.out.provenance(f.span, f.rule);
  st.out.node(id, node_type::kCommitment, "", p);
  if (f.fulfilled_on) n.attrs["fulfilled_on"] = f.fulfilled_on->iso();
  if (f.fulfils_self) {
    st.out.edge(id, st.doc_id, edge_type::kFulfilledBy, p);
  } else if (!f.fulfilled_by.empty()) {
    Node& paper = st.out.node(f.fulfilled_by, node_type::kParliamentaryPaper, f.fulfilled_label, p);
    paper.attrs.emplace("kind", "kamerstuk");
    st.out.edge(id, f.fulfilled_by, edge_type::kFulfilledBy, p);
  }
}

void emit_cluster(DocState& st, const std::vector<Unit>& units, const std::vector<Clause>& clauses,
                  const std::vector<std::vector<Actor>>& actors, const Cluster& k,
                  std::set<std::string>& used) {
  const Clause& head = clauses[k.members.front()];
  std::optional<Date> made_on = head.made_on;
  if (!made_on && head.kind == Kind::kDeferral) made_on = notice_date(st);
  if (!made_on && head.kind != Kind::kFulfilment) made_on = st.date;  // made in this document
  std::string key, id;
  for (size_t stems = kKeyTopicStems;; ++stems) {
    id = make_id(st, head, made_on, stems, &key);
    if (!used.count(id) || stems > head.topic.size() + 1) break;
  }
  for (int suffix = 2; used.count(id); ++suffix) id += "-" + std::to_string(suffix);
  used.insert(id);

  Provenance first = st.out.provenance(head.span, head.rule);
  // A reported promise's sentence begins with the meeting; its object says what was promised.
  const std::string& label = head.kind == Kind::kReported && !head.object.empty() ? head.object : head.text;
  Node& n = st.out.node(id, node_type::kCommitment, excerpt(label), first);
  n.attrs.emplace("text", head.text);
  if (!head.object.empty()) n.attrs.emplace("object", head.object);
  n.attrs.emplace("kind", std::string(kind_name(head.kind)));
  if (made_on) n.attrs.emplace("made_on", made_on->iso());
  n.attrs.emplace("key", key);
  if (!head.context.empty()) n.attrs.emplace("context", head.context);
  if (!head.meeting_label.empty()) n.attrs.emplace("meeting", head.meeting_label);
  n.attrs.emplace("terms", head.terms);

  bool fulfilled = head.kind == Kind::kFulfilment || (head.kind == Kind::kDeferral && !st.answers.empty());
  const Clause* due = nullptr;
  std::vector<std::string> actor_labels;
  for (size_t pos = 0; pos < k.members.size() + k.attached.size(); ++pos) {
    bool member = pos < k.members.size();
    size_t i = member ? k.members[pos] : k.attached[pos - k.members.size()];
    const Clause& c = clauses[i];
    const Unit& u = units[c.unit];
    Provenance p = st.out.provenance(c.span, c.rule);
    Node& node = *st.out.find(id);
    node.provenance.push_back(p);
    if (c.kind == Kind::kFulfilment && (pos > 0 || !member)) {
      fulfilled = true;
      add_fulfilment(st, id, c, node);
      continue;
    }
    if (c.due && (!due || (due->due->iso.empty() && !c.due->iso.empty()))) due = &c;
    if (!member) {
      append(node, "follow_ups", c.text);
      continue;
    }
    if (!u.numbers.empty()) {
      append(node, "answers", u.id);
      for (const std::string& q : questions_of(st, u)) append(node, "questions", q);
    }
    if (pos > 0) {
      append(node, "restated_in", u.id);
      st.out.edge(u.id, id, edge_type::kRestates, p);
    }
    for (const Actor& a : actors[i]) {
      if (pos > 0 && a.range.empty()) continue;  // a restatement adds only actors it names
      Provenance ap = a.range.empty() ? p : st.out.provenance(a.range, c.rule);
      st.out.edge(a.id, id, edge_type::kCommitted, ap, {{"role", a.role}});
      if (const Node* an = st.out.find(a.id)) add_unique(actor_labels, an->label);
    }
    add_about(st, id, c);
    add_meeting(st, id, c);
  }
  if (head.kind == Kind::kFulfilment) add_fulfilment(st, id, head, *st.out.find(id));
  if (head.kind == Kind::kDeferral && fulfilled) {
    st.out.edge(id, st.doc_id, edge_type::kFulfilledBy, first);
    if (st.date) st.out.find(id)->attrs["fulfilled_on"] = st.date->iso();
  }
  Node& node = *st.out.find(id);
  std::sort(node.provenance.begin(), node.provenance.end());
  node.provenance.erase(std::unique(node.provenance.begin(), node.provenance.end()), node.provenance.end());
  node.attrs.emplace("status", std::string(head.kind == Kind::kDeclined ? "declined"
                                           : fulfilled                  ? "fulfilled"
                                                                        : "open"));
  if (due) {
    if (!due->due->iso.empty()) node.attrs.emplace("due", due->due->iso);
    node.attrs.emplace("due_precision", due->due->precision);
    node.attrs.emplace("due_text", due->due->text);
  }
  std::string actor;
  for (const std::string& l : actor_labels) actor += (actor.empty() ? "" : "; ") + l;
  if (!actor.empty()) node.attrs.emplace("actor", actor);
  for (const std::string& e : k.evidence) append(node, "merge_evidence", st.doc_id + ": " + e);
  append(node, "merge_evidence",
         st.doc_id + ": key '" + key + "' (made_on from " +
             (head.made_on ? "'" + head.meeting_label + "'" : std::string("the document date")) + ")");
  st.out.edge(st.doc_id, id, edge_type::kContains, first);
  if (head.kind == Kind::kReported) {
    append(node, "restated_in", st.doc_id);
    st.out.edge(st.doc_id, id, edge_type::kRestates, first);
  }
}

}  // namespace

const std::vector<std::string>& Speakers::of(const std::string& unit_id) const {
  auto it = by_answer.find(unit_id);
  return it != by_answer.end() && !it->second.empty() ? it->second : document;
}

Speakers find_speakers(const DocState& st) {
  Speakers sp;
  for (const Edge& e : st.out.edges()) {
    if (e.type == edge_type::kAnswered) {
      auto role = e.attrs.find("role");
      const auto* r = role == e.attrs.end() ? nullptr : std::get_if<std::string>(&role->second);
      if (r && *r != "answerer") continue;  // "ik" is the answerer, not a co-signatory
      add_unique(sp.by_answer[e.target], e.source);
      add_unique(sp.document, e.source);
    } else if (e.type == edge_type::kHoldsOffice) {
      add_unique(sp.offices[e.source], e.target);
    } else if (e.type == edge_type::kMentions && e.source == st.doc_id &&
               std::any_of(e.provenance.begin(), e.provenance.end(),
                           [](const Provenance& p) { return p.rule.starts_with("header.answered"); })) {
      add_unique(sp.document, e.target);
    }
  }
  return sp;
}

void emit(DocState& st, const std::vector<Unit>& units, const std::vector<Clause>& clauses,
          const Speakers& speakers) {
  std::vector<std::vector<Actor>> actors(clauses.size());
  for (size_t i = 0; i < clauses.size(); ++i) {
    actors[i] = actors_of(st, units[clauses[i].unit], clauses[i], speakers);
  }
  std::vector<int> cluster_of;
  std::set<std::string> used;
  for (const Cluster& k : cluster(units, clauses, actors, cluster_of)) {
    emit_cluster(st, units, clauses, actors, k, used);
  }
}

}  // namespace kg::commit
