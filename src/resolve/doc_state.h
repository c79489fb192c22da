// Internal: what the extractor knows about one document while it builds the fragment.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "match/matcher.h"
#include "read/normalise.h"
#include "read/source.h"
#include "resolve/dates.h"
#include "resolve/entity_info.h"
#include "resolve/fragment_builder.h"
#include "resolve/person_names.h"
#include "resolve/person_register.h"
#include "segment/segment.h"

namespace kg {

// A question or answer node of this document, with the text range it covers.
struct Container {
  std::string id;
  Range range;  // heading + body
  std::vector<int> numbers;
};

struct DocState {
  const SourceFile& source;
  const Text& text;
  const PreparedText& prepared;  // text, for the regex rules
  const Segmentation& seg;
  const std::vector<EntityMatch>& entities;
  const PersonRegister& persons;
  const EntityTable& info;  // gazetteer id -> name and attributes
  FragmentBuilder out;
  std::string doc_id;
  std::optional<Date> date;  // the document's date, for year inference and the register
  std::vector<Container> questions;
  std::vector<Container> answers;

  std::string slice(Range r) const { return text.text.substr(r.begin, r.size()); }
  // The id of the question/answer whose range contains the offset (for a footnote's text:
  // the one that holds its marker), else the document.
  const std::string& container_of(uint32_t offset) const;
  // The node of a gazetteer entity (created if new), with p added; its MENTIONS are the
  // caller's business.
  Node& entity_node(const std::string& id, std::string_view type, const Provenance& p);
  // Entities of this label inside the range.
  std::vector<const EntityMatch*> entities_in(Range r, std::string_view label) const;
};

// A node and where the text names it.
struct NodeRef {
  std::string id;
  Range range;
};

// The persons named in a capture `slot` of a rule match, each resolved with add_person.
// The match's "party" capture ("VVD-Kamerlid X") and "office" capture ("Minister van
// Economische Zaken" under a signature) are evidence for all of them. Names that do not
// resolve are left out.
std::vector<NodeRef> add_persons(DocState& st, const PatternMatch& m, std::string_view slot);

// Resolves one parsed person to its Person node (creating it), with MEMBER_OF and
// HOLDS_OFFICE edges from the evidence in its parentheses or in shared groups.
// Returns the node id, or "" when the name does not resolve to anyone.
std::string add_person(DocState& st, const PersonRef& ref, const std::vector<Range>& shared,
                       std::string_view rule);

// The matches of the regex rules that apply_date_facts and apply_pattern_facts handle
// (persons that asked or answered, dates, titles, zaak numbers, references) in a range.
std::vector<PatternMatch> fact_matches(const DocState& st, const Matcher& matcher, Range range,
                                       Scope scope);

// First pass: only the dates among the matches, so that the document's date is known
// before names are resolved against the register.
void apply_date_facts(DocState& st, const std::vector<PatternMatch>& matches);

// Second pass: the matches become nodes, edges and attributes.
void apply_pattern_facts(DocState& st, const std::vector<PatternMatch>& matches);

// Gazetteer mentions: entity nodes and MENTIONS edges from their containers.
void add_entity_mentions(DocState& st);

// Legal provisions and instruments, court decisions, parliamentary papers, motions and
// meetings cited in the document (references*.cpp).
void add_references(DocState& st, const Matcher& matcher);

// Claims: what the answers and news items assert, by whom, on whose authority (claims*.cpp).
void add_claims(DocState& st, const Matcher& matcher);

// Commitments made, restated, fulfilled or declined (commitments*.cpp).
void add_commitments(DocState& st, const Matcher& matcher);

}  // namespace kg
