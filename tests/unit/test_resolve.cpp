#include <catch2/catch.hpp>

#include "resolve/dates.h"
#include "resolve/person_names.h"
#include "resolve/person_register.h"

using namespace kg;

TEST_CASE("Dutch dates") {
  CHECK(parse_dutch_date("9 november 2021")->iso() == "2021-11-09");
  CHECK(parse_dutch_date("1 Oktober 2021")->iso() == "2021-10-01");
  CHECK(parse_dutch_date("2021-09")->iso() == "2021-09");
  CHECK(parse_dutch_date("12-10-2023")->iso() == "2023-10-12");
  CHECK_FALSE(parse_dutch_date("31 februari 2021"));
  CHECK_FALSE(parse_dutch_date("5 april"));  // no year and no context
  CHECK_FALSE(parse_dutch_date("artikel 5"));
  Date ctx{2022, 4, 7};
  CHECK(parse_dutch_date("22 maart jl.", ctx)->iso() == "2022-03-22");
  // A day later in the year than the document's date lies in the year before.
  CHECK(parse_dutch_date("20 november", ctx)->iso() == "2021-11-20");
}

namespace {

std::vector<std::string> names(const std::string& s) {
  std::vector<std::string> out;
  for (const auto& p : parse_person_list(s, {0, static_cast<uint32_t>(s.size())}).persons) {
    std::string n;
    for (const auto& t : p.tokens) n += (n.empty() ? "" : " ") + t;
    out.push_back(n);
  }
  return out;
}

}  // namespace

TEST_CASE("person lists as the genre writes them") {
  CHECK(names("het lid Jansen (GL)") == std::vector<std::string>{"Jansen"});
  CHECK(names("de leden De Vries, Van der Berg en Öztürk (allen SP)") ==
        std::vector<std::string>{"De Vries", "Van der Berg", "Öztürk"});
  CHECK(names("Anna de Wit (CDA), Piet Kok-Smit (PvdA)") ==
        std::vector<std::string>{"Anna de Wit", "Piet Kok-Smit"});
  CHECK(names("Minister Bakker (Sociale Zaken en Werkgelegenheid)") ==
        std::vector<std::string>{"Bakker"});
  CHECK(names("de leden der Kamer").empty());
  CHECK(names("het lid Inge vanDijk (CDA)") == std::vector<std::string>{"Inge van Dijk"});
  CHECK(names("Minister Smit (BZ) van Minister Kok (BHO)") ==
        std::vector<std::string>{"Smit", "Kok"});
  CHECK(names("het lid van de Tweede Kamer").empty());

  std::string s = "de leden Bos en Kuipers (beiden VVD)";
  PersonList list = parse_person_list(s, {0, static_cast<uint32_t>(s.size())});
  REQUIRE(list.persons.size() == 2);
  REQUIRE(list.shared_groups.size() == 1);
  CHECK(s.substr(list.shared_groups[0].begin, list.shared_groups[0].size()) == "VVD");
  CHECK(list.persons[0].title == "leden");

  std::string o = "Els Mol (minister sociale zaken) (D66)";
  PersonList one = parse_person_list(o, {0, static_cast<uint32_t>(o.size())});
  REQUIRE(one.persons.size() == 1);
  CHECK(one.persons[0].groups.size() == 2);
}

namespace {

RegisterEntry person(const std::string& id, const std::string& forename, const std::string& surname,
                     nlohmann::json affiliations) {
  return {{{"id", id},
           {"forename", forename},
           {"surname", surname},
           {"name", forename + " " + surname},
           {"affiliations", affiliations}},
          "test:1"};
}

PersonRegister sample_register() {
  using J = nlohmann::json;
  return PersonRegister({
      person(
          "person:jan-de-jong", "Jan", "de Jong",
          J::array(
              {{{"role", "member"}, {"org", "party:cda"}},
               {{"role", "member"}, {"org", "tk"}, {"from", "2010-01-01"}, {"to", "2017-03-23"}}})),
      person("person:karin-de-jong", "Karin", "de Jong",
             J::array({{{"role", "member"}, {"org", "party:pvv"}},
                       {{"role", "member"}, {"org", "tk"}, {"from", "2017-03-23"}}})),
      person("person:eva-smit-bakker", "Eva", "Smit-Bakker",
             J::array({{{"role", "member"}, {"org", "party:vvd"}},
                       {{"role", "minister"}, {"org", "org:min-ezk"}, {"from", "2022-01-10"}}})),
      person("person:kees-van-dijk", "Kees", "van Dijk",
             J::array({{{"role", "member"}, {"org", "party:sp"}},
                       {{"role", "member"}, {"org", "tk"}, {"from", "2012-01-01"}}})),
      person("person:anna-van-der-berg-kok", "Anna", "van der Berg-Kok",
             J::array({{{"role", "member"}, {"org", "party:d66"}}})),
      person("person:piet-bos", "Piet", "Bos",
             J::array({{{"role", "member"}, {"org", "party:vvd"}}})),
  });
}

}  // namespace

