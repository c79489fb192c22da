// Claims: the sentences of answers and news items that a rule of rules/patterns/claims*.jsonl
// recognises as an assertion (a source it rests on, a stance, a stated position, a quotation).
// One Claim node per such sentence (or quotation), with CLAIMS from its speaker,
// ATTRIBUTED_TO its source, ABOUT what it names, and a stance where a rule tells.
//
// Facts (captures):
//   claim.source          source              "Uit het onderzoek blijkt dat", "Volgens de NCTV"
//   claim.confirms | claim.denies | claim.hedges   -   "Het klopt dat", "Dit is niet juist",
//                                                      "geen aanwijzingen"
//   claim.position        -                   "Het kabinet maakt zich zorgen over"
//   claim.quote           quote, [speaker]    "\"...\", vraagt ze"; without a speaker the quote
//                                             continues the last quotation of the same text
//   claim.self            -                   anchored: phrases that are the speaker itself
#include <algorithm>
#include <map>

#include "graph/schema.h"
#include "read/normalise.h"
#include "resolve/claims_sentences.h"
#include "resolve/claims_sources.h"
#include "resolve/doc_state.h"

namespace kg {
namespace {

constexpr size_t kLabelChars = 80;

// Running text whose sentences may be claims: an answer (without its heading and the
// footnotes cut out of it) or a paragraph of a document without answers.
struct Unit {
  std::vector<Range> parts;
  const Container* answer = nullptr;
};

// What the rules found in one sentence.
struct Draft {
  const PatternMatch* first = nullptr;  // the first rule that makes it a claim
  std::string stance;
  std::vector<NodeRef> sources;
  std::string source_rule;  // the rule that named the first source
  std::string source_text;
  const PatternMatch* quote = nullptr;
};

int stance_rank(std::string_view stance) {
  if (stance == "denies") return 3;
  if (stance == "hedges") return 2;
  if (stance == "confirms") return 1;
  return 0;
}

std::string excerpt(const std::string& s) {
  if (s.size() <= kLabelChars) return s;
  size_t cut = kLabelChars;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

// The footnote markers written as digits in the text ("aangetroffen.1"), sorted.
std::vector<Range> footnote_markers(const DocState& st) {
  std::vector<Range> out;
  for (const Footnote& f : st.seg.footnotes) {
    for (const FootnoteRef& r : f.refs) {
      std::string_view t = st.text.text;
      if (t.substr(r.at, f.marker.size()) != f.marker) continue;
      Range m{r.at, r.at + static_cast<uint32_t>(f.marker.size())};
      // A Markdown conversion's "[5 ]": the brackets go too.
      uint32_t close = m.end;
      while (close < t.size() && t[close] == ' ') ++close;
      if (m.begin > 0 && t[m.begin - 1] == '[' && close < t.size() && t[close] == ']') {
        m = {m.begin - 1, close + 1};
      }
      out.push_back(m);
    }
  }
  std::sort(out.begin(), out.end(), [](Range a, Range b) { return a.begin < b.begin; });
  return out;
}

// The parts with the footnote markers cut out, so that claim texts read without them.
std::vector<Range> without_markers(std::vector<Range> parts, const std::vector<Range>& markers) {
  std::vector<Range> out;
  for (Range p : parts) {
    auto it = std::lower_bound(markers.begin(), markers.end(), p.begin,
                               [](Range m, uint32_t b) { return m.begin < b; });
    for (; it != markers.end() && it->begin < p.end; ++it) {
      if (it->begin > p.begin) out.push_back({p.begin, it->begin});
      p.begin = std::min(p.end, it->end);
    }
    if (!p.empty()) out.push_back(p);
  }
  return out;
}

std::vector<Unit> units(const DocState& st) {
  std::vector<Range> markers = footnote_markers(st);
  std::vector<Unit> out;
  for (const Container& a : st.answers) {
    Unit u{{}, &a};
    for (const Block& b : st.seg.answers) {
      if (b.body.begin >= a.range.begin && b.body.end == a.range.end) {
        u.parts = b.parts.empty() ? std::vector<Range>{b.body} : b.parts;
        break;
      }
    }
    if (u.parts.empty()) u.parts.push_back(a.range);
    u.parts = without_markers(std::move(u.parts), markers);
    out.push_back(std::move(u));
  }
  if (st.answers.empty()) {
    for (Range r : st.seg.paragraphs) out.push_back({without_markers({r}, markers), nullptr});
  }
  return out;
}

// The sentence that contains (or follows) the offset; sentences.size() after the last.
size_t sentence_of(const std::vector<Sentence>& sentences, uint32_t at) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), at,
                             [](uint32_t a, const Sentence& s) { return a < s.range.end; });
  return static_cast<size_t>(it - sentences.begin());
}

