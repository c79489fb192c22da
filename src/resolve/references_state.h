// Internal to references*.cpp: what the reference resolver knows about one document while
// it runs. The grammar is data (rules/patterns/references.jsonl, facts "ref." and "refx.");
// the code composes the matches by adjacency (an article number followed by an instrument),
// by footnote (a marker after a title or a motion, a paper in the footnote's text) and by
// salience (a bare article, an anaphor: the last matching reference before it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "resolve/doc_state.h"

namespace kg::refs {

// One scanned stretch of the document with the "ref." matches in it, in text order.
struct Span {
  Range range;
  Scope scope;
  std::vector<PatternMatch> matches;
};

// Something cited, remembered for anaphora and salience.
struct Cited {
  std::string id;
  std::string kind;  // instruments: wet, wetboek, richtlijn, verordening, verdrag, ...
  Range at;
  std::string container;
};

// A paper cited in a footnote's text, and where the footnote's marker sits in the body.
struct FootnotePaper {
  uint32_t marker = 0;
  std::string id;
};

// A meeting named in the document.
struct Meeting {
  std::string id;
  Range at;
  std::string date;
};

struct State {
  DocState& st;
  const Matcher& matcher;
  std::vector<Span> spans;
  std::vector<Cited> instruments;  // every instrument mention, in text order
  std::vector<Cited> provisions;   // every provision cited, in text order
  std::vector<FootnotePaper> footnote_papers;
  std::unordered_map<std::string, std::string> titles;  // folded title -> paper id
  std::vector<std::string> instrument_ids;              // nodes to give aliases at the end
};

// ---- text helpers (references_text.cpp) ----

// The capture's text (display form), or "" when absent or empty.
std::string cap(const DocState& st, const PatternMatch& m, std::string_view name);
bool has(const PatternMatch& m, std::string_view name);
Range cap_range(const PatternMatch& m, std::string_view name);
// Lowercase ASCII words joined by '-': "Wetboek van Strafrecht" -> "wetboek-van-strafrecht".
std::string slug(std::string_view s, size_t max_words = 12);
// The sentence around an offset, inside `bound`.
Range sentence_of(const std::string& text, uint32_t at, Range bound);
// True when the byte before `pos` belongs to a word (a letter, or any non-ASCII byte):
// rules that start with a literal instead of \b check this.
bool after_letter(const std::string& text, uint32_t pos);
// Offset of the first non-space byte at or after `pos` (not beyond `end`).
uint32_t skip_space(const std::string& text, uint32_t pos, uint32_t end);
// "tweede" -> "2", "2e" -> "2", "3" -> "3"; "" if not an ordinal.
std::string ordinal_number(std::string_view word);
// Splits "16, 20 en 34" / "3 en/of 126" into the numbers.
std::vector<std::string> split_list(std::string_view list);
// The footnote whose text contains the offset, or nullptr.
const Footnote* footnote_at(const Segmentation& seg, uint32_t offset);

// ---- identifiers (references_ids.cpp) ----

// CELEX of a numbered EU act: kind "richtlijn"/"verordening"/"besluit"/"kaderbesluit",
// number "2002/58" or "1049/2001", suffix "EG"/"EU"/"JBZ"/"". "" when it cannot be formed.
std::string celex_of(std::string_view kind, std::string_view number, std::string_view suffix);
// "26 643" -> "26643"; "21 501-02" -> "21501-02"; "36 200 VII" -> "36200-VII".
std::string dossier_key(std::string_view dossier);
// "26643" -> "26 643"; "21501-02" -> "21 501-02".
std::string dossier_label(const std::string& key);
// The parliamentary year starting in `first_year`: "2021" -> {2021, 2022}.
std::optional<std::pair<int, int>> session_years(std::string_view first_year);

// ---- nodes shared by the modules (references.cpp) ----

// The LegalInstrument node (from the gazetteer when known); remembers the mention.
std::string instrument(State& s, const std::string& id, const std::string& label,
                       std::string_view kind, Range at, std::string_view rule);
// The "kind" attribute of an instrument node ("wet", "richtlijn", ...), "" if unknown.
std::string instrument_kind(State& s, const std::string& id);
// The name a provision's label uses for its instrument.
std::string instrument_name(State& s, const std::string& id);
// A ParliamentaryPaper (or other paper type) node with label and attributes.
Node& paper(State& s, const std::string& id, std::string_view type, const std::string& label,
            Range at, std::string_view rule);
// CITES from the question/answer/document holding `at` to `target`.
void cite(State& s, Range at, const std::string& target, std::string_view rule, Attrs attrs = {});
// A gazetteer entity of one of the labels starting exactly at `pos`, or nullptr.
const EntityMatch* entity_at(const DocState& st, uint32_t pos,
                             std::initializer_list<std::string_view> labels);
// A gazetteer entity of one of the labels ending exactly at `pos`, or nullptr.
const EntityMatch* entity_ending_at(const DocState& st, uint32_t pos,
                                    std::initializer_list<std::string_view> labels);
// The last match of the "refx." rules with this fact prefix in [pos - reach, pos) (not
// before `floor`): with "$" in the rule, the match that ends right at `pos`.
std::optional<PatternMatch> match_before(State& s, uint32_t pos, uint32_t reach, uint32_t floor,
                                         std::string_view prefix);
void add_alias(Node& n, const std::string& alias);

// "Kamerstuk ..." match -> "kst:<dossier>-<nr>", or "" (references_papers.cpp).
std::string kamerstuk_id(const DocState& st, const PatternMatch& m);

// ---- the modules ----
void papers(State& s);                    // references_papers.cpp: papers; then titles()
void titles(State& s);                    // references_titles.cpp: titled documents, letters
std::vector<Meeting> meetings(State& s);  // references_meetings.cpp
void legal(State& s);    // references_legal.cpp: instruments, provisions, decisions, anaphora
void motions(State& s);  // references_motions.cpp: motions

}  // namespace kg::refs