TEST_CASE("register resolution uses forename, party and date, and never guesses") {
  PersonRegister reg = sample_register();
  Date d2015{2015, 6, 1}, d2020{2020, 6, 1};
  CHECK(reg.resolve({{"Karin", "de", "Jong"}, {}, "", false, d2015})->id == "person:karin-de-jong");
  CHECK(reg.resolve({{"De", "Jong"}, {"party:cda"}, "", false, d2020})->id == "person:jan-de-jong");
  // Only one De Jong sat in the Kamer in 2020.
  CHECK(reg.resolve({{"De", "Jong"}, {}, "", false, d2020})->id == "person:karin-de-jong");
  // Forename or party that disagree: nobody.
  CHECK(reg.resolve({{"Piet", "de", "Jong"}, {}, "", false, d2020}) == nullptr);
  CHECK(reg.resolve({{"De", "Jong"}, {"party:d66"}, "", false, d2020}) == nullptr);
  // A joint list agrees with the parties it joins.
  CHECK(reg.resolve({{"De", "Jong"}, {"party:gl-pvv", "party:pvv"}, "", false, d2020})->id ==
        "person:karin-de-jong");
  // "Minister De Jong": neither De Jong ever held an office.
  CHECK(reg.resolve({{"De", "Jong"}, {}, "", true, d2020}) == nullptr);
  // A married name's first part, with an agreeing forename.
  CHECK(reg.resolve({{"Eva", "Smit"}, {}, "", false, d2020})->id == "person:eva-smit-bakker");
  CHECK(reg.resolve({{"Smit-Bakker"}, {}, "org:min-ezk", true, Date{2022, 4, 1}})->id ==
        "person:eva-smit-bakker");
  CHECK(reg.resolve({{"Onbekend"}, {}, "", false, d2020}) == nullptr);
}

TEST_CASE("names split into forename and surname") {
  PersonRegister reg = sample_register();
  auto s = reg.split({"Karin", "de", "Jong"});
  CHECK(s.forename == "Karin");
  CHECK(s.surname == "de Jong");
  auto t = reg.split({"Lisa", "van", "Dam"});  // not registered: Dutch particle rule
  CHECK(t.forename == "Lisa");
  CHECK(t.surname == "van Dam");
  CHECK(surname_key("Van der Wal-Zeggelink") == "wal-zeggelink");
  CHECK(person_slug("Yeşilgöz-Zegerius") == "person:yesilgoz-zegerius");
}

TEST_CASE("particles belong to the surname; the second part of a married name has none") {
  PersonRegister reg = sample_register();
  Date d{2020, 6, 1};
  CHECK(reg.resolve({{"Van", "Dijk"}, {"party:sp"}, "", false, d})->id == "person:kees-van-dijk");
  // "het lid Dijk (SP)" is not Van Dijk of the same party.
  CHECK(reg.resolve({{"Dijk"}, {"party:sp"}, "", false, d}) == nullptr);
  CHECK(reg.resolve({{"De", "Dijk"}, {}, "", false, d}) == nullptr);
  CHECK(reg.resolve({{"Van", "der", "Berg"}, {}, "", false, d})->id ==
        "person:anna-van-der-berg-kok");
  CHECK(reg.resolve({{"Anna", "Kok"}, {}, "", false, d})->id == "person:anna-van-der-berg-kok");
  CHECK(reg.resolve({{"Berg"}, {}, "", false, d}) == nullptr);
  CHECK(surname_particles("Van der Berg-Kok") == "van der");
  CHECK(surname_particles("Kok") == "");
}

TEST_CASE("after the register ends, a member named in full may have become minister") {
  PersonRegister reg = sample_register();
  CHECK(reg.last_date() == "2022-01-10");
  Date later{2023, 5, 1}, before{2021, 5, 1};
  CHECK(reg.resolve({{"Piet", "Bos"}, {}, "", true, later})->id == "person:piet-bos");
  CHECK(reg.resolve({{"Piet", "Bos"}, {"party:vvd"}, "org:min-fin", true, later}) == nullptr);
  // A bare surname is not enough: another Bos may have become minister.
  CHECK(reg.resolve({{"Bos"}, {}, "", true, later}) == nullptr);
  // Within the register's time its offices are complete.
  CHECK(reg.resolve({{"Piet", "Bos"}, {}, "", true, before}) == nullptr);
}