// Where a match is anchored: its first capture, else its last byte (rules may consume the
// end of the previous sentence to see where this one begins).
uint32_t anchor(const PatternMatch& m) {
  for (const Capture& c : m.captures) {
    if (!c.range.empty()) return c.range.begin;
  }
  return m.range.end > m.range.begin ? m.range.end - 1 : m.range.begin;
}

// The answering ministers of an answer, from the ANSWERED edges the header rules made.
std::vector<std::string> answerers(const DocState& st, const std::string& answer) {
  std::vector<std::string> out;
  for (const Edge& e : st.out.edges()) {
    if (e.type == edge_type::kAnswered && e.target == answer &&
        std::find(out.begin(), out.end(), e.source) == out.end()) {
      out.push_back(e.source);
    }
  }
  return out;
}

// The questions an answer answers, as ranges.
std::vector<Range> answered_questions(const DocState& st, const Container& answer) {
  std::vector<Range> out;
  for (const Container& q : st.questions) {
    bool shared = std::any_of(q.numbers.begin(), q.numbers.end(), [&](int n) {
      return std::find(answer.numbers.begin(), answer.numbers.end(), n) != answer.numbers.end();
    });
    if (shared) out.push_back(q.range);
  }
  return out;
}

class ClaimBuilder {
 public:
  ClaimBuilder(DocState& st, const Matcher& matcher) : st_(st), matcher_(matcher) {}

  void run() {
    for (const Unit& u : units(st_)) unit(u);
  }

 private:
  void unit(const Unit& u) {
    if (u.parts.empty()) return;
    // The body only: ^ in a rule is where the answer's text begins, after its heading.
    Range body{u.parts.front().begin, u.parts.back().end};
    std::vector<PatternMatch> matches =
        matcher_.patterns(st_.prepared, body, Scope::kBody, "claim.");
    if (matches.empty()) return;
    if (!persons_) persons_ = person_mentions(st_, matcher_);
    std::vector<Sentence> sentences = split_sentences(st_.text.text, u.parts);
    std::map<size_t, Draft> drafts;  // by sentence
    for (const PatternMatch& m : matches) {
      const std::string& fact = m.rule->fact;
      if (fact.starts_with("claim.self")) continue;
      uint32_t at = anchor(m);
      size_t s = sentence_of(sentences, at);
      // Not in running text (a footnote inside the answer, cut out of its parts): no claim.
      if (s == sentences.size() ||
          std::none_of(sentences[s].pieces.begin(), sentences[s].pieces.end(),
                       [&](Range piece) { return piece.contains(at); })) {
        continue;
      }
      SourceReading source;
      if (fact == "claim.source") {
        const Capture* c = m.get("source");
        if (!c || c->range.empty()) continue;
        source = read_source(st_, matcher_, c->range, sentences, s, *persons_);
        if (source.kind == SourceReading::Kind::kNone) continue;
      }
      Draft& d = drafts[s];
      if (!d.first) d.first = &m;
      if (source.kind == SourceReading::Kind::kSource) {
        const Node* named = source.node ? st_.out.find(source.node->id) : nullptr;
        if (d.source_text.empty()) {
          d.source_text = named ? named->label : source.text;
          d.source_rule = m.rule->id;
        }
        if (source.node) d.sources.push_back(*source.node);
      }
      if (fact == "claim.quote" && !d.quote) d.quote = &m;
      std::string stance = fact.substr(fact.find('.') + 1);
      if (stance_rank(stance) > stance_rank(d.stance)) d.stance = stance;
    }
    std::vector<std::string> speakers =
        u.answer ? answerers(st_, u.answer->id) : std::vector<std::string>{};
    std::optional<NodeRef> last_quoted;
    size_t last_quote_sentence = 0;
    for (const auto& [index, d] : drafts) {
      std::vector<NodeRef> said;
      if (d.quote) {
        const Capture* who = d.quote->get("speaker");
        if (who && !who->range.empty()) {
          last_quoted =
              resolve_speaker(st_, who->range, d.quote->range.begin, *persons_, d.quote->rule->id);
        } else if (!last_quoted || index != last_quote_sentence + 1) {
          continue;  // a quotation that continues none: nobody to attribute it to
        }
        last_quote_sentence = index;
        if (last_quoted) said.push_back(*last_quoted);
      } else {
        for (const std::string& id : speakers) said.push_back({id, sentences[index].range});
      }
      claim(u, sentences[index], index, d, said);
    }
  }

