// Deduplication: restatements within a document, the canonical id across documents, and the
// graph pass that merges what the ids left apart.
#include "graph/graph.h"
#include "resolve/commitments_merge.h"
#include "test_commitments_fixture.h"

using kgtest::aanhangsel;
using kgtest::attr;
using kgtest::commitments;
using kgtest::extract;
using kgtest::list_attr;
using kgtest::only_commitment;

namespace {

const char* kPromise =
    "Het Ministerie van BZK zal in samenwerking met de Veiligheidsregio's onderzoek doen naar mogelijke "
    "risico's van slimme deurbellen bij woningen van bewindspersonen.";

}  // namespace

TEST_CASE("a commitment restated in several answers is one node") {
  kg::Fragment f = extract(aanhangsel({
      {"Welke risico's ziet u?", std::string("Die risico's zijn niet bekend. ") + kPromise},
      {"Wat doet u voor bewindspersonen?",
       "Zoals aangegeven in het antwoord op vraag 1 zal het Ministerie van BZK onderzoek doen naar mogelijke "
       "risico's van slimme deurbellen bij woningen van bewindspersonen."},
      {"Gaat u de deurbellen verbieden?", "Nee. De mogelijke risico's van slimme deurbellen bij woningen van "
                                          "bewindspersonen zullen, zoals hierboven aangegeven, worden onderzocht."},
      {"Wat kost dat?", "Dat is nog niet bekend."},
  }));
  const kg::Node& c = only_commitment(f);
  CHECK(attr(c, "text") == kPromise);
  CHECK(list_attr(c, "answers") == std::vector<std::string>{f.doc + "/a1", f.doc + "/a2", f.doc + "/a3"});
  CHECK(list_attr(c, "questions") == std::vector<std::string>{f.doc + "/q1", f.doc + "/q2", f.doc + "/q3"});
  CHECK(kgtest::has_edge(f, f.doc + "/a2", "RESTATES", c.id));
  CHECK(kgtest::has_edge(f, f.doc + "/a3", "RESTATES", c.id));
  CHECK_FALSE(kgtest::has_edge(f, f.doc + "/a1", "RESTATES", c.id));
  auto evidence = list_attr(c, "merge_evidence");
  REQUIRE(evidence.size() == 3);
  CHECK(evidence[0].find("/a2 restates " + f.doc + "/a1: similarity") != std::string::npos);
  CHECK(evidence[0].find("points back") != std::string::npos);
  CHECK(c.provenance.size() == 3);
}

TEST_CASE("different commitments of one document stay apart") {
  kg::Fragment f = extract(aanhangsel({
      {"Wat gaat u doen?", kPromise},
      {"En verder?", "Ik zal uw Kamer voor het einde van het jaar informeren over de evaluatie van de Wet open "
                     "overheid."},
      {"Doet u nog meer onderzoek?", "Ik zie geen aanleiding om een aanvullend onderzoek naar deurbellen in te "
                                     "stellen."},
  }));
  auto list = commitments(f);
  REQUIRE(list.size() == 3);
  std::vector<std::string> statuses;
  for (const kg::Node* n : list) statuses.push_back(attr(*n, "status"));
  std::sort(statuses.begin(), statuses.end());
  CHECK(statuses == std::vector<std::string>{"declined", "open", "open"});
  CHECK(list[0]->id != list[1]->id);
}

TEST_CASE("an informing clause that points back belongs to the commitment before it") {
  kg::Fragment f = extract(kgtest::answer(
      "Ik zal onderzoek laten doen naar de beveiliging van slimme deurbellen. De aanbesteding loopt. Uw Kamer "
      "zal hierover voor het einde van het jaar worden geïnformeerd."));
  const kg::Node& c = only_commitment(f);
  CHECK(attr(c, "kind") == "promise");
  CHECK(attr(c, "due") == "2023-12-31");
  CHECK(attr(c, "due_precision") == "year");
  CHECK(list_attr(c, "follow_ups") ==
        std::vector<std::string>{"Uw Kamer zal hierover voor het einde van het jaar worden geïnformeerd."});
}

