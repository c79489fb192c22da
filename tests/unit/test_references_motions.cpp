// Motions (number, submitters, meeting, status and date) and meetings (year from the
// document's date).
#include "test_references_fixture.h"

using namespace kg;
using namespace refs_test;

TEST_CASE("a motion numbered in a footnote, with submitters, meeting and a later status") {
  Fragment f = answer(
      "In het tweeminutendebat Cybersecurity van 14 februari is een motie ingediend door de leden\n"
      "Jansen en Van der Berg, om ook de vitale infrastructuur te onderzoeken.4 De motie is op\n"
      "21 februari aangenomen.\n\n"
      "4 Kamerstuk 26 643, nr. 990\n");
  const Node* m = node(f, "motion:26643-990");
  REQUIRE(m);
  CHECK(m->type == node_type::kMotion);
  CHECK(attr(*m, "status") == "adopted");
  CHECK(attr(*m, "date") == "2023-02-21");
  CHECK(attr(*m, "submitted_on") == "2023-02-14");
  CHECK(attr(*m, "subject").starts_with("om ook de vitale infrastructuur"));
  CHECK(
      edge(f, "motion:26643-990", edge_type::kDiscussedIn, "meeting:tweeminutendebat-2023-02-14"));
  size_t submitters = std::count_if(f.edges.begin(), f.edges.end(), [](const Edge& e) {
    return e.type == edge_type::kSubmitted && e.target == "motion:26643-990";
  });
  CHECK(submitters == 2);
  CHECK(edge(f, "/a1", edge_type::kCites, "kst:26643-990"));
}

TEST_CASE("the same motion cited with and without its number is one node") {
  Fragment f = extract(
      "Vragen van het lid Jansen (VVD) aan de Minister van Economische Zaken over datacentra\n"
      "(ingezonden 1 maart 2023).\n\n"
      "Antwoord van Minister De Vries (Economische Zaken) (ontvangen 2 april 2023).\n\n"
      "Vraag 1\nBent u bekend met de motie Bakker en De Groot (36124–12) over datacentra?\n\n"
      "Antwoord 1\nDe ingediende motie van Bakker en De Groot bij het VAO Digitale Zaken van\n"
      "12 oktober 2022 is aangehouden tijdens de stemmingen van 18 oktober 2022.\n");
  const Node* m = node(f, "motion:36124-12");
  REQUIRE(m);
  CHECK(attr(*m, "status") == "held");
  CHECK(attr(*m, "date") == "2022-10-18");
  CHECK(count_type(f, node_type::kMotion) == 1);
  CHECK(edge(f, "motion:36124-12", edge_type::kDiscussedIn, "meeting:vao-2022-10-12"));
  CHECK(node(f, "kst:36124-12"));
}

TEST_CASE("an unnumbered motion is identified by its submitters and date") {
  Fragment f = answer("De motie van het lid Smit over datalekken is op 7 maart aangenomen.");
  const Node* m = node(f, "motion:smit-2023-03-07");
  REQUIRE(m);
  CHECK(attr(*m, "status") == "adopted");
}

TEST_CASE("meetings get the year of the document; bare dates and statuses are not motions") {
  Fragment f = answer(
      "In het commissiedebat Digitale Zaken van 8 februari is dit besproken. De motie is op\n"
      "5 april aangenomen. Op 5 april was het stil.");
  const Node* meet = node(f, "meeting:commissiedebat-2023-02-08");
  REQUIRE(meet);
  CHECK(attr(*meet, "subject") == "Digitale Zaken");
  CHECK(attr(*meet, "date") == "2023-02-08");
  CHECK(count_type(f, node_type::kMotion) == 0);
  CHECK(count_type(f, node_type::kMeeting) == 1);
}

TEST_CASE("an unnamed motion numbered by the footnote at the end of its sentence") {
  Fragment f = answer(
      "Herinnert u zich de twee jaar geleden aangenomen motie die vraagt om een onderzoek?2\n"
      "Daar wordt aan gewerkt.\n\n"
      "2 Kamerstuk 21 501-02, nr. 2498\n");
  const Node* m = node(f, "motion:21501-02-2498");
  REQUIRE(m);
  CHECK(attr(*m, "status") == "adopted");
}
