// Shared by the test_claims*.cpp files: documents written in the genre, extracted with the
// real rules, and queries on the claims of the resulting fragment.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "graph/model.h"
#include "read/source.h"
#include "resolve/extract.h"

namespace claimtest {

inline const kg::Extractor& extractor() {
  static const kg::RuleSet* rules = [] {
    std::vector<kg::RuleError> errors;
    auto r = kg::RuleSet::load(KG_SOURCE_DIR "/rules", &errors);
    REQUIRE(r.ok());
    return new kg::RuleSet(std::move(r).value());
  }();
  static const std::unique_ptr<kg::Extractor> ex = [] {
    auto e = kg::Extractor::create(*rules);
    REQUIRE(e.ok());
    return std::move(e).value();
  }();
  return *ex;
}

inline kg::Fragment extract(const std::string& text) {
  kg::SourceFile source;
  source.path = "claims-test.txt";
  source.bytes = text;
  source.sha256 = kg::sha256_hex(text);
  return extractor().extract(source);
}

// An Aanhangsel-style document answered by Minister Kaag (Financiën) on 12 May 2022; each
// pair is (question, answer).
inline std::string aanhangsel(const std::vector<std::pair<std::string, std::string>>& qa) {
  std::string s =
      "Vragen van het lid Sneller (D66) aan de Minister van Financiën over het bericht «Banken "
      "delen klantgegevens» (ingezonden 1 april 2022).\n\nAntwoord van Minister Kaag (Financiën) "
      "(ontvangen 12 mei 2022).\n\n";
  for (size_t i = 0; i < qa.size(); ++i) {
    std::string n = std::to_string(i + 1);
    s += "Vraag " + n + "\n" + qa[i].first + "\n\nAntwoord " + n + "\n" + qa[i].second + "\n\n";
  }
  return s;
}

inline std::string answer(const std::string& text) {
  return aanhangsel({{"Wat is uw reactie op het bericht?", text}});
}

inline std::string attr(const kg::Node& n, const std::string& key) {
  auto it = n.attrs.find(key);
  if (it == n.attrs.end()) return "";
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  if (const auto* i = std::get_if<int64_t>(&it->second)) return std::to_string(*i);
  if (const auto* b = std::get_if<bool>(&it->second)) return *b ? "true" : "false";
  return "";
}

inline std::vector<const kg::Node*> nodes_of(const kg::Fragment& f, const std::string& type) {
  std::vector<const kg::Node*> out;
  for (const kg::Node& n : f.nodes) {
    if (n.type == type) out.push_back(&n);
  }
  return out;
}

inline std::vector<const kg::Node*> claims(const kg::Fragment& f) { return nodes_of(f, "Claim"); }

// The claim whose text starts with `prefix`; fails the test when there is none.
inline const kg::Node& claim(const kg::Fragment& f, const std::string& prefix) {
  for (const kg::Node* n : claims(f)) {
    if (attr(*n, "text").rfind(prefix, 0) == 0) return *n;
  }
  FAIL("no claim starts with: " << prefix);
  throw;
}

inline bool has_claim(const kg::Fragment& f, const std::string& prefix) {
  auto list = claims(f);
  return std::any_of(list.begin(), list.end(),
                     [&](const kg::Node* n) { return attr(*n, "text").rfind(prefix, 0) == 0; });
}

inline std::vector<std::string> targets(const kg::Fragment& f, const std::string& source,
                                        const std::string& type) {
  std::vector<std::string> out;
  for (const kg::Edge& e : f.edges) {
    if (e.source == source && e.type == type) out.push_back(e.target);
  }
  return out;
}

inline std::vector<std::string> sources(const kg::Fragment& f, const std::string& target,
                                        const std::string& type) {
  std::vector<std::string> out;
  for (const kg::Edge& e : f.edges) {
    if (e.target == target && e.type == type) out.push_back(e.source);
  }
  return out;
}

inline bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace claimtest
