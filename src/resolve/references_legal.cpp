// Legal references: instruments (gazetteer label LAW, numbered EU acts), provisions
// (articles, divisions, measures) PART_OF their instrument, court decisions, and the
// anaphora that point back at them ("deze strafbepaling", "genoemde richtlijn").
// A provision is only emitted when its instrument is certain: named right after it, or,
// for a bare "artikel 139c", named in the same or the previous sentence of the same
// question or answer.
#include "graph/schema.h"
#include "resolve/references_state.h"

namespace kg::refs {
namespace {

constexpr uint32_t kAnaphorReach = 1500;  // bytes back an anaphor may look, same container
constexpr uint32_t kMarkerReach = 80;     // a glued footnote marker after an instrument name
constexpr uint32_t kContextReach = 100;   // court and date before an ECLI, "zaak" before a case

struct Resolved {
  std::string id;
  Range at;
};

bool is_statute_kind(std::string_view k) {
  return k == "wet" || k == "wetboek" || k == "richtlijn" || k == "verordening" || k == "verdrag";
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::optional<Resolved> eu_act(State& s, const PatternMatch& m, const char* whole) {
  if (!has(m, whole)) return std::nullopt;
  std::string kind = fold(cap(s.st, m, "eukind"));
  if (kind.find("verordening") != std::string::npos) kind = "verordening";
  Range k = cap_range(m, "eukind");
  if (kind == "besluit" && k.begin >= 5 && fold(s.st.slice({k.begin - 5, k.begin})) == "kader") {
    kind = "kaderbesluit";
  }
  std::string celex = celex_of(kind, cap(s.st, m, "eunum"), cap(s.st, m, "eusuffix"));
  if (celex.empty()) return std::nullopt;
  Range at = cap_range(m, whole);
  std::string id = "celex:" + celex;
  instrument(s, id, capitalised(display(s.st.slice(at))), kind, at, m.rule->id);
  return Resolved{id, at};
}

// An instrument name glued to a footnote marker ("Wetboek van Strafvordering7") is not a
// gazetteer match in the document; match the name again without its marker.
std::optional<Resolved> before_marker(State& s, uint32_t pos, std::string_view rule) {
  uint32_t marker = 0;
  for (const Footnote& f : s.st.seg.footnotes) {
    for (const FootnoteRef& r : f.refs) {
      if (r.at > pos && r.at < pos + kMarkerReach && (marker == 0 || r.at < marker)) marker = r.at;
    }
  }
  if (marker == 0) return std::nullopt;
  Text snippet = normalise(std::string_view(s.st.text.text).substr(pos, marker - pos));
  for (const EntityMatch& e : s.matcher.entities(snippet)) {
    bool law = e.entry->label == "LAW" || e.entry->label == "LAW_ABBR";
    if (!law || e.range.begin != 0 || e.range.end != snippet.text.size()) continue;
    Range at{pos + snippet.to_src[0], pos + snippet.to_src[e.range.end]};
    return Resolved{instrument(s, e.entry->id, e.entry->id, "", at, rule), at};
  }
  return std::nullopt;
}

// The instrument named right after a provision head (the match includes "van de").
std::optional<Resolved> instrument_after(State& s, const PatternMatch& m) {
  if (auto eu = eu_act(s, m, "eu")) return eu;
  uint32_t pos =
      skip_space(s.st.text.text, m.range.end, static_cast<uint32_t>(s.st.text.text.size()));
  if (const EntityMatch* e = entity_at(s.st, pos, {"LAW", "LAW_ABBR"})) {
    return Resolved{
        instrument(s, e->entry->id, e->entry->id, "", e->range, "gazetteer:" + e->entry->where),
        e->range};
  }
  return before_marker(s, pos, m.rule->id);
}

// A bare article's instrument: the last statute named before it in the same container,
// no further back than the start of the previous sentence.
std::optional<Resolved> salient(State& s, Range at, Range bound) {
  Range sentence = sentence_of(s.st.text.text, at.begin, bound);
  uint32_t floor = sentence.begin > bound.begin + 2
                       ? sentence_of(s.st.text.text, sentence.begin - 2, bound).begin
                       : sentence.begin;
  const std::string& container = s.st.container_of(at.begin);
  const Cited* best = nullptr;
  for (const Cited& c : s.instruments) {
    if (c.at.begin < floor || c.at.end > at.begin || c.container != container) continue;
    if (!is_statute_kind(c.kind)) continue;
    if (!best || c.at.begin > best->at.begin) best = &c;
  }
  if (!best) return std::nullopt;
  return Resolved{best->id, best->at};
}

void provision(State& s, const std::string& inst, std::string_view unit, const std::string& num,
               Range at, std::string_view rule, Attrs attrs) {
  std::string id = inst + "/" + std::string(unit) + ":" + num;
  std::string word = unit == "art" ? "artikel" : std::string(unit);
  Provenance p = s.st.out.provenance(at, rule);
  Node& n = s.st.out.node(id, node_type::kLegalProvision,
                          word + " " + num + " " + instrument_name(s, inst), p);
  n.attrs.emplace(unit == "art" ? "article" : std::string(unit), num);
  n.attrs.emplace("instrument", inst);
  if (auto info = s.st.info.find(inst); info != s.st.info.end()) {
    if (auto abbr = info->second.attrs.find("abbr");
        abbr != info->second.attrs.end() && abbr->is_string()) {
      add_alias(n, word + " " + num + " " + abbr->get<std::string>());
    }
  }
  s.st.out.edge(id, inst, edge_type::kPartOf, p);
  attrs["text"] = display(s.st.slice(at));
  cite(s, at, id, rule, std::move(attrs));
  cite(s, at, inst, rule);
  s.provisions.push_back({id, "", at, s.st.container_of(at.begin)});
}

Attrs detail(const DocState& st, const PatternMatch& m) {
  Attrs a;
  std::string lid = has(m, "lidn") ? cap(st, m, "lidn") : ordinal_number(fold(cap(st, m, "lid")));
  if (!lid.empty()) a["paragraph"] = lid;
  if (std::string sub = cap(st, m, "sub"); !sub.empty()) a["sub"] = sub;
  return a;
}

// "... Politiewet en/of 126 Wetboek van Strafvordering": further articles, each followed by
// its own instrument.
void continued(State& s, uint32_t pos, Range bound) {
  for (int hops = 0; hops < 4 && pos < bound.end; ++hops) {
    Range r{pos, std::min(bound.end, pos + 60)};
    auto ms = s.matcher.patterns(s.st.prepared, r, Scope::kBody, "refx.continued");
    if (ms.empty() || ms.front().range.begin != pos) return;
    const PatternMatch& c = ms.front();
    auto inst = instrument_after(s, c);
    if (!inst) return;
    for (const std::string& num : split_list(cap(s.st, c, "list"))) {
      provision(s, inst->id, "art", num, {c.range.begin, inst->at.end}, c.rule->id,
                detail(s.st, c));
    }
    pos = inst->at.end;
  }
}

void article(State& s, const Span& sp, const PatternMatch& m) {
  if (after_letter(s.st.text.text, m.range.begin)) return;  // "start. 5", "Bartikel"
  if (has(m, "range")) return;  // "artikelen 3 tot en met 7": not every article is named
  auto inst = instrument_after(s, m);
  bool adjacent = inst.has_value();
  if (!inst) {
    if (has(m, "via")) return;  // "artikel 3 van de Regeling X": named, but not known
    inst = salient(s, m.range, sp.range);
    if (!inst) return;
  }
  Range at = adjacent ? Range{m.range.begin, inst->at.end} : m.range;
  Attrs a = detail(s.st, m);
  if (!adjacent) a["resolved"] = std::string("salience");
  for (const std::string& num : split_list(cap(s.st, m, "list"))) {
    provision(s, inst->id, "art", num, at, m.rule->id, a);
  }
  if (adjacent) continued(s, inst->at.end, sp.range);
}

void division(State& s, const PatternMatch& m) {
  auto inst = instrument_after(s, m);
  if (!inst) return;  // "hoofdstuk 3" of a report: only with a named instrument
  std::string unit = fold(cap(s.st, m, "head"));
  provision(s, inst->id, unit, cap(s.st, m, "num"), {m.range.begin, inst->at.end}, m.rule->id, {});
}

// "BIO-maatregelen 14.1.1.1 en 15.1.1.1": the standard is glued before it; "maatregel 14.1.1.1
// van de BIO": named after it.
void measure(State& s, const PatternMatch& m) {
  std::optional<Resolved> inst;
  uint32_t b = m.range.begin;
  if (b > 0 && s.st.text.text[b - 1] == '-') {
    if (const EntityMatch* e = entity_ending_at(s.st, b - 1, {"LAW"})) {
      inst = Resolved{
          instrument(s, e->entry->id, e->entry->id, "", e->range, "gazetteer:" + e->entry->where),
          e->range};
    }
  } else if (!after_letter(s.st.text.text, b)) {
    inst = instrument_after(s, m);
  }
  if (!inst) return;
  Range at{std::min(m.range.begin, inst->at.begin), std::max(m.range.end, inst->at.end)};
  for (const std::string& num : split_list(cap(s.st, m, "list"))) {
    provision(s, inst->id, "maatregel", num, at, m.rule->id, {});
  }
}

// "Hoge Raad, 17 december 2019, ECLI:NL:HR:2019:1973"; "het arrest ... in zaak C-311/18".
void decision(State& s, const Span& sp, const PatternMatch& m, bool ecli) {
  std::string key = cap(s.st, m, ecli ? "ecli" : "case");
  while (!key.empty() && key.back() == '.') key.pop_back();
  if (!ecli &&
      (after_letter(s.st.text.text, m.range.begin) ||
       !match_before(s, m.range.begin, kContextReach, sp.range.begin, "refx.cjeu_context"))) {
    return;  // a case number only counts where a court, case or judgment is named before it
  }
  std::string id = ecli ? "ecli:" + key.substr(5) : "cjeu:" + key;
  std::string court, date;
  Range at = m.range;
  if (ecli) {
    if (auto c =
            match_before(s, m.range.begin, kContextReach, sp.range.begin, "refx.court_before")) {
      court = cap(s.st, *c, "court");
      date = cap(s.st, *c, "date");
      at.begin = c->range.begin;
    }
  }
  std::string label = ecli ? key : "HvJ EU zaak " + key;
  if (!court.empty()) label = court + (date.empty() ? "" : " " + date) + ", " + key;
  Node& n = paper(s, id, node_type::kCourtDecision, label, at, m.rule->id);
  n.attrs.emplace(ecli ? "ecli" : "case", key);
  if (!court.empty()) n.attrs.emplace("court", court);
  if (auto d = parse_dutch_date(date, s.st.date)) n.attrs.emplace("date", d->iso());
  add_alias(n, key);
  cite(s, at, id, m.rule->id);
}

void anaphor(State& s, const PatternMatch& m, bool to_provision) {
  const std::string& container = s.st.container_of(m.range.begin);
  std::string kind = fold(cap(s.st, m, "kind"));
  const auto& pool = to_provision ? s.provisions : s.instruments;
  const Cited* best = nullptr;
  for (const Cited& c : pool) {
    if (c.at.end > m.range.begin || c.at.end + kAnaphorReach < m.range.begin) continue;
    if (c.container != container) continue;
    if (!to_provision && !(c.kind == kind || (kind == "wet" && c.kind == "wetboek"))) continue;
    if (!best || c.at.begin > best->at.begin) best = &c;
  }
  if (best) cite(s, m.range, best->id, m.rule->id, {{"anaphor", cap(s.st, m, "phrase")}});
}

}  // namespace

void legal(State& s) {
  // Instruments first, so that bare articles and anaphora can look back at them.
  for (const EntityMatch& e : s.st.entities) {
    if (e.entry->label != "LAW") continue;
    std::string rule = "gazetteer:" + e.entry->where;
    cite(s, e.range, instrument(s, e.entry->id, e.entry->id, "", e.range, rule), rule);
  }
  for (const Span& sp : s.spans) {
    for (const PatternMatch& m : sp.matches) {
      // Glued is fine here: "kaderrichtlijn 2000/60/EG", "uitvoeringsverordening (EU) 2019/947".
      if (m.rule->fact != "ref.legal.eu") continue;
      if (auto eu = eu_act(s, m, "eu0")) cite(s, eu->at, eu->id, m.rule->id);
    }
  }
  for (const Span& sp : s.spans) {
    for (const PatternMatch& m : sp.matches) {
      const std::string& f = m.rule->fact;
      if (f == "ref.legal.article")
        article(s, sp, m);
      else if (f == "ref.legal.division")
        division(s, m);
      else if (f == "ref.legal.measure")
        measure(s, m);
      else if (f == "ref.legal.ecli")
        decision(s, sp, m, true);
      else if (f == "ref.legal.cjeu")
        decision(s, sp, m, false);
    }
  }
  // Anaphora only where something was cited: elsewhere there is nothing to point back at.
  for (const Span& sp : s.spans) {
    auto cited_in = [&](const std::vector<Cited>& pool) {
      return std::any_of(pool.begin(), pool.end(),
                         [&](const Cited& c) { return sp.range.contains(c.at.begin); });
    };
    if (!cited_in(s.provisions) && !cited_in(s.instruments)) continue;
    for (const PatternMatch& m :
         s.matcher.patterns(s.st.prepared, sp.range, sp.scope, "refx.anaphor.")) {
      if (m.rule->fact == "refx.anaphor.provision")
        anaphor(s, m, true);
      else if (m.rule->fact == "refx.anaphor.instrument")
        anaphor(s, m, false);
    }
  }
}

}  // namespace kg::refs
