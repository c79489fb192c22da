// Shared by the test_commitments*.cpp files: extraction of documents written in the genre,
// and queries on the resulting fragment.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "extract_fixture.h"

namespace kgtest {

// An Aanhangsel-style document: one answering minister, answers dated 2 April 2023 unless
// `received` says otherwise. Each pair is (question, answer).
inline std::string aanhangsel(const std::vector<std::pair<std::string, std::string>>& qa,
                              const std::string& subject = "het bericht «Slimme deurbellen lekken gegevens»",
                              const std::string& received = "2 april 2023") {
  std::string s =
      "Vragen van het lid Jansen (GL) aan de Minister van Binnenlandse Zaken en Koninkrijksrelaties over " +
      subject + " (ingezonden 1 maart 2023).\n\nAntwoord van Minister De Vries (Binnenlandse Zaken en "
      "Koninkrijksrelaties) (ontvangen " + received + ").\n\n";
  for (size_t i = 0; i < qa.size(); ++i) {
    std::string n = std::to_string(i + 1);
    s += "Vraag " + n + "\n" + qa[i].first + "\n\nAntwoord " + n + "\n" + qa[i].second + "\n\n";
  }
  return s;
}

// The same with one question and one answer.
inline std::string answer(const std::string& text) {
  return aanhangsel({{"Wat gaat u hieraan doen?", text}});
}

inline std::vector<std::string> list_attr(const kg::Node& n, const std::string& key) {
  auto it = n.attrs.find(key);
  if (it == n.attrs.end()) return {};
  if (const auto* l = std::get_if<std::vector<std::string>>(&it->second)) return *l;
  return {};
}

inline std::vector<const kg::Node*> commitments(const kg::Fragment& f) {
  return nodes_of(f, "Commitment");
}

// The only commitment of a fragment (fails the test if there is not exactly one).
inline const kg::Node& only_commitment(const kg::Fragment& f) {
  auto list = commitments(f);
  REQUIRE(list.size() == 1);
  return *list.front();
}

inline bool has_edge(const kg::Fragment& f, const std::string& source, const std::string& type,
                     const std::string& target) {
  for (const kg::Edge& e : f.edges) {
    if (e.source == source && e.type == type && e.target == target) return true;
  }
  return false;
}

}  // namespace kgtest
