#include "resolve/claims_sources.h"

#include <algorithm>

#include "graph/schema.h"
#include "read/normalise.h"

namespace kg {
namespace {

// Entities whose range lies inside r, in text order.
template <typename F>
void each_entity(const DocState& st, Range r, F&& f) {
  auto it = std::lower_bound(st.entities.begin(), st.entities.end(), r.begin,
                             [](const EntityMatch& m, uint32_t b) { return m.range.begin < b; });
  for (; it != st.entities.end() && it->range.begin < r.end; ++it) {
    if (it->range.end <= r.end) f(*it);
  }
}

std::string str_attr(const Node* n, const char* key) {
  if (!n) return "";
  auto it = n->attrs.find(key);
  if (it == n->attrs.end()) return "";
  const auto* s = std::get_if<std::string>(&it->second);
  return s ? *s : "";
}

// The folded words of a phrase.
std::vector<std::string> words_of(std::string_view folded) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    size_t b = i;
    while (i < folded.size() && folded[i] != ' ') ++i;
    if (i > b) out.emplace_back(folded.substr(b, i - b));
  }
  return out;
}

bool definite(std::string_view word) {
  for (std::string_view d : {"het", "de", "dit", "deze", "dat", "die", "zowel", "beide"}) {
    if (word == d) return true;
  }
  return false;
}

// A short definite noun phrase without a complement ("het onderzoek", "zowel het
// Litouwse als Duitse onderzoek", "deze"), whose last word is its head.
bool anaphor(const std::vector<std::string>& words) {
  if (words.empty() || words.size() > 6 || !definite(words.front())) return false;
  for (std::string_view w : words) {
    for (std::string_view prep : {"van", "in", "voor", "op", "bij", "met", "uit", "over", "naar"}) {
      if (w == prep) return false;
    }
  }
  return words.size() == 1 || words.back().size() >= 4;
}

bool capitalised(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  char32_t cp = decode_utf8(s, i);
  std::string folded, same;
  fold_append(cp, folded);
  encode_utf8(cp, same);
  return folded != same;
}

// "Daaruit blijkt": the source is what the text spoke of before.
bool pronominal_adverb(std::string_view word) { return word == "daaruit" || word == "hieruit"; }

// The organisation (else country) named first in the sentence.
std::optional<NodeRef> main_entity(const DocState& st, const Sentence& s) {
  std::optional<NodeRef> org, country;
  for (Range piece : s.pieces) {
    each_entity(st, piece, [&](const EntityMatch& m) {
      if (!org && m.entry->label == "ORG") org = NodeRef{m.entry->id, m.range};
      if (!country && m.entry->label == "COUNTRY") country = NodeRef{m.entry->id, m.range};
    });
  }
  return org ? org : country;
}

}  // namespace

std::vector<NodeRef> person_mentions(DocState& st, const Matcher& matcher) {
  std::vector<Range> ranges;
  for (const auto* list : {&st.questions, &st.answers}) {
    for (const Container& c : *list) ranges.push_back(c.range);
  }
  ranges.insert(ranges.end(), st.seg.paragraphs.begin(), st.seg.paragraphs.end());
  std::vector<NodeRef> out;
  for (Range r : ranges) {
    for (const PatternMatch& m : matcher.patterns(st.prepared, r, Scope::kBody, "person_mention")) {
      for (NodeRef& person : add_persons(st, m, "persons")) out.push_back(std::move(person));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const NodeRef& a, const NodeRef& b) { return a.range.begin < b.range.begin; });
  return out;
}

