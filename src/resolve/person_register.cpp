#include "resolve/person_register.h"

#include <algorithm>

#include "read/normalise.h"
#include "resolve/person_names.h"

namespace kg {
namespace {

std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.emplace_back(s.substr(b, i - b));
  }
  return out;
}

std::string join(const std::vector<std::string>& tokens, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += tokens[i];
  }
  return out;
}

// "Ferd" agrees with "Ferdinand", "K." with "Kees"; folded comparison.
bool forenames_agree(std::string_view a, std::string_view b) {
  std::string fa = fold(a), fb = fold(b);
  std::erase(fa, '.');
  std::erase(fb, '.');
  if (fa.empty() || fb.empty()) return true;
  return fa.starts_with(fb) || fb.starts_with(fa);
}

}  // namespace

bool Affiliation::active_on(const std::string& iso) const {
  if (iso.empty()) return false;
  if (!from.empty() && iso < from.substr(0, iso.size())) return false;
  if (!to.empty() && iso > to) return false;
  return true;
}

std::string surname_key(std::string_view surname) {
  std::vector<std::string> words = split_words(fold(surname));
  size_t i = 0;
  while (i + 1 < words.size() && is_name_particle(words[i])) ++i;
  return join(words, i, words.size());
}

std::string surname_particles(std::string_view surname) {
  std::vector<std::string> words = split_words(fold(surname));
  size_t i = 0;
  while (i + 1 < words.size() && is_name_particle(words[i])) ++i;
  return join(words, 0, i);
}

std::string person_slug(std::string_view name) {
  std::string slug = "person:";
  bool dash = false;
  for (char c : fold(name)) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (dash && slug.size() > 7) slug += '-';
      slug += c;
      dash = false;
    } else {
      dash = true;
    }
  }
  return slug;
}

PersonRegister::PersonRegister(const std::vector<RegisterEntry>& entries) {
  for (const auto& e : entries) {
    const auto& r = e.record;
    RegisteredPerson p{str(r, "id"),
                       str(r, "name"),
                       str(r, "surname"),
                       str(r, "forename"),
                       str(r, "wikipedia"),
                       str(r, "sex"),
                       {},
                       e.where};
    if (p.id.empty() || p.surname.empty()) continue;
    if (p.name.empty()) p.name = p.forename + " " + p.surname;
    if (auto it = r.find("affiliations"); it != r.end() && it->is_array()) {
      for (const auto& a : *it) {
        p.affiliations.push_back(
            {str(a, "role"), str(a, "org"), str(a, "from"), str(a, "to"), str(a, "role_name")});
        last_date_ = std::max({last_date_, p.affiliations.back().from, p.affiliations.back().to});
      }
    }
    size_t index = people_.size();
    std::string key = surname_key(p.surname);
    exact_[key].push_back(index);
    if (key.find('-') != std::string::npos) {
      size_t dash = key.find('-');
      partial_[key.substr(0, dash)].push_back(index);
      partial_[key.substr(dash + 1)].push_back(index);
    }
    people_.push_back(std::move(p));
  }
}

NameSplit PersonRegister::split(const std::vector<std::string>& tokens) const {
  // The longest suffix of the tokens that is a registered surname.
  for (size_t start = 0; start < tokens.size(); ++start) {
    std::string candidate = join(tokens, start, tokens.size());
    std::string key = surname_key(candidate);
    if (exact_.count(key) || partial_.count(key)) {
      // Particles before the registered surname belong to it ("Lisa van Ginneken").
      return {join(tokens, 0, start), candidate};
    }
  }
  // Dutch rule: the surname starts at the first particle, else it is the last word.
  size_t start = tokens.empty() ? 0 : tokens.size() - 1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (is_name_particle(fold(tokens[i]))) {
      start = i;
      break;
    }
  }
  return {join(tokens, 0, start), join(tokens, start, tokens.size())};
}

const RegisteredPerson* PersonRegister::resolve(const NameEvidence& ev) const {
  NameSplit name = split(ev.tokens);
  std::string key = surname_key(name.surname);
  std::string particles = surname_particles(name.surname);
  const std::vector<size_t>* pool = nullptr;
  bool partial = false;
  if (auto it = exact_.find(key); it != exact_.end()) {
    pool = &it->second;
  } else if (auto it2 = partial_.find(key); it2 != partial_.end()) {
    pool = &it2->second;
    partial = true;
  }
  if (!pool) return nullptr;

  std::string date = ev.date ? ev.date->iso() : std::string();
  // After the register ends, a member may have become minister: a full name is evidence
  // enough for that, a bare surname is not (Minister Helder 2023 is not MP Lilian Helder).
  bool later = !date.empty() && !last_date_.empty() && date > last_date_;
  std::vector<const RegisteredPerson*> cands;
  for (size_t i : *pool) {
    const RegisteredPerson& p = people_[i];
    if (!name.forename.empty() && !forenames_agree(name.forename, p.forename)) continue;
    // Particles belong to the surname: "Dijk" and "van Dijk" are different names. The
    // second part of a double-barrelled name carries none ("Zeggelink").
    std::string reg_key = surname_key(p.surname);
    bool second_part = partial && !reg_key.starts_with(key + "-");
    if (!second_part && particles != surname_particles(p.surname)) continue;
    if (!ev.parties.empty()) {
      bool member = std::any_of(p.affiliations.begin(), p.affiliations.end(), [&](const auto& a) {
        return std::find(ev.parties.begin(), ev.parties.end(), a.org) != ev.parties.end();
      });
      if (!member) continue;
    }
    if (ev.in_office) {
      bool governed = std::any_of(p.affiliations.begin(), p.affiliations.end(), [&](const auto& a) {
        return a.role != "member" && (a.org == "gov" || a.org.starts_with("org:min-"));
      });
      if (!governed && !(later && !name.forename.empty())) continue;
    }
    if (!ev.office_org.empty()) {
      bool held = std::any_of(p.affiliations.begin(), p.affiliations.end(),
                              [&](const Affiliation& a) { return a.org == ev.office_org; });
      if (!held) continue;
    }
    cands.push_back(&p);
  }
  if (cands.size() > 1 && !date.empty()) {
    std::vector<const RegisteredPerson*> active;
    for (const auto* p : cands) {
      bool on = std::any_of(p->affiliations.begin(), p->affiliations.end(), [&](const auto& a) {
        return a.role != "member" || a.org == "tk" || a.org == "ek" ? a.active_on(date) : false;
      });
      if (on) active.push_back(p);
    }
    cands = std::move(active);
  }
  return cands.size() == 1 ? cands.front() : nullptr;
}

std::string PersonRegister::party_on(const RegisteredPerson& p,
                                     const std::optional<Date>& date) const {
  std::string last;
  for (const auto& a : p.affiliations) {
    if (a.role != "member" || !a.org.starts_with("party:")) continue;
    if (date && a.active_on(date->iso())) return a.org;
    last = a.org;
  }
  return last;
}

}  // namespace kg
