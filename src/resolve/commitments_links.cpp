// Document follow-ups. A fragment cannot know another document's id, so the link goes to a
// canonical paper node that both documents derive from what they say:
//   - written questions by their title: "vragen:<slug of the title>". The follow-up quotes the
//     title of the earlier questions ("over de beantwoording van de vragen «T»"); the answering
//     document states it as its subject ("Betreft Beantwoording vragen over het bericht "T"")
//     and gets REFERS_TO {role: identity} to it, the convention of references_papers.cpp for a
//     document's own identifiers (it may have a zaak number as well, but the follow-up does
//     not know it);
//   - published answers by their Aanhangsel number: "ah:<year>-<year>-<nr>" ("Zie ook
//     Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 891"), the id references.jsonl gives
//     a document that is that paper.
// Document -FOLLOWS_UP-> paper: two hops join the follow-up and the document it follows up.
#include <algorithm>

#include "graph/schema.h"
#include "resolve/commitments_emit.h"

namespace kg::commit {
namespace {

std::string clean_title(std::string title) {
  static constexpr std::string_view kMarks[] = {"«", "»", "\"", "'", " ", "."};
  auto mark_at = [&](bool back) {
    for (std::string_view q : kMarks) {
      if (title.size() >= q.size() &&
          title.compare(back ? title.size() - q.size() : 0, q.size(), q) == 0) {
        return q.size();
      }
    }
    return size_t{0};
  };
  for (size_t n; (n = mark_at(false)) > 0;) title.erase(0, n);
  for (size_t n; (n = mark_at(true)) > 0;) title.resize(title.size() - n);
  return title;
}

std::string questions_paper(DocState& st, const PatternMatch& m) {
  const Capture* c = m.get("title");
  if (!c || c->range.empty()) return "";
  std::string title = clean_title(display(st.slice(c->range)));
  std::string s = slug(title, 80);
  if (s.size() < 8) return "";
  std::string id = "vragen:" + s;
  Node& n = st.out.node(id, node_type::kParliamentaryPaper, "Vragen «" + title + "»",
                        st.out.provenance(c->range, m.rule->id));
  n.attrs.emplace("kind", "written_questions");
  n.attrs.emplace("title", title);
  return id;
}

std::string aanhangsel_paper(DocState& st, const PatternMatch& m) {
  auto cap = [&](std::string_view name) {
    const Capture* c = m.get(name);
    return c && !c->range.empty() ? st.slice(c->range) : std::string();
  };
  std::string y1 = cap("y1"), y2 = cap("y2"), nr = cap("nr");
  if (y2.size() == 2 && y1.size() == 4) y2 = y1.substr(0, 2) + y2;
  if (y1.size() != 4 || y2.size() != 4 || nr.empty()) return "";
  std::string id = "ah:" + y1 + "-" + y2 + "-" + nr;
  Node& n = st.out.node(id, node_type::kParliamentaryPaper,
                        "Aanhangsel Handelingen " + y1 + "–" + y2 + ", nr. " + nr,
                        st.out.provenance(m.range, m.rule->id));
  n.attrs.emplace("kind", "aanhangsel");
  return id;
}

bool inside(Range inner, Range outer) {
  return inner.begin >= outer.begin && inner.end <= outer.end;
}

}  // namespace

void add_document_links(DocState& st, const Matcher& matcher) {
  std::vector<PatternMatch> matches =
      matcher.patterns(st.prepared, st.seg.header, Scope::kHeader, "commit.link.");
  std::vector<Range> followed;
  std::vector<std::string> followed_ids;
  for (const PatternMatch& m : matches) {
    const std::string& fact = m.rule->fact;
    std::string id = fact == "commit.link.followup"         ? questions_paper(st, m)
                     : fact == "commit.link.followup_paper" ? aanhangsel_paper(st, m)
                                                            : "";
    if (id.empty()) continue;
    if (const Capture* t = m.get("title")) followed.push_back(t->range);
    followed_ids.push_back(id);
    st.out.edge(st.doc_id, id, edge_type::kFollowsUp, st.out.provenance(m.range, m.rule->id));
  }
  for (const PatternMatch& m : matches) {
    if (m.rule->fact != "commit.link.own") continue;
    const Capture* c = m.get("title");
    if (!c || std::any_of(followed.begin(), followed.end(),
                          [&](Range f) { return inside(f, c->range); })) {
      continue;  // "over de beantwoording van de vragen «T»": T is not this document's own title
    }
    std::string id = questions_paper(st, m);
    if (id.empty() || std::find(followed_ids.begin(), followed_ids.end(), id) != followed_ids.end())
      continue;
    Node* doc = st.out.find(st.doc_id);
    if (auto z = doc->attrs.find("zaak"); z != doc->attrs.end())
      st.out.find(id)->attrs.emplace("zaak", z->second);
    st.out.edge(st.doc_id, id, edge_type::kRefersTo, st.out.provenance(m.range, m.rule->id),
                {{"role", std::string("identity")}});
    break;
  }
}

}  // namespace kg::commit
