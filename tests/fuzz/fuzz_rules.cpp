// Fuzz target: the rule loader. The first byte picks the kind of rule file (gazetteer,
// patterns, register), the rest is its content; the folder is loaded as `ingest` loads
// --rules, every error is formatted, and rules that load are compiled and run over a
// short document. Checks that errors point inside the file and that a folder that
// loads also compiles (a regex that RE2 rejects must be a load error, not a crash later).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_check.h"
#include "match/rules.h"
#include "read/source.h"
#include "resolve/extract.h"

namespace {

namespace fs = std::filesystem;

constexpr const char* kKinds[] = {"gazetteer", "patterns", "register"};

constexpr std::string_view kDocument =
    "Vragen van het lid Van der Berg (VVD) aan de minister van Justitie en Veiligheid over "
    "de Autoriteit Persoonsgegevens (ingezonden 3 april 2024).\n\nVraag 1\nKent u het "
    "bericht «Lekken bij Curaçao»?1\n\nAntwoord 1\nJa. Zie ook Kamerstuk 36 200, nr. 5.\n";

const fs::path& folder() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("kg-fuzz-rules-" + std::to_string(::getpid()));
    for (const char* kind : kKinds) fs::create_directories(d / kind);
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int kind = data[0] % 3;
  const std::string content(reinterpret_cast<const char*>(data) + 1, size - 1);
  for (int k = 0; k < 3; ++k) {
    fs::path file = folder() / kKinds[k] / "fuzz.jsonl";
    std::ofstream(file, std::ios::binary | std::ios::trunc) << (k == kind ? content : "");
  }
  std::vector<kg::RuleError> errors;
  auto rules = kg::RuleSet::load(folder(), &errors);
  FUZZ_CHECK(rules.ok() == errors.empty(), "load fails exactly when there are errors");
  for (const kg::RuleError& e : errors) {
    FUZZ_CHECK(e.line >= 0 && e.column >= 0, "positions are not negative");
    FUZZ_CHECK(e.line == 0 || e.column >= 1, "a line error has a column");
    FUZZ_CHECK(static_cast<size_t>(e.column) <= e.source_line.size() + 1,
               "the column is inside the line");
    FUZZ_CHECK(!e.format().empty(), "errors format");
  }
  if (!rules.ok()) return 0;
  auto extractor = kg::Extractor::create(*rules);
  FUZZ_CHECK(extractor.ok(), "rules that load also compile");
  auto source = kg::decode_document("doc.txt", std::string(kDocument));
  FUZZ_CHECK(source.ok(), "the document reads");
  (void)(*extractor)->extract(*source);
  return 0;
}
