// Clauses from the commit.* rules. A rule's fact says what its match is: a trigger (a clause
// that makes, reports, fulfils or declines a commitment) or a modifier of the triggers in the
// same sentence (due date, meeting, letter, back-reference, anaphor, agent, veto, the
// vocabulary of the commitment frame). At most one positive, one declined and one fulfilment
// clause come from one sentence.
#include "resolve/commitments_detect.h"

#include <algorithm>
#include <unordered_set>

#include "resolve/commitments_config.h"

namespace kg::commit {
namespace {

struct Trigger {
  Kind kind;
  const PatternMatch* m;
};

// What one sentence's matches say, by fact.
struct SentenceFacts {
  std::vector<Trigger> triggers;
  std::vector<PatternMatch> modifiers;  // owns what the lists below point to
  std::vector<const PatternMatch*> vetoes, dues, meetings, meeting_anaphors, letters, kamerstukken,
      backrefs, anaphors, agents;
  std::unordered_set<std::string> generic;  // folded words of the commitment frame (gazetteer)
};

std::optional<Kind> trigger_kind(const std::string& fact) {
  if (fact == "commit.clause.promise") return Kind::kPromise;
  if (fact == "commit.clause.passive") return Kind::kPassive;
  if (fact == "commit.clause.expected") return Kind::kExpected;
  if (fact == "commit.clause.reported") return Kind::kReported;
  if (fact == "commit.clause.declined") return Kind::kDeclined;
  if (fact == "commit.clause.fulfilled" || fact == "commit.clause.fulfilled_self")
    return Kind::kFulfilment;
  if (fact == "commit.clause.deferral") return Kind::kDeferral;
  return std::nullopt;
}

// Rank of the positive kinds when a sentence has several: the most specific reading wins.
int rank(Kind k) {
  switch (k) {
    case Kind::kReported:
      return 5;
    case Kind::kDeferral:
      return 4;
    case Kind::kExpected:
      return 3;
    case Kind::kPromise:
      return 2;
    case Kind::kPassive:
      return 1;
    default:
      return 0;
  }
}

bool positive(Kind k) { return rank(k) > 0; }

bool overlaps(Range a, Range b) { return a.begin < b.end && b.begin < a.end; }

std::string text_of(const DocState& st, Range r) { return st.text.text.substr(r.begin, r.size()); }

Range capture(const PatternMatch& m, std::string_view name) {
  const Capture* c = m.get(name);
  return c ? c->range : Range{};
}

Range actor_of(const PatternMatch& m) {
  Range r = capture(m, "actor");
  return r.empty() ? capture(m, "actor2") : r;
}

bool has_entity(const DocState& st, Range r, bool ministry) {
  for (const EntityMatch* e : st.entities_in(r, "ORG")) {
    auto it = st.info.find(e->entry->id);
    bool is_ministry = it != st.info.end() && it->second.has("kind", "ministry");
    if (is_ministry == ministry) return true;
  }
  return !ministry && !st.entities_in(r, "COUNTRY").empty();
}

// The speaker of the document: first person, the cabinet, "mijn ministerie".
bool is_self(const std::string& folded) {
  static const std::unordered_set<std::string> kSelf = {"ik",
                                                        "wij",
                                                        "we",
                                                        "het kabinet",
                                                        "de regering",
                                                        "mijn ministerie",
                                                        "ons ministerie",
                                                        "het ministerie",
                                                        "de minister",
                                                        "de staatssecretaris"};
  return kSelf.count(folded) > 0;
}

bool is_office(const std::string& folded) {
  for (std::string_view w : {"minister", "staatssecretaris", "bewindspersoon", "ministerie",
                             "kabinet", "regering", "ambtsvoorganger", "voorganger"}) {
    if (folded.find(w) != std::string::npos) return true;
  }
  return false;
}

// The actor a trigger names is accepted when it is the speaker, an office of the government
// or a ministry ("BZK"); "De politie zal", "DNB zal" are third parties.
bool acceptable_actor(const DocState& st, const PatternMatch& m) {
  Range r = actor_of(m);
  if (r.empty()) return true;  // implied: the speaker
  std::string folded = fold(text_of(st, r));
  return is_self(folded) || is_office(folded) || has_entity(st, r, true);
}

// Sets c.actor_range and c.self_actor for an accepted trigger.
void set_actor(const DocState& st, const PatternMatch& m, Clause& c) {
  Range r = actor_of(m);
  if (r.empty() || is_self(fold(text_of(st, r)))) return;
  c.actor_range = r;
  c.self_actor = false;
}

std::string canonical_meeting(const std::string& folded_kind) {
  if (folded_kind == "algemeen overleg") return "ao";
  if (folded_kind == "wetgevingsoverleg") return "wgo";
  if (folded_kind == "mondelinge vragenuur") return "vragenuur";
  if (folded_kind.starts_with("plenair")) return "plenair-debat";
  return folded_kind;
}

// The words after the first topic preposition of what is promised ("onderzoek doen naar X"),
// when they carry at least two content stems; else all of it.
std::vector<std::string> topic_of(const std::string& object,
                                  const std::unordered_set<std::string>& skip) {
  std::string f = fold(object);
  size_t best = std::string::npos;
  for (std::string_view p :
       {"naar ", "over ", "om ", "inzake ", "omtrent ", "betreffende ", "tot ", "voor "}) {
    for (size_t at = f.find(p); at != std::string::npos; at = f.find(p, at + 1)) {
      if (at == 0 || f[at - 1] == ' ') {
        best = std::min(best, at + p.size());
        break;
      }
    }
  }
  if (best != std::string::npos) {
    std::vector<std::string> tail = content_stems(f.substr(best), skip);
    if (tail.size() >= 2) return tail;
  }
  return content_stems(object, skip);
}

bool negated(const std::string& folded_object) {
  return (folded_object.starts_with("niet ") && !folded_object.starts_with("niet alleen") &&
          !folded_object.starts_with("niet eerder") && !folded_object.starts_with("niet later")) ||
         folded_object.starts_with("geen ");
}

void sort_modifier(SentenceFacts& f, const DocState& st, const PatternMatch& m) {
  const std::string& fact = m.rule->fact;
  if (fact == "commit.mod.veto")
    f.vetoes.push_back(&m);
  else if (fact == "commit.mod.due")
    f.dues.push_back(&m);
  else if (fact == "commit.mod.meeting")
    f.meetings.push_back(&m);
  else if (fact == "commit.mod.meeting_anaphor")
    f.meeting_anaphors.push_back(&m);
  else if (fact == "commit.mod.letter")
    f.letters.push_back(&m);
  else if (fact == "commit.mod.kamerstuk")
    f.kamerstukken.push_back(&m);
  else if (fact == "commit.mod.backref")
    f.backrefs.push_back(&m);
  else if (fact == "commit.mod.anaphor")
    f.anaphors.push_back(&m);
  else if (fact == "commit.mod.agent")
    f.agents.push_back(&m);
}

// The words of the commitment frame in a range (gazetteer label COMMIT_FRAME), folded.
std::unordered_set<std::string> frame_words(const DocState& st, Range r) {
  std::unordered_set<std::string> out;
  for (const EntityMatch* e : st.entities_in(r, "COMMIT_FRAME"))
    out.insert(fold(text_of(st, e->range)));
  return out;
}

// Keeps the triggers that survive vetoes, actor checks and agents, then at most one of each
// sort: positive (highest rank, then first), declined, fulfilment.
std::vector<Trigger> choose(const DocState& st, const SentenceFacts& f, Range sentence) {
  std::optional<Trigger> pos, declined, fulfil;
  for (Trigger t : f.triggers) {
    bool vetoed = std::any_of(f.vetoes.begin(), f.vetoes.end(), [&](const PatternMatch* v) {
      return overlaps(v->range, t.m->range);
    });
    if (vetoed || !acceptable_actor(st, *t.m)) continue;
    if (t.kind == Kind::kPassive) {
      bool third_party = std::any_of(f.agents.begin(), f.agents.end(), [&](const PatternMatch* a) {
        Range ar = capture(*a, "agent");
        return ar.begin >= sentence.begin && ar.end <= t.m->range.end && has_entity(st, ar, false);
      });
      if (third_party) continue;
    }
    if (t.kind == Kind::kPromise) {
      Range obj = capture(*t.m, "object");
      if (!capture(*t.m, "neg").empty() || negated(fold(text_of(st, obj))))
        t.kind = Kind::kDeclined;
    }
    std::optional<Trigger>& slot = t.kind == Kind::kDeclined     ? declined
                                   : t.kind == Kind::kFulfilment ? fulfil
                                                                 : pos;
    if (!slot || rank(t.kind) > rank(slot->kind)) slot = t;
  }
  std::vector<Trigger> out;
  if (fulfil) out.push_back(*fulfil);
  if (declined) out.push_back(*declined);
  if (pos && !fulfil && !(declined && overlaps(declined->m->range, pos->m->range)))
    out.push_back(*pos);
  return out;
}

// "In dit AO": the last meeting of that kind named with a date before `at` in the unit.
struct EarlierMeeting {
  Range range;
  std::string rule, kind, label;
  Date date;
};
std::optional<EarlierMeeting> earlier_meeting(const DocState& st, const Matcher& matcher,
                                              Range unit, uint32_t at, const std::string& kind) {
  std::optional<EarlierMeeting> out;
  for (const PatternMatch& m :
       matcher.patterns(st.prepared, {unit.begin, at}, Scope::kBody, "commit.mod.meeting")) {
    if (m.rule->fact != "commit.mod.meeting") continue;
    std::string k = canonical_meeting(fold(text_of(st, capture(m, "kind"))));
    Range dr = capture(m, "date");
    auto d = parse_dutch_date(text_of(st, dr), st.date);
    if (!d || (k != kind && kind != "overleg" && kind != "debat")) continue;
    out = EarlierMeeting{m.range, m.rule->id, k,
                         display(text_of(st, {capture(m, "kind").begin, dr.end})), *d};
  }
  return out;
}

void fill_when(const DocState& st, const Matcher& matcher, const SentenceFacts& f, Range unit,
               Range trigger, Clause& c) {
  for (const PatternMatch* m : f.meetings) {
    if (m->range.begin > trigger.end) continue;
    Range dr = capture(*m, "date");
    auto d = parse_dutch_date(text_of(st, dr), st.date);
    if (!d) continue;
    c.made_on = d;
    c.made_on_range = m->range;
    c.made_on_rule = m->rule->id;
    c.meeting_kind = canonical_meeting(fold(text_of(st, capture(*m, "kind"))));
    c.meeting_label = display(text_of(st, {capture(*m, "kind").begin, dr.end}));
  }
  if (c.made_on) return;
  for (const PatternMatch* m : f.meeting_anaphors) {
    std::string kind = canonical_meeting(fold(text_of(st, capture(*m, "kind"))));
    if (auto e = earlier_meeting(st, matcher, unit, m->range.begin, kind)) {
      c.made_on = e->date;
      c.made_on_range = e->range;
      c.made_on_rule = e->rule;
      c.meeting_kind = e->kind;
      c.meeting_label = e->label;
      return;
    }
  }
  for (const PatternMatch* m : f.letters) {
    if (m->range.begin > trigger.end) continue;
    if (auto d = parse_dutch_date(text_of(st, capture(*m, "date")), st.date)) {
      c.made_on = d;
      c.made_on_range = m->range;
      c.made_on_rule = m->rule->id;
    }
  }
}

// The deadline of the clause: a due phrase in the same clause as the trigger (not across a
// semicolon), not part of a meeting or letter reference; "op 5 april" only inside the trigger
// ("De motie is op 5 april aangenomen; de Kamer zal ... worden geïnformeerd" has none).
void fill_due(const DocState& st, const SentenceFacts& f, Range trigger, Clause& c) {
  std::optional<Date> base = c.made_on ? c.made_on : st.date;
  for (const PatternMatch* m : f.dues) {
    auto busy = [&](const PatternMatch* o) { return overlaps(o->range, m->range); };
    if (std::any_of(f.meetings.begin(), f.meetings.end(), busy) ||
        std::any_of(f.letters.begin(), f.letters.end(), busy)) {
      continue;
    }
    Range between = m->range.end <= trigger.begin ? Range{m->range.end, trigger.begin}
                                                  : Range{trigger.end, m->range.begin};
    if (text_of(st, between).find(';') != std::string::npos) continue;
    std::string rel = fold(text_of(st, capture(*m, "rel")));
    if ((rel == "op" || rel == "per") && !overlaps(m->range, trigger)) continue;
    auto due = parse_due(st.text.text, *m, base);
    if (!due) continue;
    if (!due->iso.empty() && base && due->iso < base->iso()) continue;  // a date in the past
    if (c.due && (due->iso.empty() || !c.due->iso.empty())) continue;   // the first dated one wins
    c.due = due;
    c.due_range = m->range;
    c.due_rule = m->rule->id;
  }
}

void fill_fulfilment(const DocState& st, const SentenceFacts& f, Clause& c) {
  for (const PatternMatch* m : f.kamerstukken) {
    std::string dossier;
    for (char ch : text_of(st, capture(*m, "dossier"))) {
      if (ch >= '0' && ch <= '9') dossier += ch;
    }
    std::string nr = text_of(st, capture(*m, "nr"));
    c.fulfilled_by = "kst:" + dossier + "-" + nr;
    c.fulfilled_label =
        "Kamerstuk " + dossier.substr(0, 2) + " " + dossier.substr(2) + ", nr. " + nr;
    break;
  }
  for (const PatternMatch* m : f.letters) {
    if (auto d = parse_dutch_date(text_of(st, capture(*m, "date")), st.date)) {
      c.fulfilled_on = d;
      break;
    }
  }
}

}  // namespace

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::kPromise:
      return "promise";
    case Kind::kPassive:
      return "passive";
    case Kind::kExpected:
      return "expected";
    case Kind::kReported:
      return "reported";
    case Kind::kDeclined:
      return "declined";
    case Kind::kFulfilment:
      return "fulfilment";
    case Kind::kDeferral:
      return "deferral";
  }
  return "";
}

