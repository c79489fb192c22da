// The look of a GEXF export: a colour per node type and a size per degree.
#pragma once

#include <cstdint>
#include <string_view>

namespace kg::exporter {

struct Rgb {
  uint8_t r, g, b;
};

// A fixed, distinct colour for each schema type (spec §5) so that a legend made once
// holds for every export; any other type gets a colour from its name.
Rgb type_colour(std::string_view type);

// 5 for an isolated node, growing with the logarithm of the degree (10 at 1, 38 at 100).
double degree_size(uint32_t degree);

}  // namespace kg::exporter
