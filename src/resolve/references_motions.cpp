// Motions (meetings: references_meetings.cpp). A Motion is identified by its
// Kamerstuk number when the text gives it (in parentheses, after a comma, or in a footnote
// whose marker sits in the motion's sentence), else by an earlier numbered motion of the
// same submitters in this document, else by submitters and date. Its status and date come
// from its sentence or from the next sentence that starts "De motie ...".
#include <algorithm>

#include "graph/schema.h"
#include "resolve/references_state.h"

namespace kg::refs {
namespace {

constexpr uint32_t kAnaphorReach = 600;  // "De motie is ... aangenomen" after the motion

struct Mention {
  const Span* span;
  const PatternMatch* m;
  Range sentence;
  std::string number;                 // "30821-90" when numbered
  std::vector<std::string> surnames;  // slugs, sorted
};

std::vector<std::string> surnames_of(std::string_view names) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string sl = slug(cur);
    if (!sl.empty()) out.push_back(sl);
    cur.clear();
  };
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == ',' || names[i] == '/' || names.substr(i, 4) == " en ") {
      flush();
      if (names[i] == ' ') i += 3;
    } else {
      cur += names[i];
    }
  }
  flush();
  std::sort(out.begin(), out.end());
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
  return out;
}

int status_rank(std::string_view status) {
  return status == "submitted" ? 1 : status.empty() ? 0 : 2;
}

std::string status_of(std::string_view word) {
  if (word.starts_with("aangenomen")) return "adopted";
  if (word.starts_with("verworpen")) return "rejected";
  if (word.starts_with("aangehouden")) return "held";
  if (word.starts_with("ingetrokken")) return "withdrawn";
  if (word.starts_with("ingediend")) return "submitted";
  return "";
}

void set_status(Node& n, const std::string& status, const std::string& date) {
  auto it = n.attrs.find("status");
  const auto* have = it == n.attrs.end() ? nullptr : std::get_if<std::string>(&it->second);
  if (have && status_rank(*have) >= status_rank(status)) return;
  n.attrs["status"] = status;
  if (!date.empty()) n.attrs["date"] = date;
}

// Status words and dates in [from, sentence.end): "is aangehouden tijdens de stemmingen van
// 2 juli 2019"; "Op 5 april 2022 is ... een motie aangenomen" (the date of the sentence).
void sentence_status(State& s, const Span& sp, Range sentence, uint32_t from, const std::string& id,
                     std::string_view rule) {
  std::string on;
  for (const PatternMatch& m : sp.matches) {
    if (m.range.begin < sentence.begin || m.range.end > sentence.end) continue;
    if (m.rule->fact == "ref.motion.date" && on.empty()) {
      if (auto d = parse_dutch_date(cap(s.st, m, "date"), s.st.date)) on = d->iso();
    }
    if (m.rule->fact != "ref.motion.status" || m.range.begin < from) continue;
    std::string date;
    for (const char* key : {"date", "date2"}) {
      if (auto d = parse_dutch_date(cap(s.st, m, key), s.st.date)) date = d->iso();
    }
    Node& n = s.st.out.node(id, node_type::kMotion, "", s.st.out.provenance(m.range, rule));
    set_status(n, status_of(cap(s.st, m, "status")), date);
  }
  Node* n = s.st.out.find(id);
  auto status = n->attrs.find("status");
  if (!on.empty() && !n->attrs.count("date") && status != n->attrs.end() &&
      status_rank(std::get<std::string>(status->second)) == 2) {
    n->attrs["date"] = on;
  }
}

std::string number_of(State& s, const Mention& mt) {
  const PatternMatch& m = *mt.m;
  uint32_t end = has(m, "names") ? cap_range(m, "names").end : m.range.end;
  for (const PatternMatch& p : mt.span->matches) {
    if (p.rule->fact != "ref.paper" || !has(p, "dossiers") || p.range.begin < end ||
        p.range.begin > end + 4)
      continue;
    std::string d = dossier_key(cap(s.st, p, "dossiers"));
    return d + "-" + cap(s.st, p, "nr");
  }
  for (const FootnotePaper& fp : s.footnote_papers) {
    if (fp.marker >= m.range.begin && fp.marker < mt.sentence.end + 3 &&
        fp.id.starts_with("kst:")) {
      return fp.id.substr(4);
    }
  }
  return "";
}

void submitters(State& s, const PatternMatch& m, const std::string& id) {
  if (!has(m, "names")) return;
  PersonList list = parse_person_list(s.st.text.text, cap_range(m, "names"));
  for (const PersonRef& ref : list.persons) {
    std::string person = add_person(s.st, ref, list.shared_groups, m.rule->id);
    if (!person.empty()) {
      s.st.out.edge(person, id, edge_type::kSubmitted, s.st.out.provenance(ref.range, m.rule->id));
    }
  }
}

std::string subject_of(State& s, const Mention& mt) {
  uint32_t from = has(*mt.m, "names") ? cap_range(*mt.m, "names").end : mt.m->range.end;
  if (from >= mt.sentence.end) return "";
  auto ms = s.matcher.patterns(s.st.prepared, {from, mt.sentence.end}, Scope::kBody,
                               "refx.motion_subject");
  return ms.empty() ? "" : cap(s.st, ms.front(), "subject");
}