void detect(DocState& st, const Matcher& matcher, const std::vector<Unit>& units, size_t unit,
            std::vector<Clause>& clauses) {
  const Unit& u = units[unit];
  std::vector<Sentence> sentences = split_sentences(st.text.text, u.parts);
  if (sentences.empty()) return;
  // Notices are first-person prose like answers: the body rules apply to them too. Triggers
  // are searched in the whole unit, modifiers only in the sentences that have a trigger.
  std::vector<PatternMatch> triggers =
      matcher.patterns(st.prepared, u.range, Scope::kBody, "commit.clause.");
  // A match belongs to the sentence that holds its start; a match that starts before a
  // sentence (a leading boundary character, a notice's heading) to the one that holds its first
  // capture or its end.
  auto sentence_of = [&](uint32_t at) -> int {
    auto it = std::upper_bound(sentences.begin(), sentences.end(), at,
                               [](uint32_t a, const Sentence& s) { return a < s.span.begin; });
    if (it == sentences.begin() || at >= (it - 1)->span.end) return -1;
    return static_cast<int>(it - 1 - sentences.begin());
  };
  std::vector<SentenceFacts> facts(sentences.size());
  for (const PatternMatch& m : triggers) {
    int s = sentence_of(m.range.begin);
    for (const Capture& c : m.captures) {
      if (s < 0 && !c.range.empty()) s = sentence_of(c.range.begin);
    }
    if (s < 0 && !m.range.empty()) s = sentence_of(m.range.end - 1);
    if (s >= 0) facts[static_cast<size_t>(s)].triggers.push_back({*trigger_kind(m.rule->fact), &m});
  }
  for (size_t s = 0; s < sentences.size(); ++s) {
    SentenceFacts& f = facts[s];
    if (f.triggers.empty()) continue;
    f.modifiers = matcher.patterns(st.prepared, sentences[s].span, Scope::kBody, "commit.mod.");
    for (const PatternMatch& m : f.modifiers) sort_modifier(f, st, m);
    f.generic = frame_words(st, sentences[s].span);
    for (Trigger t : choose(st, f, sentences[s].span)) {
      Clause c;
      c.kind = t.kind;
      c.rule = t.m->rule->id;
      c.unit = unit;
      c.sentence = s;
      c.span = sentences[s].span;
      set_actor(st, *t.m, c);
      c.text = sentence_text(st.text.text, sentences[s]);
      Range obj = capture(*t.m, "object");
      if (t.kind == Kind::kPassive || t.kind == Kind::kExpected) {
        obj = {sentences[s].span.begin, t.m->range.end};  // the subject names what is promised
      }
      obj.begin = std::max(obj.begin, sentences[s].span.begin);  // a leading capture stays inside
      c.object = obj.empty() ? "" : display(text_of(st, obj));
      c.terms = sorted_set(content_stems(c.text, f.generic));
      c.topic = topic_of(c.object.empty() ? c.text : c.object, f.generic);
      c.anaphoric = !f.anaphors.empty();
      if (c.anaphoric && s > 0) {
        c.context = sentence_text(st.text.text, sentences[s - 1]);
        c.context_span = sentences[s - 1].span;
        if (c.topic.empty()) c.topic = content_stems(c.context, frame_words(st, c.context_span));
      }
      for (const PatternMatch* b : f.backrefs) {
        c.backref = true;
        std::string n = text_of(st, capture(*b, "number"));
        if (!n.empty()) c.backref_question = std::stoi(n);
      }
      std::string fobj = fold(c.object.empty() ? c.text : c.object);
      c.informs = fobj.find("informe") != std::string::npos ||
                  fobj.find("op de hoogte") != std::string::npos ||
                  fobj.find("op terug") != std::string::npos;
      c.fulfils_self = t.m->rule->fact == "commit.clause.fulfilled_self";
      // A fulfilment's letter is when it was fulfilled; only a self-fulfilment may say when
      // the promise was made ("die ik heb gedaan in het debat van 12 mei").
      if (c.kind == Kind::kReported || c.fulfils_self)
        fill_when(st, matcher, f, u.range, t.m->range, c);
      if (c.kind == Kind::kFulfilment) {
        fill_fulfilment(st, f, c);
        if (c.fulfils_self) c.fulfilled_on = st.date;
      }
      fill_due(st, f, t.m->range, c);
      clauses.push_back(std::move(c));
    }
  }
}

void attach(std::vector<Clause>& clauses, const std::vector<Unit>& units) {
  for (size_t i = 0; i < clauses.size(); ++i) {
    Clause& c = clauses[i];
    auto previous = [&](size_t window) -> int {
      for (size_t j = i; j-- > 0;) {
        const Clause& p = clauses[j];
        if (p.unit != c.unit) break;
        if (c.sentence - p.sentence > window) break;
        if (positive(p.kind) && p.attached_to < 0) return static_cast<int>(j);
      }
      return -1;
    };
    if (units[c.unit].notice) {
      for (size_t j = 0; j < clauses.size(); ++j) {
        if (j != i && clauses[j].unit == c.unit && clauses[j].kind == Kind::kDeferral &&
            c.kind != Kind::kDeferral) {
          c.attached_to = static_cast<int>(j);
        }
      }
    } else if (c.kind == Kind::kFulfilment && !c.fulfils_self) {
      c.attached_to = previous(SIZE_MAX);
    } else if (c.informs && c.anaphoric && (c.kind == Kind::kPromise || c.kind == Kind::kPassive)) {
      c.attached_to = previous(kAttachWindow);
    }
  }
}

}  // namespace kg::commit
