// Meetings: a debate with a date ("Commissiedebat Digitale overheid ... van 22 maart jl.",
// "tweeminutendebat van 29 maart", "VAO Nationale Veiligheid van 25 juni 2019"); the year comes
// from the document's date when left out. A Meeting node with MENTIONS from its container.
#include <array>

#include "graph/schema.h"
#include "resolve/references_state.h"

namespace kg::refs {
namespace {

std::string human_date(const Date& d) {
  static constexpr std::array<const char*, 12> kMonths = {
      "januari", "februari", "maart",     "april",   "mei",      "juni",
      "juli",    "augustus", "september", "oktober", "november", "december"};
  return std::to_string(d.day) + " " + kMonths[d.month - 1] + " " + std::to_string(d.year);
}

std::string meeting_kind(std::string_view folded) {
  if (folded == "vao" || folded == "vso" || folded == "ao") return std::string(folded);
  if (folded == "algemeen overleg") return "ao";
  if (folded == "schriftelijk overleg") return "so";
  if (folded.find("vragenuur") != std::string_view::npos) return "vragenuur";
  if (folded.starts_with("plenair")) return "plenair-debat";
  return slug(folded);
}

}  // namespace

std::vector<Meeting> meetings(State& s) {
  std::vector<Meeting> out;
  for (const Span& sp : s.spans) {
    for (const PatternMatch& m : sp.matches) {
      if (m.rule->fact != "ref.meeting") continue;
      auto date = parse_dutch_date(cap(s.st, m, "date"), s.st.date);
      if (!date || date->day == 0) continue;
      std::string kind = meeting_kind(fold(cap(s.st, m, "kind")));
      std::string subject = cap(s.st, m, "subject");
      if (!subject.empty() && !std::isupper(static_cast<unsigned char>(subject[0])))
        subject.clear();
      std::string id = "meeting:" + kind + "-" + date->iso();
      if (kind == "debat") {  // "het debat met uw Kamer op 22 maart": a meeting named before
        for (const Meeting& e : out) {
          if (e.date == date->iso()) id = e.id;
        }
      }
      std::string shown = cap(s.st, m, "kind");
      shown[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(shown[0])));
      Provenance p = s.st.out.provenance(m.range, m.rule->id);
      Node& n = s.st.out.node(
          id, node_type::kMeeting,
          shown + (subject.empty() ? "" : " " + subject) + " (" + human_date(*date) + ")", p);
      n.attrs.emplace("kind", kind);
      n.attrs.emplace("date", date->iso());
      if (!subject.empty()) n.attrs.emplace("subject", subject);
      s.st.out.edge(s.st.container_of(m.range.begin), id, edge_type::kMentions, p);
      out.push_back({id, m.range, date->iso()});
    }
  }
  return out;
}

}  // namespace kg::refs