  void claim(const Unit& u, const Sentence& s, size_t index, const Draft& d,
             const std::vector<NodeRef>& speakers) {
    const Capture* quoted = d.quote ? d.quote->get("quote") : nullptr;
    std::string text = quoted ? display(st_.slice(quoted->range)) : sentence_text(st_.text.text, s);
    if (text.empty()) return;
    std::vector<Range> ranges = quoted ? std::vector<Range>{quoted->range} : s.pieces;

    const std::vector<NodeRef>& sources = d.sources;
    // What it is about: what it names, else (a bare reply such as "Ja." or "Dat klopt niet.")
    // what the question named.
    auto excluded = [&](const std::string& id) {
      auto same = [&](const NodeRef& r) { return r.id == id; };
      return std::any_of(sources.begin(), sources.end(), same) ||
             std::any_of(speakers.begin(), speakers.end(), same);
    };
    std::vector<NodeRef> about;
    for (Range r : ranges) {
      for (const NodeRef& e : entities_within(st_, r, *persons_)) {
        if (!excluded(e.id)) about.push_back(e);
      }
    }
    std::string key = fold(text);
    if (about.empty() && u.answer && index == 0 && !quoted) {
      for (Range q : answered_questions(st_, *u.answer)) {
        for (const NodeRef& e : entities_within(st_, q, *persons_)) {
          if (!excluded(e.id)) about.push_back(e);
        }
      }
      key = u.answer->id + " " + key;  // "Ja." in answer 1 and in answer 5 are two claims
    }

    std::string id = st_.doc_id + "/claim-" + sha256_hex(key).substr(0, 12);
    Range where = quoted ? d.quote->range : s.range;
    Provenance p = st_.out.provenance(where, d.first->rule->id);
    Node& n = st_.out.node(id, node_type::kClaim, excerpt(text), p);
    n.attrs["text"] = text;
    const Capture* asks = d.quote ? d.quote->get("asks") : nullptr;
    bool question =
        (asks && !asks->range.empty()) || (quoted && text.find('?') != std::string::npos);
    n.attrs["form"] = std::string(question ? "question" : "statement");
    if (quoted) n.attrs["quoted"] = true;
    if (stance_rank(d.stance) > 0) n.attrs["stance"] = d.stance;
    if (!d.source_text.empty()) n.attrs.emplace("source", d.source_text);
    if (u.answer) {
      n.attrs.emplace("answer", u.answer->id);
      n.attrs.emplace("number", static_cast<int64_t>(u.answer->numbers.front()));
    }
    st_.out.edge(st_.doc_id, id, edge_type::kContains, p);
    for (const NodeRef& who : speakers) st_.out.edge(who.id, id, edge_type::kClaims, p);
    for (const NodeRef& src : sources) {
      st_.out.edge(id, src.id, edge_type::kAttributedTo,
                   st_.out.provenance(src.range, d.source_rule));
    }
    for (const NodeRef& e : about) {
      st_.out.edge(id, e.id, edge_type::kAbout, st_.out.provenance(e.range, d.first->rule->id));
    }
  }

  DocState& st_;
  const Matcher& matcher_;
  std::optional<std::vector<NodeRef>> persons_;
};

}  // namespace

void add_claims(DocState& st, const Matcher& matcher) { ClaimBuilder(st, matcher).run(); }

}  // namespace kg
