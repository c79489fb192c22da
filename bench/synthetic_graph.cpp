#include "synthetic_graph.h"

#include <array>
#include <string>
#include <string_view>

#include "graph/schema.h"

namespace kg::bench {
namespace {

constexpr size_t kChunk = 4096;  // nodes or edges per merged fragment

constexpr std::array<std::string_view, 8> kSentences = {
    "Hoe beoordeelt u het bericht dat overheidsinstanties camera's van Hikvision gebruiken? ",
    "Het Ministerie van Justitie en Veiligheid heeft hierover advies gevraagd aan de AIVD. ",
    "Ik zal uw Kamer voor de zomer informeren over de uitkomsten van dit onderzoek. ",
    "Deelt u de mening dat artikel 11.2a van de Telecommunicatiewet moet worden aangepast? ",
    "Uit het Litouwse onderzoek blijkt dat de functionaliteit is uitgeschakeld in de EU. ",
    "De Autoriteit Persoonsgegevens houdt toezicht op de naleving van de AVG & de UAVG. ",
    "Zie ook Kamerstuk 26643, nr. 839 en de motie-Rajkowski c.s. over \"digitale weerbaarheid\". ",
    "Welke maatregelen neemt u om de privacy van burgers te beschermen <en> wanneer? ",
};

struct Kind {
  std::string_view type;
  std::string_view prefix;
};

// Twenty slots: the share of each type among the nodes.
constexpr std::array<Kind, 20> kKinds = {{
    {node_type::kDocument, "doc:"},       {node_type::kDocument, "doc:"},
    {node_type::kQuestion, "q:"},         {node_type::kQuestion, "q:"},
    {node_type::kQuestion, "q:"},         {node_type::kQuestion, "q:"},
    {node_type::kAnswer, "a:"},           {node_type::kAnswer, "a:"},
    {node_type::kAnswer, "a:"},           {node_type::kAnswer, "a:"},
    {node_type::kPerson, "person:"},      {node_type::kPerson, "person:"},
    {node_type::kOrganization, "org:"},   {node_type::kOrganization, "org:"},
    {node_type::kOrganization, "org:"},   {node_type::kCountry, "country:"},
    {node_type::kLegalProvision, "bwb:"}, {node_type::kParliamentaryPaper, "kst:"},
    {node_type::kCommitment, "c:"},       {node_type::kClaim, "claim:"},
}};

constexpr std::array<std::string_view, 6> kEdgeTypes = {
    edge_type::kMentions, edge_type::kContains, edge_type::kCites,
    edge_type::kAsked,    edge_type::kAnswers,  edge_type::kAbout,
};

std::string node_id(size_t i) {
  return std::string(kKinds[i % kKinds.size()].prefix) + std::to_string(i);
}
std::string doc_id(size_t i) { return "doc:" + std::to_string(i - i % kKinds.size()); }

std::string text_of(size_t i, size_t sentences) {
  std::string s;
  for (size_t k = 0; k < sentences; ++k) s += kSentences[(i * 7 + k * 3) % kSentences.size()];
  return s;
}

std::string date_of(size_t i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04zu-%02zu-%02zu", 2008 + i % 17, 1 + i % 12, 1 + i % 28);
  return buf;
}

Node make_node(size_t i) {
  const Kind& kind = kKinds[i % kKinds.size()];
  Node n;
  n.id = node_id(i);
  n.type = std::string(kind.type);
  for (size_t p = 0; p <= i % 3; ++p) {
    auto start = static_cast<uint32_t>((i * 131 + p * 977) % 50000);
    n.provenance.push_back({doc_id(i), start, start + 40, p == 0 ? "segment" : "gazetteer"});
  }
  if (kind.type == node_type::kDocument) {
    n.label = "Vragen over " + text_of(i, 1).substr(0, 50);
    n.attrs["sha256"] = std::string(64, "0123456789abcdef"[i % 16]);
    n.attrs["source"] = "/data/tk/ah-tk-" + std::to_string(i) + ".txt";
    n.attrs["kind"] = std::string(i % 3 ? "answers" : "written_questions");
    n.attrs["date"] = date_of(i);
  } else if (kind.type == node_type::kQuestion || kind.type == node_type::kAnswer ||
             kind.type == node_type::kCommitment || kind.type == node_type::kClaim) {
    n.attrs["number"] = static_cast<int64_t>(1 + i % 9);
    n.attrs["text"] = text_of(i, 1 + i % 4);
    n.label = std::string(kind.type) + " " + std::to_string(1 + i % 9);
    if (kind.type == node_type::kCommitment) n.attrs["status"] = std::string("open");
  } else {
    n.label = "Naam " + std::to_string(i);
    n.attrs["aliases"] =
        std::vector<std::string>{"alias " + std::to_string(i), "a" + std::to_string(i)};
  }
  return n;
}

}  // namespace

Graph synthetic_graph(size_t nodes, size_t edges) {
  Graph g;
  Fragment f;
  for (size_t i = 0; i < nodes; ++i) {
    f.nodes.push_back(make_node(i));
    if (f.nodes.size() == kChunk || i + 1 == nodes) {
      g.merge(f);
      f.nodes.clear();
    }
  }
  // Edge k leaves node s = k % nodes for s + 1 + k / nodes: no two edges share
  // (source, target), so none merge.
  for (size_t k = 0; k < edges && nodes > 1; ++k) {
    const size_t s = k % nodes, round = k / nodes;
    Edge e;
    e.source = node_id(s);
    e.target = node_id((s + 1 + round) % nodes);
    e.type = std::string(kEdgeTypes[(s + round) % kEdgeTypes.size()]);
    auto start = static_cast<uint32_t>((k * 37) % 50000);
    e.provenance.push_back({doc_id(s), start, start + 25, "pattern.rule"});
    if (k % 5 == 0) e.attrs["role"] = std::string("minister");
    f.edges.push_back(std::move(e));
    if (f.edges.size() == kChunk) {
      g.merge(f);
      f.edges.clear();
    }
  }
  g.merge(f);
  return g;
}

}  // namespace kg::bench
