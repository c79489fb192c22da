#include "resolve/extract.h"

#include <algorithm>
#include <filesystem>

#include "graph/schema.h"
#include "read/normalise.h"
#include "resolve/doc_state.h"
#include "segment/segment.h"

namespace kg {
namespace {

constexpr size_t kLabelChars = 60;

std::string numbers_key(const std::vector<int>& numbers) {
  std::string s;
  for (int n : numbers) s += (s.empty() ? "" : "-") + std::to_string(n);
  return s;
}

// The first ~60 characters of a text, cut at a code point boundary.
std::string excerpt(const std::string& s) {
  if (s.size() <= kLabelChars) return s;
  size_t cut = kLabelChars;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

Range span(const Block& b) {
  return {b.heading.empty() ? b.body.begin : b.heading.begin, b.body.end};
}

void add_blocks(DocState& st, const std::vector<Block>& blocks, bool questions) {
  std::string_view type = questions ? node_type::kQuestion : node_type::kAnswer;
  const char* word = questions ? "Vraag " : "Antwoord ";
  auto& containers = questions ? st.questions : st.answers;
  for (const Block& b : blocks) {
    std::string key = numbers_key(b.numbers);
    std::string id = st.doc_id + (questions ? "/q" : "/a") + key;
    if (st.out.find(id)) continue;  // a repeated chunk: the first occurrence stands
    std::string body;  // the parts leave out footnotes and page artefacts inside the block
    for (Range part : b.parts.empty() ? std::vector<Range>{b.body} : b.parts) {
      std::string piece = display(st.slice(part));
      if (!piece.empty()) body += (body.empty() ? "" : " ") + piece;
    }
    Provenance p = st.out.provenance(span(b), "segment");
    Node& n = st.out.node(id, type, word + key + ": " + excerpt(body), p);
    n.attrs["number"] = static_cast<int64_t>(b.numbers.front());
    std::vector<std::string> numbers;
    for (int x : b.numbers) numbers.push_back(std::to_string(x));
    n.attrs["numbers"] = numbers;
    n.attrs["text"] = body;
    st.out.edge(st.doc_id, id, edge_type::kContains, p);
    containers.push_back({id, span(b), b.numbers});
  }
}

void link_answers(DocState& st) {
  for (const Container& a : st.answers) {
    for (const Container& q : st.questions) {
      bool shared = std::any_of(a.numbers.begin(), a.numbers.end(), [&](int n) {
        return std::find(q.numbers.begin(), q.numbers.end(), n) != q.numbers.end();
      });
      if (shared)
        st.out.edge(a.id, q.id, edge_type::kAnswers, st.out.provenance(a.range, "segment"));
    }
  }
}

std::string doc_attr(DocState& st, const char* key) {
  Node* doc = st.out.find(st.doc_id);
  auto it = doc->attrs.find(key);
  if (it == doc->attrs.end()) return "";
  const auto* s = std::get_if<std::string>(&it->second);
  return s ? *s : "";
}

std::optional<Date> principal_date(DocState& st) {
  for (const char* key : {"date_answered", "date_letter", "date_published", "date_submitted"}) {
    if (auto d = parse_dutch_date(doc_attr(st, key))) return d;
  }
  return std::nullopt;
}

const char* kind_of(const Segmentation& seg) {
  if (seg.layout == Layout::kLetter) return "letter";
  if (seg.layout == Layout::kNews) return "news";
  if (!seg.answers.empty()) return "answers";
  if (!seg.questions.empty()) return "written_questions";
  return "other";
}

// Every scope with its ranges, in document order of importance.
std::vector<std::pair<Scope, Range>> scoped_ranges(const Segmentation& seg) {
  std::vector<std::pair<Scope, Range>> out;
  out.emplace_back(Scope::kHeader, seg.header);
  for (const Notice& n : seg.notices)
    out.emplace_back(Scope::kNotice, Range{n.heading.begin, n.body.end});
  out.emplace_back(Scope::kTrailer, seg.trailer);
  return out;
}

}  // namespace

const std::string& DocState::container_of(uint32_t offset) const {
  // A footnote's text belongs where its marker is ("...aangetroffen.1" in answer 1).
  for (const Footnote& f : seg.footnotes) {
    if (f.text.contains(offset) && !f.refs.empty() && !f.text.contains(f.refs.front().at)) {
      return container_of(f.refs.front().at);
    }
  }
  for (const auto* list : {&questions, &answers}) {
    for (const Container& c : *list) {
      if (c.range.contains(offset)) return c.id;
    }
  }
  return doc_id;
}

std::vector<const EntityMatch*> DocState::entities_in(Range r, std::string_view label) const {
  std::vector<const EntityMatch*> out;
  auto it = std::lower_bound(entities.begin(), entities.end(), r.begin,
                             [](const EntityMatch& m, uint32_t b) { return m.range.begin < b; });
  for (; it != entities.end() && it->range.begin < r.end; ++it) {
    if (it->range.end <= r.end && it->entry->label == label) out.push_back(&*it);
  }
  return out;
}

Extractor::Extractor(std::unique_ptr<Matcher> matcher, PersonRegister persons, EntityTable entities)
    : matcher_(std::move(matcher)), persons_(std::move(persons)), entities_(std::move(entities)) {}

Result<std::unique_ptr<Extractor>> Extractor::create(const RuleSet& rules) {
  auto matcher = Matcher::compile(rules);
  if (!matcher.ok()) return matcher.status();
  return std::unique_ptr<Extractor>(new Extractor(std::move(matcher).value(),
                                                  PersonRegister(rules.register_entries()),
                                                  build_entity_table(rules.gazetteer())));
}

std::string Extractor::document_id(const SourceFile& source) {
  return "doc:" + source.sha256.substr(0, 16);
}

Fragment Extractor::extract(const SourceFile& source) const {
  Text text = normalise(source.bytes);
  Segmentation seg = segment(text);
  std::vector<EntityMatch> entities = matcher_->entities(text);
  std::string doc_id = document_id(source);
  PreparedText prepared = matcher_->prepare(text);
  DocState st{source,   text,         prepared,  seg,
              entities, persons_,     entities_, FragmentBuilder(doc_id, text),
              doc_id,   std::nullopt, {},        {}};

  Range whole{0, static_cast<uint32_t>(text.text.size())};
  Node& doc = st.out.node(doc_id, node_type::kDocument, "", st.out.provenance(whole, "read"));
  doc.attrs["sha256"] = source.sha256;
  doc.attrs["source"] = source.path;
  doc.attrs["layout"] = std::string(layout_name(seg.layout));
  doc.attrs["kind"] = std::string(kind_of(seg));

  add_blocks(st, seg.questions, true);
  add_blocks(st, seg.answers, false);
  link_answers(st);

  // The header, notice and trailer rules run once per scope; their matches serve the
  // date pass (the document's date is needed to resolve names) and then the facts.
  std::vector<std::vector<PatternMatch>> scoped;
  for (const auto& [scope, range] : scoped_ranges(seg)) {
    scoped.push_back(fact_matches(st, *matcher_, range, scope));
  }
  for (const auto& matches : scoped) apply_date_facts(st, matches);
  st.date = principal_date(st);
  if (st.date) st.out.find(doc_id)->attrs.emplace("date", st.date->iso());
  for (const auto& matches : scoped) apply_pattern_facts(st, matches);
  // Body facts per question, answer and paragraph; a range searched once (a paragraph
  // that is a whole answer) is not searched again.
  std::vector<Range> searched;
  auto body_facts = [&](Range r) {
    if (std::find(searched.begin(), searched.end(), r) != searched.end()) return;
    searched.push_back(r);
    apply_pattern_facts(st, fact_matches(st, *matcher_, r, Scope::kBody));
  };
  for (const auto* list : {&st.questions, &st.answers}) {
    for (const Container& c : *list) body_facts(c.range);
  }
  for (Range r : seg.paragraphs) body_facts(r);
  add_entity_mentions(st);
  add_references(st, *matcher_);
  add_claims(st, *matcher_);
  add_commitments(st, *matcher_);

  Node* d = st.out.find(doc_id);
  std::string title = doc_attr(st, "title");
  d->label = !title.empty() ? title : std::filesystem::path(source.path).filename().string();
  return st.out.take();
}

}  // namespace kg
