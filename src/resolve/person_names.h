// Person lists as the genre writes them: "het lid Rajkowski (VVD)", "de leden
// Michon-Derkzen, Brekelmans en Rajkowski (allen VVD)", "Lisa van Ginneken (D66),
// Hind Dekker-Abdulaziz (D66)", "Minister Adriaansens (Economische Zaken en Klimaat)",
// "Dilan Yeşilgöz-Zegerius (minister justitie en veiligheid) (VVD)", "Stef Blok".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/range.h"

namespace kg {

struct PersonRef {
  Range range;  // the whole item, title and parentheses included
  Range name;   // the name only
  std::vector<std::string> tokens;  // the name split at spaces ("Lisa", "van", "Ginneken")
  std::string title;                // folded: "minister", "staatssecretaris", "lid", ... or ""
  std::vector<Range> groups;        // inner ranges of the parenthesised groups after the name
};

struct PersonList {
  std::vector<PersonRef> persons;
  // A trailing group that applies to every person: "(beiden D66)", "(allen VVD)".
  std::vector<Range> shared_groups;
};

// Parses the person list in text[range]. Items that do not look like a name (no
// capital, digits, more than six words, a known non-name such as "Kamer") are skipped.
PersonList parse_person_list(std::string_view text, Range range);

// True for name particles: van, de, der, den, ter, ten, te, 't, in, op, von, ...
bool is_name_particle(std::string_view folded_token);

}  // namespace kg
