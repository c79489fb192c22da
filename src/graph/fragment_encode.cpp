// The store's MessagePack form of a fragment, written and read directly rather than
// through a JSON document: building nlohmann::json trees for every node, edge and
// provenance entry cost more than RocksDB itself during ingest, and most of `export`'s
// time when it reads the store.
//
// The bytes are MessagePack of the fragment's JSON form (serialize.h), so the reader
// accepts any valid encoding of it: stores written by the earlier encoder (nlohmann's
// to_msgpack, keys in sorted order) read the same.
#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "graph/fragment_codec.h"
#include "graph/serialize.h"

namespace kg {
namespace {

using codec::reserved;

class Writer {
 public:
  std::string take() { return std::move(out_); }

  void header(uint8_t fix, uint8_t fix_limit, uint8_t m16, uint8_t m32, size_t n) {
    if (n < fix_limit) {
      byte(static_cast<uint8_t>(fix | n));
    } else if (n <= 0xffff) {
      byte(m16);
      be(static_cast<uint16_t>(n));
    } else {
      byte(m32);
      be(static_cast<uint32_t>(n));
    }
  }
  void map(size_t n) { header(0x80, 16, 0xde, 0xdf, n); }
  void array(size_t n) { header(0x90, 16, 0xdc, 0xdd, n); }
  void str(std::string_view s) {
    if (s.size() < 32) {
      byte(static_cast<uint8_t>(0xa0 | s.size()));
    } else if (s.size() <= 0xff) {
      byte(0xd9);
      byte(static_cast<uint8_t>(s.size()));
    } else {
      header(0, 0, 0xda, 0xdb, s.size());
    }
    out_.append(s);
  }
  void integer(int64_t v) {
    if (v >= 0 && v < 128) return byte(static_cast<uint8_t>(v));
    if (v < 0 && v >= -32) return byte(static_cast<uint8_t>(v));
    byte(v >= 0 ? 0xcf : 0xd3);  // uint64 / int64: always valid, rare in fragments
    be(static_cast<uint64_t>(v));
  }
  void boolean(bool b) { byte(b ? 0xc3 : 0xc2); }
  void real(double d) {
    byte(0xcb);
    be(std::bit_cast<uint64_t>(d));
  }

  void value(const Value& v) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::string>) {
            str(x);
          } else if constexpr (std::is_same_v<T, int64_t>) {
            integer(x);
          } else if constexpr (std::is_same_v<T, double>) {
            real(x);
          } else if constexpr (std::is_same_v<T, bool>) {
            boolean(x);
          } else {
            array(x.size());
            for (const std::string& s : x) str(s);
          }
        },
        v);
  }

  void provenance(const std::vector<Provenance>& list) {
    str("provenance");
    array(list.size());
    for (const Provenance& p : list) {
      map(4);
      str("doc");
      str(p.doc);
      str("start");
      integer(p.start);
      str("end");
      integer(p.end);
      str("rule");
      str(p.rule);
    }
  }

 private:
  void byte(uint8_t b) { out_.push_back(static_cast<char>(b)); }
  template <class T>
  void be(T v) {
    for (int shift = 8 * (sizeof(T) - 1); shift >= 0; shift -= 8) {
      byte(static_cast<uint8_t>(v >> shift));
    }
  }

  std::string out_;
};

size_t stored_attrs(const Attrs& attrs, bool edge) {
  size_t n = 0;
  for (const auto& [key, value] : attrs) n += !reserved(key, edge);
  return n;
}

void write_attrs(Writer& w, const Attrs& attrs, bool edge) {
  for (const auto& [key, value] : attrs) {
    if (reserved(key, edge)) continue;
    w.str(key);
    w.value(value);
  }
}

}  // namespace

std::string encode_fragment(const Fragment& f) {
  Writer w;
  w.map(3);
  w.str("doc");
  w.str(f.doc);
  w.str("nodes");
  w.array(f.nodes.size());
  for (const Node& n : f.nodes) {
    w.map(4 + stored_attrs(n.attrs, false));
    w.str("id");
    w.str(n.id);
    w.str("type");
    w.str(n.type);
    w.str("label");
    w.str(n.label);
    write_attrs(w, n.attrs, false);
    w.provenance(n.provenance);
  }
  w.str("edges");
  w.array(f.edges.size());
  for (const Edge& e : f.edges) {
    w.map(4 + stored_attrs(e.attrs, true));
    w.str("source");
    w.str(e.source);
    w.str("target");
    w.str(e.target);
    w.str("type");
    w.str(e.type);
    write_attrs(w, e.attrs, true);
    w.provenance(e.provenance);
  }
  return w.take();
}

}  // namespace kg