TEST_CASE("the same reported promise in two documents gets one id") {
  kg::Fragment a = extract(kgtest::answer(
      "In het commissiedebat Cybersecurity van 22 maart jl. heeft de Staatssecretaris voor Koninkrijksrelaties en "
      "Digitalisering toegezegd een onderzoek te gaan doen naar exportvergunningen en -procedures voor "
      "surveillancetechnologie, dat vooral zal gaan over landen met een offensief cyberprogramma."));
  std::string later = aanhangsel({{"Wat is de stand?",
                                   "In het debat met uw Kamer op 22 maart 2023 heeft de Staatssecretaris voor "
                                   "Koninkrijksrelaties en Digitalisering verder toegezegd om onderzoek te doen naar "
                                   "exportvergunningen en -procedures op het terrein van surveillancetechnologie."}},
                                 "het bericht «Camera's uit China»", "8 juni 2023");
  kg::Fragment b = extract(later, "later.txt");
  const kg::Node& x = only_commitment(a);
  const kg::Node& y = only_commitment(b);
  CHECK(a.doc != b.doc);
  CHECK(x.id == y.id);
  CHECK(x.id == "commit:2023-03-22-exportvergunning-procedur");
  CHECK(kgtest::has_edge(a, a.doc, "RESTATES", x.id));
  CHECK(kgtest::has_edge(b, b.doc, "RESTATES", y.id));

  kg::Graph g;
  g.merge(a);
  g.merge(b);
  size_t n = 0;
  for (kg::Graph::Vertex v : g.vertices()) n += g.node(v).type == "Commitment";
  CHECK(n == 1);
}

namespace {

kg::Node commitment(const std::string& id, const std::string& doc, const std::string& status,
                    std::vector<std::string> terms) {
  kg::Node n{id, "Commitment", id, {}, {{doc, 0, 10, "commit.promise.subject"}}};
  n.attrs["made_on"] = std::string("2023-05-01");
  n.attrs["status"] = status;
  n.attrs["terms"] = std::move(terms);
  return n;
}

kg::Edge edge(const std::string& s, const std::string& t, const std::string& type, const std::string& doc) {
  return {s, t, type, {}, {{doc, 0, 10, "commit.promise.subject"}}};
}

}  // namespace

TEST_CASE("the graph pass merges what the ids left apart and settles the status") {
  kg::Fragment a{"doc:a",
                 {{"doc:a", "Document", "A", {}, {}}, {"org:min-bzk", "Organization", "BZK", {}, {}},
                  commitment("commit:2023-05-01-deurbel-risico", "doc:a", "open",
                             {"deurbel", "risico", "slim", "woning", "bewindspersoon"})},
                 {edge("org:min-bzk", "commit:2023-05-01-deurbel-risico", "COMMITTED", "doc:a")}};
  kg::Fragment b{"doc:b",
                 {{"doc:b", "Document", "B", {}, {}}, {"org:min-bzk", "Organization", "BZK", {}, {}},
                  {"kst:1-2", "ParliamentaryPaper", "Kamerstuk", {}, {}},
                  commitment("commit:2023-05-01-bewindspersoon-deurbel", "doc:b", "open",
                             {"deurbel", "risico", "slim", "woning", "bewindspersoon", "beveiliging"}),
                  commitment("commit:2023-05-01-geen-deurbel", "doc:b", "declined",
                             {"deurbel", "risico", "slim", "woning", "bewindspersoon"})},
                 {edge("org:min-bzk", "commit:2023-05-01-bewindspersoon-deurbel", "COMMITTED", "doc:b"),
                  edge("commit:2023-05-01-bewindspersoon-deurbel", "kst:1-2", "FULFILLED_BY", "doc:b"),
                  edge("doc:b", "commit:2023-05-01-bewindspersoon-deurbel", "CONTAINS", "doc:b")}};
  kg::Graph g;
  g.merge(a);
  g.merge(b);
  std::vector<kg::CommitmentMerge> merges;
  kg::Graph out = kg::consolidate_commitments(g, &merges);
  REQUIRE(merges.size() == 1);
  CHECK(merges[0].kept == "commit:2023-05-01-bewindspersoon-deurbel");
  CHECK(merges[0].merged == std::vector<std::string>{"commit:2023-05-01-deurbel-risico"});
  CHECK_FALSE(out.find("commit:2023-05-01-deurbel-risico"));
  auto kept = out.find("commit:2023-05-01-bewindspersoon-deurbel");
  REQUIRE(kept);
  const kg::Node& n = out.node(*kept);
  CHECK(attr(n, "status") == "fulfilled");
  CHECK(n.provenance.size() == 2);
  auto evidence = list_attr(n, "merge_evidence");
  REQUIRE(evidence.size() == 1);
  CHECK(evidence[0].find("same made_on 2023-05-01") != std::string::npos);
  // The refusal is not merged with the promise, and the edges follow the kept node.
  CHECK(out.find("commit:2023-05-01-geen-deurbel"));
  CHECK(out.num_edges() == 3);
}
