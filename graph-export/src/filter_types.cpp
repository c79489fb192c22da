// add_types(): user-given type names against the schema and the graph.

#include <algorithm>
#include <string_view>

#include "graph/schema.h"
#include "kamergraph/export/filter.h"

namespace kg::exporter {
namespace {

namespace nt = node_type;
namespace et = edge_type;

constexpr std::string_view kNodeTypes[] = {nt::kDocument,
                                           nt::kQuestion,
                                           nt::kAnswer,
                                           nt::kPerson,
                                           nt::kParty,
                                           nt::kOrganization,
                                           nt::kCountry,
                                           nt::kLegalInstrument,
                                           nt::kLegalProvision,
                                           nt::kCourtDecision,
                                           nt::kParliamentaryPaper,
                                           nt::kMotion,
                                           nt::kMeeting,
                                           nt::kCommitment,
                                           nt::kClaim,
                                           nt::kPolicyDocument};

constexpr std::string_view kEdgeTypes[] = {
    et::kContains,  et::kAsked,        et::kAnswered,  et::kAnswers,  et::kAddressedTo,
    et::kMemberOf,  et::kHoldsOffice,  et::kMentions,  et::kCites,    et::kPartOf,
    et::kSubmitted, et::kDiscussedIn,  et::kCommitted, et::kRestates, et::kFulfilledBy,
    et::kClaims,    et::kAttributedTo, et::kAbout,     et::kRefersTo, et::kFollowsUp};

bool same_ascii_folded(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

void add_unique(std::vector<std::string>& list, std::string_view s) {
  if (std::find(list.begin(), list.end(), s) == list.end()) list.emplace_back(s);
}

std::string join(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

Status add_types(const Graph& graph, const std::vector<std::string>& names, Filter& filter) {
  std::vector<std::string> node_types(std::begin(kNodeTypes), std::end(kNodeTypes));
  std::vector<std::string> edge_types(std::begin(kEdgeTypes), std::end(kEdgeTypes));
  for (Graph::Vertex v : graph.vertices()) add_unique(node_types, graph.node(v).type);
  for (Graph::EdgeRef e : graph.edges()) add_unique(edge_types, graph.edge(e).type);

  for (const std::string& raw : names) {
    std::string_view name = raw;
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty()) continue;
    auto match = [&](const std::vector<std::string>& known) {
      return std::find_if(known.begin(), known.end(),
                          [&](const std::string& k) { return same_ascii_folded(k, name); });
    };
    if (auto it = match(node_types); it != node_types.end()) {
      add_unique(filter.node_types, *it);
    } else if (auto it2 = match(edge_types); it2 != edge_types.end()) {
      add_unique(filter.edge_types, *it2);
    } else {
      return Status::Usage("unknown type \"" + std::string(name) + "\"; node types: " +
                           join(node_types) + "; edge types: " + join(edge_types));
    }
  }
  return Status::Ok();
}

}  // namespace kg::exporter
