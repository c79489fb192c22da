// Titled documents ("de notitie «Nederland-China: Een nieuwe balans» (Kamerstuk 35 207, nr. 1)",
// later "Nederland-China: een nieuwe balans"; "Dreigingsbeeld Statelijke Actoren (DBSA)" with a
// footnote) and letters cited by date ("de brief van 16 maart 2018 over ..."). A title is one
// node: the Kamerstuk that publishes it when the text, a footnote, the table of known titles
// (label PAPER) or an earlier mention in the document says which; else a PolicyDocument.
#include "graph/schema.h"
#include "resolve/references_state.h"

namespace kg::refs {
namespace {

constexpr uint32_t kKindReach = 60;    // "de beleidsnotitie" before «title»
constexpr uint32_t kTitleReach = 120;  // "Title Words (ABBR)" before a footnote marker

// The paper a footnote marker in [from, to) points at, or "".
std::string footnoted(const State& s, uint32_t from, uint32_t to) {
  for (const FootnotePaper& fp : s.footnote_papers) {
    if (fp.marker >= from && fp.marker < to) return fp.id;
  }
  return "";
}

// A Kamerstuk cited right after `end` in the span ("«...» (Kamerstuk 35 207, nr. 1)").
std::string kamerstuk_after(const State& s, const Span& sp, uint32_t end, uint32_t reach) {
  for (const PatternMatch& m : sp.matches) {
    if (m.rule->fact != "ref.paper" || !has(m, "dossiers")) continue;
    if (m.range.begin >= end && m.range.begin <= end + reach) {
      if (std::string id = kamerstuk_id(s.st, m); !id.empty()) return id;
    }
  }
  return "";
}

bool valid_on(const EntityInfo& info, const std::optional<Date>& date) {
  if (!date) return true;
  std::string d = date->iso();
  auto bound = [&](const char* key) {
    auto it = info.attrs.find(key);
    return it != info.attrs.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  std::string from = bound("from"), to = bound("to");
  return (from.empty() || d >= from) && (to.empty() || d < to);
}

// The node of a titled document: a Kamerstuk when one is known, else a PolicyDocument.
void titled(State& s, const std::string& id_in, const std::string& title, std::string_view kind,
            Range at, std::string_view rule) {
  std::string id = id_in.empty() ? "policy:" + slug(title) : id_in;
  bool kst = id.starts_with("kst:");
  // A Kamerstuk is labelled by its number wherever it is first seen, so that the label does
  // not depend on which document the graph merges first; the title is an alias.
  std::string label = title;
  if (kst) {
    size_t dash = id.rfind('-');
    label = "Kamerstuk " + dossier_label(id.substr(4, dash - 4)) + ", nr. " + id.substr(dash + 1);
  }
  Node& n = paper(s, id, kst ? node_type::kParliamentaryPaper : node_type::kPolicyDocument, label,
                  at, rule);
  n.attrs.emplace("title", title);
  if (!kind.empty()) n.attrs.emplace("kind", std::string(kind));
  add_alias(n, title);
  s.titles.emplace(fold(title), id);
  cite(s, at, id, rule);
}

void known_titles(State& s) {
  for (const EntityMatch& e : s.st.entities) {
    if (e.entry->label != "PAPER") continue;
    auto info = s.st.info.find(e.entry->id);
    if (info == s.st.info.end() || !valid_on(info->second, s.st.date)) continue;
    std::string kind = info->second.attrs.value("kind", std::string());
    titled(s, e.entry->id, info->second.name, kind, e.range, "gazetteer:" + e.entry->where);
    if (Node* n = s.st.out.find(e.entry->id)) {
      for (const char* key : {"dossier", "number", "date"}) {
        auto it = info->second.attrs.find(key);
        if (it != info->second.attrs.end() && it->is_string())
          n->attrs.emplace(key, it->get<std::string>());
      }
    }
  }
}

// «...» is a titled document when a kind of document is named right before it ("de notitie
// «...»"); else it is a news item, a quote or a slogan, and no node.
void title_match(State& s, const Span& sp, const PatternMatch& m) {
  auto kind = match_before(s, m.range.begin, kKindReach, sp.range.begin, "refx.title_kind");
  if (!kind) return;
  std::string title = cap(s.st, m, "title");
  Range tr = cap_range(m, "title");
  Range at{kind->range.begin, m.range.end};
  std::string id = kamerstuk_after(s, sp, m.range.end, 3);
  if (id.empty()) id = footnoted(s, m.range.end, m.range.end + 3);
  if (id.empty()) {
    for (const EntityMatch* e : s.st.entities_in(tr, "PAPER")) {
      auto info = s.st.info.find(e->entry->id);
      if (info != s.st.info.end() && valid_on(info->second, s.st.date)) id = e->entry->id;
    }
  }
  if (id.empty()) {
    auto it = s.titles.find(fold(title));
    if (it != s.titles.end()) id = it->second;
  }
  titled(s, id, title, fold(cap(s.st, *kind, "kind")), at, m.rule->id);
}

// "Dreigingsbeeld Statelijke Actoren (DBSA)3" with footnote 3 "Kamerstuk 30 821, nr. 124": the
// title right before a footnote marker names the paper of the footnote.
void abbreviated_titles(State& s) {
  for (const FootnotePaper& fp : s.footnote_papers) {
    auto m = match_before(s, fp.marker, kTitleReach, 0, "refx.title_abbr");
    if (!m) continue;
    titled(s, fp.id, cap(s.st, *m, "title"), "", m->range, m->rule->id);
    if (Node* n = s.st.out.find(fp.id)) add_alias(*n, cap(s.st, *m, "abbr"));
  }
}

// "de brief van 16 maart 2018 over ...", "Met de brief van 20 november 2019 (Kamerstuk ...)".
// A letter known only by its date is not a node: letters of one day are many.
void letter(State& s, const Span& sp, const PatternMatch& m) {
  auto date = parse_dutch_date(cap(s.st, m, "date"), s.st.date);
  if (!date || date->day == 0) return;
  Range dr = cap_range(m, "date");
  std::string id = kamerstuk_after(s, sp, dr.end, 3);
  if (id.empty()) id = footnoted(s, dr.end, dr.end + 3);
  std::string subject = cap(s.st, m, "subject");
  std::string label =
      "brief van " + display(s.st.slice(dr)) + (subject.empty() ? "" : " over " + subject);
  if (id.empty()) {
    if (subject.empty()) return;
    std::string topic = subject;
    for (const char* article : {"de ", "het "}) {
      if (topic.starts_with(article)) topic = topic.substr(std::string_view(article).size());
    }
    id = "brief:" + date->iso() + ":" + slug(topic, 8);
  }
  Node& n = paper(s, id, node_type::kParliamentaryPaper, label, m.range, m.rule->id);
  n.attrs.emplace("kind", std::string("brief"));
  n.attrs.emplace("date", date->iso());
  if (!subject.empty()) n.attrs.emplace("subject", subject);
  add_alias(n, label);
  cite(s, m.range, id, m.rule->id);
}

}  // namespace

void titles(State& s) {
  known_titles(s);
  abbreviated_titles(s);
  for (const Span& sp : s.spans) {
    for (const PatternMatch& m : sp.matches) {
      const std::string& f = m.rule->fact;
      if (f == "ref.title")
        title_match(s, sp, m);
      else if (f == "ref.letter")
        letter(s, sp, m);
    }
  }
}

}  // namespace kg::refs
