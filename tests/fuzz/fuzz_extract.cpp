// Fuzz target: the whole extractor (decode, normalise, segment, gazetteer and regex
// matching, persons, dates, references, claims, commitments) with the project's rules,
// on arbitrary bytes. Checks that every fact has provenance inside the document, that
// edges join nodes of the fragment or ids it names, and that the fragment survives the
// store's encoding unchanged.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_check.h"
#include "graph/serialize.h"
#include "match/rules.h"
#include "read/source.h"
#include "resolve/extract.h"

namespace {

struct Setup {
  kg::RuleSet rules;
  std::unique_ptr<kg::Extractor> extractor;
};

const Setup& setup() {
  static const Setup* s = [] {
    auto rules = kg::RuleSet::load(KG_SOURCE_DIR "/rules", nullptr);
    FUZZ_CHECK(rules.ok(), "the project's rules load");
    auto* out = new Setup{std::move(*rules), nullptr};
    auto extractor = kg::Extractor::create(out->rules);
    FUZZ_CHECK(extractor.ok(), "the project's rules compile");
    out->extractor = std::move(*extractor);
    return out;
  }();
  return *s;
}

void check_provenance(const std::vector<kg::Provenance>& list, const kg::SourceFile& src,
                      const std::string& doc, size_t raw_size) {
  FUZZ_CHECK(!list.empty(), "every node and edge has provenance");
  for (const kg::Provenance& p : list) {
    FUZZ_CHECK(p.doc == doc, "provenance names the document");
    FUZZ_CHECK(p.start <= p.end && p.end <= src.bytes.size(), "provenance inside the text");
    FUZZ_CHECK(kg::original_offset(src, p.end) <= raw_size, "provenance maps into the file");
    FUZZ_CHECK(!p.rule.empty(), "provenance names a rule");
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setup();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto source =
      kg::decode_document("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  if (!source.ok()) return 0;
  const kg::Fragment f = setup().extractor->extract(*source);
  FUZZ_CHECK(f.doc == kg::Extractor::document_id(*source), "the fragment is the document's");
  bool has_doc = false;
  for (const kg::Node& n : f.nodes) {
    FUZZ_CHECK(!n.id.empty() && !n.type.empty(), "nodes have an id and a type");
    has_doc |= n.id == f.doc;
    check_provenance(n.provenance, *source, f.doc, size);
  }
  FUZZ_CHECK(has_doc, "the Document node is there");
  for (const kg::Edge& e : f.edges) {
    FUZZ_CHECK(!e.source.empty() && !e.target.empty() && !e.type.empty(), "edges are whole");
    check_provenance(e.provenance, *source, f.doc, size);
  }
  const std::string bytes = kg::encode_fragment(f);
  auto back = kg::decode_fragment(bytes);
  FUZZ_CHECK(back.ok(), "the stored form decodes");
  FUZZ_CHECK(kg::encode_fragment(*back) == bytes, "the stored form round-trips");
  return 0;
}
