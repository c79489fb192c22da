#include "test_commitments_fixture.h"
#include <chrono>
#include <filesystem>
#include <iostream>
TEST_CASE("zbench", "[.bench]") {
  std::vector<kg::SourceFile> src;
  size_t bytes = 0;
  for (auto dir : {KG_SOURCE_DIR "/samples", "/work/shared/corpus"})
    for (auto& p : std::filesystem::directory_iterator(dir)) if (p.path().extension()==".txt") { src.push_back(*kg::read_source(p.path())); bytes += src.back().bytes.size(); }
  for (const char* dir : {KG_SOURCE_DIR "/rules", "/tmp/commit/rules-nogeneric", "/tmp/commit/rules-nocommit"}) {
    std::vector<kg::RuleError> errors;
    auto rules = kg::RuleSet::load(dir, &errors);
    auto ex = kg::Extractor::create(*rules);
    for (int pass = 0; pass < 2; ++pass) {
      auto t0 = std::chrono::steady_clock::now();
      for (int i = 0; i < 5; ++i) for (auto& d : src) (*ex)->extract(d);
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (pass) std::cout << dir << " extract MB/s " << 5.0 * bytes / s / 1e6 << "\n";
    }
  }
}