SourceReading read_source(const DocState& st, const Matcher& matcher, Range phrase,
                          const std::vector<Sentence>& sentences, size_t index,
                          const std::vector<NodeRef>& persons) {
  SourceReading out;
  out.text = display(st.slice(phrase));
  while (!out.text.empty() &&
         std::string_view(",;:").find(out.text.back()) != std::string_view::npos) {
    out.text.pop_back();
  }
  if (!matcher.patterns(st.prepared, phrase, Scope::kBody, "claim.self").empty()) {
    out.kind = SourceReading::Kind::kSelf;
    return out;
  }
  // An entity that starts inside the phrase counts: a rule may cut a long name short
  // ("de Vereniging" of "de Vereniging Nederlandse Gemeenten (VNG) onderstreept").
  each_entity(st, {phrase.begin, phrase.end + 200}, [&](const EntityMatch& m) {
    const std::string& l = m.entry->label;
    if (!out.node && m.range.begin < phrase.end &&
        (l == "ORG" || l == "COUNTRY" || l == "PARTY" || l == "PERSON" || l == "LAW")) {
      out.node = NodeRef{m.entry->id, m.range};
    }
  });
  for (const NodeRef& p : persons) {
    if (!out.node && p.range.begin >= phrase.begin && p.range.end <= phrase.end) out.node = p;
  }
  std::vector<std::string> words = words_of(fold(out.text));
  bool adverb = !words.empty() && pronominal_adverb(words.front());
  bool name_like = !words.empty() && !adverb && !definite(words.front()) &&
                   words.front() != "een" && capitalised(out.text);
  if (out.node || !name_like) out.kind = SourceReading::Kind::kSource;
  if (words.empty() || out.node || !(adverb || anaphor(words))) return out;
  // An anaphor: "het onderzoek" is the research the text spoke of just before; "deze"
  // and "daaruit" what the sentence before spoke of.
  std::string head = words.size() == 1 ? std::string() : words.back();
  for (size_t back = 1; back <= 3 && back <= index; ++back) {
    const Sentence& s = sentences[index - back];
    if (!head.empty() && fold(sentence_text(st.text.text, s)).find(head) == std::string::npos) {
      continue;
    }
    out.node = main_entity(st, s);
    break;
  }
  return out;
}

std::optional<NodeRef> resolve_speaker(DocState& st, Range speaker, uint32_t before,
                                       const std::vector<NodeRef>& persons, std::string_view rule) {
  std::string folded = fold(st.slice(speaker));
  std::string sex = folded == "hij" ? "M" : folded == "ze" || folded == "zij" ? "F" : "";
  if (!sex.empty()) {
    std::optional<NodeRef> unknown;
    for (auto it = persons.rbegin(); it != persons.rend(); ++it) {
      if (it->range.end > before) continue;
      std::string known = str_attr(st.out.find(it->id), "sex");
      if (known == sex) return NodeRef{it->id, speaker};
      if (known.empty() && !unknown) unknown = NodeRef{it->id, speaker};
    }
    return unknown;
  }
  std::optional<NodeRef> org;
  each_entity(st, speaker, [&](const EntityMatch& m) {
    if (!org && m.entry->label == "ORG") org = NodeRef{m.entry->id, m.range};
  });
  if (org) return org;
  PersonList list = parse_person_list(st.text.text, speaker);
  if (list.persons.empty()) return std::nullopt;
  std::string id = add_person(st, list.persons.front(), list.shared_groups, rule);
  if (id.empty()) return std::nullopt;
  return NodeRef{id, list.persons.front().name};
}

std::vector<NodeRef> entities_within(DocState& st, Range r, const std::vector<NodeRef>& persons) {
  std::vector<NodeRef> out;
  auto add = [&](const NodeRef& ref) {
    bool seen =
        std::any_of(out.begin(), out.end(), [&](const NodeRef& o) { return o.id == ref.id; });
    if (!seen) out.push_back(ref);
  };
  each_entity(st, r, [&](const EntityMatch& m) {
    if (st.out.find(m.entry->id)) add({m.entry->id, m.range});
  });
  for (const NodeRef& p : persons) {
    if (p.range.begin >= r.begin && p.range.end <= r.end) add(p);
  }
  return out;
}

}  // namespace kg
