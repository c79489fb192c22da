// Reading the store's MessagePack form of a fragment (see fragment_encode.cpp). Accepts
// any valid MessagePack encoding of the fragment's JSON form, so stores written by the
// earlier encoder (nlohmann's to_msgpack, keys in sorted order) read the same; anything
// else is a storage error, never a crash or a huge allocation.
#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/fragment_codec.h"
#include "graph/serialize.h"

namespace kg {
namespace {

using codec::reserved;

struct Malformed {
  const char* what;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}

  bool done() const { return p_ == end_; }

  uint8_t peek() const {
    need(1);
    return static_cast<uint8_t>(*p_);
  }

  size_t map() { return header(0x80, 0xde, 0xdf, "a map"); }
  size_t array() { return header(0x90, 0xdc, 0xdd, "an array"); }

  std::string_view str() {
    const uint8_t b = next();
    size_t n;
    if ((b & 0xe0) == 0xa0) {
      n = b & 0x1f;
    } else if (b == 0xd9) {
      n = be<uint8_t>();
    } else if (b == 0xda) {
      n = be<uint16_t>();
    } else if (b == 0xdb) {
      n = be<uint32_t>();
    } else {
      throw Malformed{"expected a string"};
    }
    need(n);
    std::string_view s(p_, n);
    p_ += n;
    return s;
  }

  // Any MessagePack integer that fits int64_t.
  int64_t integer() {
    const uint8_t b = next();
    if (b < 0x80) return b;
    if (b >= 0xe0) return static_cast<int8_t>(b);
    switch (b) {
      case 0xcc: return be<uint8_t>();
      case 0xcd: return be<uint16_t>();
      case 0xce: return be<uint32_t>();
      case 0xcf: {
        const uint64_t v = be<uint64_t>();
        if (v > static_cast<uint64_t>(INT64_MAX)) throw Malformed{"integer out of range"};
        return static_cast<int64_t>(v);
      }
      case 0xd0: return static_cast<int8_t>(be<uint8_t>());
      case 0xd1: return static_cast<int16_t>(be<uint16_t>());
      case 0xd2: return static_cast<int32_t>(be<uint32_t>());
      case 0xd3: return static_cast<int64_t>(be<uint64_t>());
      default: throw Malformed{"expected an integer"};
    }
  }

  uint32_t offset() {
    const int64_t v = integer();
    if (v < 0 || v > UINT32_MAX) throw Malformed{"offset out of range"};
    return static_cast<uint32_t>(v);
  }

  Value value() {
    const uint8_t b = peek();
    if (b == 0xc2 || b == 0xc3) {
      ++p_;
      return b == 0xc3;
    }
    if (b == 0xca) {
      ++p_;
      return static_cast<double>(std::bit_cast<float>(be<uint32_t>()));
    }
    if (b == 0xcb) {
      ++p_;
      return std::bit_cast<double>(be<uint64_t>());
    }
    if ((b & 0xf0) == 0x90 || b == 0xdc || b == 0xdd) {
      std::vector<std::string> list(array());
      for (std::string& s : list) s = str();
      return list;
    }
    if ((b & 0xe0) == 0xa0 || (b >= 0xd9 && b <= 0xdb)) return std::string(str());
    return integer();
  }

  std::vector<Provenance> provenance() {
    std::vector<Provenance> out(array());
    for (Provenance& p : out) {
      int seen = 0;
      for (size_t n = map(); n > 0; --n) {
        const std::string_view key = str();
        if (key == "doc") {
          p.doc = str(), seen |= 1;
        } else if (key == "start") {
          p.start = offset(), seen |= 2;
        } else if (key == "end") {
          p.end = offset(), seen |= 4;
        } else if (key == "rule") {
          p.rule = str(), seen |= 8;
        } else {
          (void)value();
        }
      }
      if (seen != 15) throw Malformed{"provenance without doc, start, end or rule"};
    }
    return out;
  }

 private:
  void need(size_t n) const {
    if (static_cast<size_t>(end_ - p_) < n) throw Malformed{"truncated"};
  }
  uint8_t next() {
    need(1);
    return static_cast<uint8_t>(*p_++);
  }
  template <class T>
  T be() {
    need(sizeof(T));
    T v = 0;
    for (size_t i = 0; i < sizeof(T); ++i) v = static_cast<T>((v << 8) | static_cast<uint8_t>(*p_++));
    return v;
  }
  size_t header(uint8_t fix, uint8_t m16, uint8_t m32, const char* what) {
    const uint8_t b = next();
    if ((b & 0xf0) == fix) return b & 0x0f;
    if (b == m16) return bounded(be<uint16_t>());
    if (b == m32) return bounded(be<uint32_t>());
    throw Malformed{what};
  }
  // Every entry takes at least one byte: a count beyond the rest is malformed, and
  // checking it here keeps a corrupt count from reserving gigabytes.
  size_t bounded(size_t n) const {
    need(n);
    return n;
  }

  const char* p_;
  const char* end_;
};

// A node's or an edge's map: the named fields go to `fields` (in the order of `names`),
// provenance to `prov`, anything not reserved to attributes.
template <size_t N>
void read_item(Reader& r, bool edge, const std::array<std::string_view, N>& names,
               std::array<std::string, N>& fields, Attrs& attrs, std::vector<Provenance>& prov) {
  unsigned seen = 0;
  bool has_prov = false;
  for (size_t n = r.map(); n > 0; --n) {
    const std::string_view key = r.str();
    size_t i = 0;
    while (i < N && names[i] != key) ++i;
    if (i < N) {
      fields[i] = r.str();
      seen |= 1u << i;
    } else if (key == "provenance") {
      prov = r.provenance();
      has_prov = true;
    } else if (reserved(key, edge)) {
      (void)r.value();
    } else {
      attrs.emplace(std::string(key), r.value());
    }
  }
  if (seen != (1u << N) - 1 || !has_prov) throw Malformed{"a node or edge without its fields"};
}

}  // namespace

Result<Fragment> decode_fragment(std::string_view bytes) {
  static constexpr std::array<std::string_view, 3> kNodeFields = {"id", "type", "label"};
  static constexpr std::array<std::string_view, 3> kEdgeFields = {"source", "target", "type"};
  try {
    Reader r(bytes);
    Fragment f;
    int seen = 0;
    for (size_t n = r.map(); n > 0; --n) {
      const std::string_view key = r.str();
      if (key == "doc") {
        f.doc = r.str();
        seen |= 1;
      } else if (key == "nodes") {
        f.nodes.resize(r.array());
        for (Node& node : f.nodes) {
          std::array<std::string, 3> fields;
          read_item(r, false, kNodeFields, fields, node.attrs, node.provenance);
          node.id = std::move(fields[0]);
          node.type = std::move(fields[1]);
          node.label = std::move(fields[2]);
        }
        seen |= 2;
      } else if (key == "edges") {
        f.edges.resize(r.array());
        for (Edge& edge : f.edges) {
          std::array<std::string, 3> fields;
          read_item(r, true, kEdgeFields, fields, edge.attrs, edge.provenance);
          edge.source = std::move(fields[0]);
          edge.target = std::move(fields[1]);
          edge.type = std::move(fields[2]);
        }
        seen |= 4;
      } else {
        throw Malformed{"unknown field"};
      }
    }
    if (seen != 7) throw Malformed{"missing doc, nodes or edges"};
    if (!r.done()) throw Malformed{"trailing bytes"};
    return f;
  } catch (const Malformed& m) {
    return Status::Storage(std::string("undecodable fragment: ") + m.what);
  }
}

}  // namespace kg
