// The person register (rules/register/*.jsonl, generated from ParlaMint-NL) and the
// resolution of a name mention to one registered person, using the evidence the
// document gives: forename, party, office and the document's date.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/rules.h"
#include "resolve/dates.h"

namespace kg {

struct Affiliation {
  std::string role;  // "member", "minister", "secretaryOfState", "head", ...
  std::string org;   // "party:vvd", "tk", "org:min-ezk", "gov"
  std::string from;  // ISO date or ""
  std::string to;    // ISO date or "" (still current at the end of the register)
  std::string role_name;
  bool active_on(const std::string& iso_date) const;
};

struct RegisteredPerson {
  std::string id;
  std::string name;      // "Queeny Rajkowski"
  std::string surname;   // "van Weerdenburg"
  std::string forename;  // "Danai"
  std::string wikipedia;
  std::string sex;  // "M", "F" or ""
  std::vector<Affiliation> affiliations;
  std::string where;  // file:line of the register entry
};

// What a document says about a person.
struct NameEvidence {
  std::vector<std::string> tokens;   // "Lisa", "van", "Ginneken"
  std::vector<std::string> parties;  // the party named and the parties it joins (GL-PvdA)
  std::string office_org;            // ministry node id, or ""
  bool in_office = false;            // named as minister or staatssecretaris
  std::optional<Date> date;          // the document's date
};

struct NameSplit {
  std::string forename;  // "" when the mention has none
  std::string surname;   // with particles: "van Ginneken"
};

class PersonRegister {
 public:
  PersonRegister() = default;
  explicit PersonRegister(const std::vector<RegisterEntry>& entries);

  // The registered person the evidence designates, or nullptr when there is none or the
  // evidence does not single one out. Never merges people whose forename, surname
  // particles ("Dijk" is not "van Dijk") or party disagree with the evidence, nor gives a
  // minister's title to someone the register knows only as a member of parliament, unless
  // the document is dated after the register ends and names the forename too (a member
  // who became minister later: "Eelco Heinen (minister financiën)").
  const RegisteredPerson* resolve(const NameEvidence& evidence) const;

  // Splits the tokens into forename and surname, using the register's surnames where one
  // matches a suffix of the tokens, otherwise Dutch particle rules.
  NameSplit split(const std::vector<std::string>& tokens) const;

  // The party the person was a member of on the date (or the last one known).
  std::string party_on(const RegisteredPerson& p, const std::optional<Date>& date) const;

  size_t size() const { return people_.size(); }
  // The last date the register knows of (ISO), "" for an empty register.
  const std::string& last_date() const { return last_date_; }

 private:
  std::vector<RegisteredPerson> people_;
  std::unordered_map<std::string, std::vector<size_t>> exact_;    // folded surname sans particles
  std::unordered_map<std::string, std::vector<size_t>> partial_;  // parts of double-barrelled names
  std::string last_date_;
};

// Folded surname without leading particles: "Van der Wal-Zeggelink" -> "wal-zeggelink".
std::string surname_key(std::string_view surname);

// The folded leading particles of a surname: "Van der Wal-Zeggelink" -> "van der".
std::string surname_particles(std::string_view surname);

// "person:" + ascii slug.
std::string person_slug(std::string_view name);

}  // namespace kg
