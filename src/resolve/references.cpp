// References: the entry point and the node helpers the reference modules share.
#include <algorithm>

#include "graph/schema.h"
#include "resolve/references_state.h"

namespace kg {
namespace refs {
namespace {

// Every stretch the rules run on, in text order: header, questions and answers,
// paragraphs (news, unknown layouts), notices, trailer, and footnote texts that lie
// outside all of these. Footnote texts inside an answer are scanned with it;
// DocState::container_of gives them the container of their marker.
void collect_spans(State& s) {
  const Segmentation& seg = s.st.seg;
  // One call per stretch: the matcher's prefilter then skips every rule that cannot match.
  auto add = [&](Range r, Scope scope) {
    if (!r.empty())
      s.spans.push_back({r, scope, s.matcher.patterns(s.st.prepared, r, scope, "ref.")});
  };
  add(seg.header, Scope::kHeader);
  for (const auto* list : {&s.st.questions, &s.st.answers}) {
    for (const Container& c : *list) add(c.range, Scope::kBody);
  }
  for (Range r : seg.paragraphs) add(r, Scope::kBody);
  for (const Notice& n : seg.notices) add({n.heading.begin, n.body.end}, Scope::kNotice);
  add(seg.trailer, Scope::kTrailer);
  for (const Footnote& f : seg.footnotes) {
    bool inside = std::any_of(s.spans.begin(), s.spans.end(),
                              [&](const Span& sp) { return sp.range.contains(f.text.begin); });
    if (!inside) add(f.text, Scope::kBody);
  }
  std::sort(s.spans.begin(), s.spans.end(),
            [](const Span& a, const Span& b) { return a.range.begin < b.range.begin; });
}

// Instruments answer to their bare identifier and abbreviation as well
// (`kamergraph show BWBR0009950`).
void add_instrument_aliases(State& s) {
  for (const EntityMatch& e : s.st.entities) {
    if (e.entry->label == "LAW") s.instrument_ids.push_back(e.entry->id);
  }
  std::sort(s.instrument_ids.begin(), s.instrument_ids.end());
  s.instrument_ids.erase(std::unique(s.instrument_ids.begin(), s.instrument_ids.end()),
                         s.instrument_ids.end());
  for (const std::string& id : s.instrument_ids) {
    Node* n = s.st.out.find(id);
    if (!n) continue;
    for (const char* key : {"bwb", "celex", "abbr"}) {
      auto it = n->attrs.find(key);
      if (it == n->attrs.end()) continue;
      if (const auto* v = std::get_if<std::string>(&it->second); v && !v->empty()) {
        std::string alias = *v;
        add_alias(*n, alias);
      }
    }
  }
}

}  // namespace

void add_alias(Node& n, const std::string& alias) {
  if (alias.empty() || alias == n.label) return;
  auto& v = n.attrs["aliases"];
  if (!std::holds_alternative<std::vector<std::string>>(v)) v = std::vector<std::string>{};
  auto& list = std::get<std::vector<std::string>>(v);
  if (std::find(list.begin(), list.end(), alias) == list.end()) list.push_back(alias);
}

const EntityMatch* entity_at(const DocState& st, uint32_t pos,
                             std::initializer_list<std::string_view> labels) {
  auto it = std::lower_bound(st.entities.begin(), st.entities.end(), pos,
                             [](const EntityMatch& m, uint32_t p) { return m.range.begin < p; });
  for (; it != st.entities.end() && it->range.begin == pos; ++it) {
    for (std::string_view l : labels) {
      if (it->entry->label == l) return &*it;
    }
  }
  return nullptr;
}

const EntityMatch* entity_ending_at(const DocState& st, uint32_t pos,
                                    std::initializer_list<std::string_view> labels) {
  auto it = std::lower_bound(st.entities.begin(), st.entities.end(), pos,
                             [](const EntityMatch& m, uint32_t p) { return m.range.begin < p; });
  // Entities do not overlap, so only the few just before `pos` can end there.
  for (int back = 0; back < 3 && it != st.entities.begin(); ++back) {
    --it;
    if (it->range.end != pos) continue;
    for (std::string_view l : labels) {
      if (it->entry->label == l) return &*it;
    }
  }
  return nullptr;
}

std::optional<PatternMatch> match_before(State& s, uint32_t pos, uint32_t reach, uint32_t floor,
                                         std::string_view prefix) {
  uint32_t from = pos > floor + reach ? pos - reach : floor;
  auto ms = s.matcher.patterns(s.st.prepared, {from, pos}, Scope::kBody, prefix);
  if (ms.empty()) return std::nullopt;
  return std::move(ms.back());
}

std::string instrument_kind(State& s, const std::string& id) {
  Node* n = s.st.out.find(id);
  if (!n) return "";
  auto it = n->attrs.find("kind");
  const auto* v = it == n->attrs.end() ? nullptr : std::get_if<std::string>(&it->second);
  return v ? *v : "";
}

std::string instrument_name(State& s, const std::string& id) {
  auto info = s.st.info.find(id);
  if (info != s.st.info.end() && !info->second.name.empty()) return info->second.name;
  Node* n = s.st.out.find(id);
  return n ? n->label : id;
}

std::string instrument(State& s, const std::string& id, const std::string& label,
                       std::string_view kind, Range at, std::string_view rule) {
  Provenance p = s.st.out.provenance(at, rule);
  Node& n = s.st.info.count(id) ? s.st.entity_node(id, node_type::kLegalInstrument, p)
                                : s.st.out.node(id, node_type::kLegalInstrument, label, p);
  if (!kind.empty()) n.attrs.emplace("kind", std::string(kind));
  if (id.starts_with("celex:")) n.attrs.emplace("celex", id.substr(6));
  if (id.starts_with("bwb:")) n.attrs.emplace("bwb", id.substr(4));
  s.instruments.push_back({id, instrument_kind(s, id), at, s.st.container_of(at.begin)});
  s.instrument_ids.push_back(id);
  return id;
}

Node& paper(State& s, const std::string& id, std::string_view type, const std::string& label,
            Range at, std::string_view rule) {
  return s.st.out.node(id, type, label, s.st.out.provenance(at, rule));
}

void cite(State& s, Range at, const std::string& target, std::string_view rule, Attrs attrs) {
  s.st.out.edge(s.st.container_of(at.begin), target, edge_type::kCites,
                s.st.out.provenance(at, rule), std::move(attrs));
}

}  // namespace refs

void add_references(DocState& st, const Matcher& matcher) {
  refs::State s{st, matcher, {}, {}, {}, {}, {}, {}};
  refs::collect_spans(s);
  refs::papers(s);
  refs::legal(s);
  refs::motions(s);
  refs::add_instrument_aliases(s);
}

}  // namespace kg
