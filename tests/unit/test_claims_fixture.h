// Shared by the test_claims*.cpp files: documents written in the genre, extracted with the
// real rules, and queries on the claims of the resulting fragment.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "extract_fixture.h"

namespace claimtest {

using kgtest::attr;
using kgtest::extract;
using kgtest::nodes_of;
inline constexpr auto targets = kgtest::edges_from;
inline constexpr auto sources = kgtest::edges_into;

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

inline bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace claimtest
