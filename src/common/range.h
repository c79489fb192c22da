#pragma once

#include <cstdint>

namespace kg {

// A half-open byte range [begin, end) into Text::text (not into the original file).
struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return end <= begin; }
  uint32_t size() const { return empty() ? 0 : end - begin; }
  bool contains(uint32_t offset) const { return offset >= begin && offset < end; }
  bool operator==(const Range&) const = default;
};

}  // namespace kg
