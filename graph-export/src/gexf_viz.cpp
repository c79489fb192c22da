#include "gexf_viz.h"

#include <cmath>

#include "graph/schema.h"

namespace kg::exporter {
namespace {

struct TypeColour {
  std::string_view type;
  Rgb colour;
};

// Actors warm, texts cool, law purple, debate objects green: one hue family per role.
constexpr TypeColour kColours[] = {
    {node_type::kPerson, {230, 85, 13}},
    {node_type::kParty, {214, 39, 40}},
    {node_type::kOrganization, {31, 119, 180}},
    {node_type::kCountry, {44, 160, 44}},
    {node_type::kDocument, {127, 127, 127}},
    {node_type::kQuestion, {158, 202, 225}},
    {node_type::kAnswer, {161, 217, 155}},
    {node_type::kLegalInstrument, {117, 107, 177}},
    {node_type::kLegalProvision, {188, 189, 220}},
    {node_type::kCourtDecision, {140, 86, 75}},
    {node_type::kParliamentaryPaper, {199, 199, 199}},
    {node_type::kMotion, {188, 189, 34}},
    {node_type::kMeeting, {23, 190, 207}},
    {node_type::kCommitment, {227, 119, 194}},
    {node_type::kClaim, {255, 187, 120}},
    {node_type::kPolicyDocument, {82, 84, 163}},
};

constexpr Rgb kSpare[] = {{141, 211, 199}, {255, 237, 111}, {190, 186, 218}, {251, 128, 114},
                          {128, 177, 211}, {253, 180, 98},  {179, 222, 105}, {252, 205, 229}};

}  // namespace

Rgb type_colour(std::string_view type) {
  for (const TypeColour& c : kColours) {
    if (c.type == type) return c.colour;
  }
  uint32_t hash = 2166136261u;  // FNV-1a: stable across runs and platforms
  for (unsigned char c : type) hash = (hash ^ c) * 16777619u;
  return kSpare[hash % std::size(kSpare)];
}

double degree_size(uint32_t degree) {
  return std::round((5.0 + 5.0 * std::log2(1.0 + degree)) * 10.0) / 10.0;
}

}  // namespace kg::exporter
