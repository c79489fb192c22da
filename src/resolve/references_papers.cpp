// Parliamentary papers: Kamerstukken, Aanhangsel Handelingen, Handelingen, Staatscourant and
// Staatsblad, zaak numbers, letter references (titled documents and letters:
// references_titles.cpp).
// In the body a paper is CITED by the question or answer; in the header and trailer the
// document's own identifiers are REFERS_TO {role: identity} (so that a later document citing
// "Aanhangsel Handelingen 2021–2022, nr. 3019" joins the document that is that paper), and
// "Zie ook ..." is REFERS_TO {role: see_also}.
#include "graph/schema.h"
#include "resolve/references_state.h"

namespace kg::refs {
namespace {

struct PaperRef {
  std::string id;
  std::string label;
  std::string kind;
  Attrs attrs;
};

// A document number belongs to the paper cited before it when it follows in parentheses
// ("nr. 76 (2023D39037)") or in the same footnote (a motion's URL "...?id=2022D25169").
bool same_citation(const State& s, uint32_t paper_end, uint32_t at) {
  const Footnote* f = footnote_at(s.st.seg, at);
  if (f && f->text.contains(paper_end > 0 ? paper_end - 1 : 0)) return true;
  std::string_view between = std::string_view(s.st.text.text).substr(paper_end, at - paper_end);
  return between.find_first_not_of(" \n(") == std::string_view::npos && at - paper_end < 4;
}

// True when the word before `pos` (spaces skipped) is `word` (folded): "Ons | kenmerk".
bool after_word(const std::string& text, uint32_t pos, std::string_view word) {
  uint32_t e = pos;
  while (e > 0 && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  if (e < word.size()) return false;
  uint32_t b = e - static_cast<uint32_t>(word.size());
  return fold(std::string_view(text).substr(b, word.size())) == word && !after_letter(text, b);
}

std::vector<std::string> dossier_keys(std::string_view text) {
  std::vector<std::string> keys;
  std::string cur;
  auto flush = [&] {
    std::string k = dossier_key(cur);
    if (k.size() >= 5) keys.push_back(k);
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',' || text.substr(i, 4) == " en ") {
      flush();
      if (text[i] != ',') i += 3;
    } else {
      cur += text[i];
    }
  }
  flush();
  return keys;
}

std::optional<PaperRef> kamerstuk(const DocState& st, const PatternMatch& m) {
  auto keys = dossier_keys(cap(st, m, "dossiers"));
  if (keys.empty()) return std::nullopt;
  std::string nr = cap(st, m, "nr");
  PaperRef p{"kst:" + keys[0] + "-" + nr, "", "kamerstuk", {}};
  std::string dossiers;
  for (const std::string& k : keys) dossiers += (dossiers.empty() ? "" : " en ") + dossier_label(k);
  p.label = "Kamerstuk " + dossiers + ", nr. " + nr;
  p.attrs["dossier"] = keys[0];
  p.attrs["number"] = nr;
  if (keys.size() > 1) p.attrs["dossiers"] = keys;
  return p;
}

std::optional<PaperRef> session_paper(const DocState& st, const PatternMatch& m, bool aanhangsel) {
  auto years = session_years(cap(st, m, "y1"));
  if (!years) return std::nullopt;
  std::string y = std::to_string(years->first) + "-" + std::to_string(years->second);
  std::string shown = std::to_string(years->first) + "–" + std::to_string(years->second);
  if (aanhangsel) {
    std::string nr = cap(st, m, "nr");
    return PaperRef{"ah:" + y + "-" + nr,
                    "Aanhangsel Handelingen II " + shown + ", nr. " + nr,
                    "aanhangsel",
                    {{"session", y}, {"number", nr}}};
  }
  std::string nr = cap(st, m, "hnr"), item = cap(st, m, "item");
  PaperRef p{"han:" + y + "-" + nr + (item.empty() ? "" : "-" + item),
             "Handelingen II " + shown + ", nr. " + nr + (item.empty() ? "" : ", item " + item),
             "handelingen",
             {{"session", y}, {"number", nr}}};
  if (!item.empty()) p.attrs["item"] = item;
  return p;
}

std::optional<PaperRef> publication(const DocState& st, const PatternMatch& m) {
  std::string pub = cap(st, m, "pub"), id = cap(st, m, "pubid");
  if (pub == "kv")
    return PaperRef{
        "zaak:" + id, "zaak " + id, "kamervragen", {{"zaak", id}, {"publication", "kv-tk-" + id}}};
  if (id.size() < 10 || id[8] != '-') return std::nullopt;
  std::string y = id.substr(0, 4) + "-" + id.substr(4, 4), nr = id.substr(9);
  return PaperRef{
      "ah:" + y + "-" + nr,
      "Aanhangsel Handelingen II " + id.substr(0, 4) + "–" + id.substr(4, 4) + ", nr. " + nr,
      "aanhangsel",
      {{"session", y}, {"number", nr}, {"publication", "ah-tk-" + id}}};
}

std::optional<PaperRef> gazette(const DocState& st, const PatternMatch& m) {
  std::string g = fold(cap(st, m, "gazette")), year = cap(st, m, "year"), nr = cap(st, m, "gnr");
  const char* prefix = "stcrt";
  const char* name = "Staatscourant";
  if (g.starts_with("stb") || g.starts_with("staatsb")) prefix = "stb", name = "Staatsblad";
  if (g.starts_with("tr")) prefix = "trb", name = "Tractatenblad";
  return PaperRef{std::string(prefix) + ":" + year + "-" + nr,
                  std::string(name) + " " + year + ", " + nr,
                  fold(name),
                  {{"year", year}, {"number", nr}}};
}

std::optional<PaperRef> paper_of(const DocState& st, const PatternMatch& m) {
  if (has(m, "dossiers")) return kamerstuk(st, m);
  if (has(m, "y1") && has(m, "nr")) return session_paper(st, m, true);
  if (has(m, "y1") && has(m, "hnr")) return session_paper(st, m, false);
  if (has(m, "pub")) return publication(st, m);
  if (has(m, "gazette")) return gazette(st, m);
  if (has(m, "zaak")) {
    std::string z = cap(st, m, "zaak");
    return PaperRef{"zaak:" + z, "zaak " + z, "kamervragen", {{"zaak", z}}};
  }
  if (has(m, "kenmerk")) {
    std::string k = cap(st, m, "kenmerk"), key;
    for (char c : k)
      if (c != ' ') key += c;
    return PaperRef{"kenmerk:" + key, "kenmerk " + k, "brief", {{"kenmerk", k}}};
  }
  return std::nullopt;
}

Node& emit(State& s, const PaperRef& ref, Range at, std::string_view rule) {
  Node& n = paper(s, ref.id, node_type::kParliamentaryPaper, ref.label, at, rule);
  n.attrs.emplace("kind", ref.kind);
  for (const auto& [k, v] : ref.attrs) n.attrs.emplace(k, v);
  return n;
}

void refer(State& s, Range at, const std::string& id, std::string_view rule, const char* role) {
  s.st.out.edge(s.st.doc_id, id, edge_type::kRefersTo, s.st.out.provenance(at, rule),
                {{"role", std::string(role)}});
}

void cited_papers(State& s, const Span& sp) {
  std::vector<Range> see_also;
  for (const PatternMatch& m : sp.matches) {
    if (m.rule->fact == "ref.see_also") see_also.push_back(m.range);
  }
  bool own_scope = sp.scope == Scope::kHeader || sp.scope == Scope::kTrailer;
  std::string last;  // the last paper of this span, for a document number after it
  uint32_t last_end = 0;
  for (const PatternMatch& m : sp.matches) {
    const std::string& f = m.rule->fact;
    if (f == "ref.number.docnr") {
      // "nr. 76 (2023D39037)", a motion's URL "...?id=2022D25169": another identifier of the
      // paper just cited; alone, the document number is the paper's identifier.
      std::string nr = cap(s.st, m, "docnr");
      if (!last.empty() && same_citation(s, last_end, m.range.begin)) {
        if (Node* n = s.st.out.find(last)) n->attrs.emplace("document_number", nr);
      } else {
        emit(s, {"tkdoc:" + nr, "document " + nr, "document", {{"document_number", nr}}}, m.range,
             m.rule->id);
        cite(s, m.range, "tkdoc:" + nr, m.rule->id);
      }
      continue;
    }
    if (f != "ref.paper" && f != "ref.self" && f != "ref.kenmerk" && f != "ref.number.zaak")
      continue;
    auto ref = paper_of(s.st, m);
    if (!ref) continue;
    emit(s, *ref, m.range, m.rule->id);
    last = ref->id;
    last_end = m.range.end;
    bool in_see_also = std::any_of(see_also.begin(), see_also.end(),
                                   [&](Range r) { return r.contains(m.range.begin); });
    if (in_see_also) {
      refer(s, m.range, ref->id, m.rule->id, "see_also");
    } else if (f == "ref.self" || own_scope ||
               (f == "ref.kenmerk" && after_word(s.st.text.text, m.range.begin, "ons"))) {
      refer(s, m.range, ref->id, m.rule->id, "identity");
    } else {
      cite(s, m.range, ref->id, m.rule->id);
      if (const Footnote* fn = footnote_at(s.st.seg, m.range.begin)) {
        for (const FootnoteRef& r : fn->refs) s.footnote_papers.push_back({r.at, ref->id});
      }
    }
  }
}

}  // namespace

std::string kamerstuk_id(const DocState& st, const PatternMatch& m) {
  auto ref = kamerstuk(st, m);
  return ref ? ref->id : std::string();
}

void papers(State& s) {
  for (const Span& sp : s.spans) cited_papers(s, sp);
  titles(s);
}

}  // namespace kg::refs