void emit(State& s, Mention& mt, const std::string& id, const std::vector<Meeting>& meets) {
  const PatternMatch& m = *mt.m;
  Provenance p = s.st.out.provenance(m.range, m.rule->id);
  std::string names = cap(s.st, m, "names");
  std::string subject = subject_of(s, mt);
  std::string label = "Motie";
  if (!names.empty() || !subject.empty()) label += " " + (names.empty() ? subject : names);
  if (!mt.number.empty()) {
    size_t dash = mt.number.rfind('-');
    label += " (Kamerstuk " + dossier_label(mt.number.substr(0, dash)) + ", nr. " +
             mt.number.substr(dash + 1) + ")";
  }
  Node& n = s.st.out.node(id, node_type::kMotion, label, p);
  if (!mt.number.empty()) {
    n.attrs.emplace("number", mt.number);
    n.attrs.emplace("kamerstuk", "kst:" + mt.number);
  }
  if (!names.empty()) add_alias(n, "motie " + names);
  if (!subject.empty()) n.attrs.emplace("subject", subject);
  if (std::string adj = cap(s.st, m, "adj"); !adj.empty()) set_status(n, status_of(adj), "");
  sentence_status(s, *mt.span, mt.sentence, m.range.begin, id, m.rule->id);
  // No status is assumed when the text states none: the graph keeps the first value a
  // document gives, and a guess would hide a later document's "aangenomen".
  Node* node = s.st.out.find(id);
  // The meeting of the motion is the one nearest to it in its sentence ("bij het VAO ...",
  // "In het tweeminutendebat van 29 maart is ... een motie ingediend"), not any other one.
  const Meeting* nearest = nullptr;
  uint32_t best = UINT32_MAX;
  for (const Meeting& meet : meets) {
    if (!mt.sentence.contains(meet.at.begin)) continue;
    uint32_t d = meet.at.begin >= m.range.end   ? meet.at.begin - m.range.end
                 : m.range.begin >= meet.at.end ? m.range.begin - meet.at.end
                                                : 0;
    if (d < best) best = d, nearest = &meet;
  }
  if (nearest) {
    s.st.out.edge(id, nearest->id, edge_type::kDiscussedIn, p);
    node->attrs.emplace("submitted_on", nearest->date);
  }
  submitters(s, m, id);
  s.st.out.edge(s.st.container_of(m.range.begin), id, edge_type::kMentions, p);
}

// The id of a mention: by number; by an earlier or later numbered motion of the same
// submitters in this document (when only one; the mention takes its number); by submitters
// and date; else none.
std::string motion_id(State& s, Mention& mt, const std::vector<Mention>& all) {
  if (!mt.number.empty()) return "motion:" + mt.number;
  std::string found;
  for (const Mention& o : all) {
    if (o.number.empty() || mt.surnames.empty() || o.surnames != mt.surnames) continue;
    if (!found.empty() && found != o.number) return "";  // two numbered motions: ambiguous
    found = o.number;
  }
  if (!found.empty()) {
    mt.number = found;
    return "motion:" + found;
  }
  std::string date;
  for (const PatternMatch& m : mt.span->matches) {
    if (!mt.sentence.contains(m.range.begin)) continue;
    if (m.rule->fact == "ref.meeting" || m.rule->fact == "ref.motion.date" ||
        m.rule->fact == "ref.motion.status") {
      for (const char* key : {"date", "date2"}) {
        if (!date.empty()) break;
        if (auto d = parse_dutch_date(cap(s.st, m, key), s.st.date); d && d->day > 0)
          date = d->iso();
      }
    }
  }
  if (date.empty()) return "";
  if (!mt.surnames.empty()) return "motion:" + join(mt.surnames, "-") + "-" + date;
  std::string subject = subject_of(s, mt);
  size_t first_space = subject.find(' ');  // "om ...", "over ...": the words after it
  return subject.empty() ? "" : "motion:" + date + "-" + slug(subject.substr(first_space + 1), 6);
}

}  // namespace

void motions(State& s) {
  std::vector<Meeting> meets = meetings(s);
  std::vector<Mention> all;
  for (const Span& sp : s.spans) {
    for (const PatternMatch& m : sp.matches) {
      if (m.rule->fact != "ref.motion") continue;
      // "de aangenomen motie van het lid X" is one mention, not an unnamed one beside it
      bool covered = !has(m, "names") &&
                     std::any_of(sp.matches.begin(), sp.matches.end(), [&](const PatternMatch& o) {
                       return &o != &m && o.rule->fact == "ref.motion" && has(o, "names") &&
                              o.range.begin <= m.range.begin && m.range.end <= o.range.end;
                     });
      if (covered) continue;
      Mention mt{&sp, &m, sentence_of(s.st.text.text, m.range.begin, sp.range), "", {}};
      mt.number = number_of(s, mt);
      mt.surnames = surnames_of(cap(s.st, m, "names"));
      all.push_back(std::move(mt));
    }
  }
  std::vector<std::pair<const Mention*, std::string>> emitted;
  for (Mention& mt : all) {
    std::string id = motion_id(s, mt, all);
    if (id.empty()) continue;
    emit(s, mt, id, meets);
    emitted.emplace_back(&mt, id);
  }
  // "De motie is op 5 april aangenomen": the last motion before it, same container.
  for (const Span& sp : s.spans) {
    for (const PatternMatch& m : sp.matches) {
      if (m.rule->fact != "ref.motion.anaphor") continue;
      bool own = std::any_of(all.begin(), all.end(), [&](const Mention& mt) {
        return mt.m->range.begin <= m.range.end && m.range.begin <= mt.m->range.end;
      });
      const std::pair<const Mention*, std::string>* last = nullptr;
      for (const auto& e : emitted) {
        const Range r = e.first->m->range;
        if (r.end <= m.range.begin && r.end + kAnaphorReach >= m.range.begin &&
            s.st.container_of(r.begin) == s.st.container_of(m.range.begin)) {
          last = &e;
        }
      }
      if (own || !last) continue;
      Range sentence = sentence_of(s.st.text.text, m.range.begin, sp.range);
      sentence_status(s, sp, sentence, m.range.begin, last->second, m.rule->id);
    }
  }
}

}  // namespace kg::refs
