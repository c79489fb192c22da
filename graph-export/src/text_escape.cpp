#include "text_escape.h"

#include <array>
#include <cstdint>

namespace kg::exporter {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Byte classes for the XML scanner: a run of kPlain bytes is copied in one append.
enum : uint8_t { kPlain, kEntity, kDrop, kMultiByte };

constexpr std::array<uint8_t, 256> xml_classes(XmlContext context) {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = kDrop;
  for (int c = 0x80; c < 0x100; ++c) t[c] = kMultiByte;
  for (unsigned char c : {'&', '<', '>', '\r'}) t[c] = kEntity;
  // A quote needs escaping only inside an attribute value delimited by it; in element
  // content (provenance JSON is full of quotes) both stay literal, which keeps the
  // output a quarter smaller.
  const bool attribute = context != XmlContext::kText;
  t['"'] = context == XmlContext::kAttribute ? kEntity : kPlain;
  t['\''] = context == XmlContext::kAposAttribute ? kEntity : kPlain;
  t['\t'] = attribute ? kEntity : kPlain;
  t['\n'] = attribute ? kEntity : kPlain;
  return t;
}

constexpr auto kTextClasses = xml_classes(XmlContext::kText);
constexpr auto kAttributeClasses = xml_classes(XmlContext::kAttribute);
constexpr auto kAposAttributeClasses = xml_classes(XmlContext::kAposAttribute);

std::string_view entity(unsigned char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&apos;";
    case '\t':
      return "&#9;";
    case '\n':
      return "&#10;";
    default:
      return "&#13;";
  }
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length (2..4) of the UTF-8 sequence that starts at p[0] >= 0x80 and sets cp, or 0
// when the bytes are not well-formed (stray continuation, overlong, truncated, beyond
// U+10FFFF). Surrogate code points decode; callers decide what to do with them.
int decode_multibyte(const unsigned char* p, size_t avail, char32_t& cp) {
  const unsigned char c = p[0];
  if (c >= 0xC2 && c <= 0xDF) {
    if (avail < 2 || !continuation(p[1])) return 0;
    cp = (char32_t{c} & 0x1F) << 6 | (p[1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF) {
    if (avail < 3 || !continuation(p[1]) || !continuation(p[2])) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;
    cp = (char32_t{c} & 0x0F) << 12 | char32_t{p[1] & 0x3Fu} << 6 | (p[2] & 0x3F);
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (avail < 4 || !continuation(p[1]) || !continuation(p[2]) || !continuation(p[3])) return 0;
    if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F)) return 0;
    cp = (char32_t{c} & 0x07) << 18 | char32_t{p[1] & 0x3Fu} << 12 | char32_t{p[2] & 0x3Fu} << 6 |
         (p[3] & 0x3F);
    return 4;
  }
  return 0;
}

bool surrogate(char32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

}  // namespace

void append_xml_escaped(std::string& out, std::string_view s, XmlContext context) {
  const auto& classes = context == XmlContext::kText        ? kTextClasses
                        : context == XmlContext::kAttribute ? kAttributeClasses
                                                            : kAposAttributeClasses;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t run = 0;  // start of the pending run of bytes that are copied verbatim
  size_t i = 0;
  while (i < n) {
    const uint8_t cls = classes[p[i]];
    if (cls == kPlain) {
      ++i;
      continue;
    }
    if (cls == kMultiByte) {
      char32_t cp = 0;
      const int len = decode_multibyte(p + i, n - i, cp);
      const bool legal = len > 0 && !surrogate(cp) && cp != 0xFFFE && cp != 0xFFFF;
      if (legal) {
        i += len;
        continue;
      }
      out.append(s.data() + run, i - run);
      if (len == 0) {
        out.append(kReplacement);
        ++i;
      } else {
        i += len;
      }
      run = i;
      continue;
    }
    out.append(s.data() + run, i - run);
    if (cls == kEntity) out.append(entity(p[i]));
    ++i;
    run = i;
  }
  out.append(s.data() + run, n - run);
}

void append_xml_token(std::string& out, std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  bool separate = false;  // a word was written: the next one needs a space before it
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && space(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !space(s[j])) ++j;
    if (j == i) break;
    const size_t before = out.size();
    if (separate) out.push_back(' ');
    const size_t word = out.size();
    append_xml_escaped(out, s.substr(i, j - i), XmlContext::kAttribute);
    if (out.size() == word) {
      out.resize(before);  // the word was only removed characters
    } else {
      separate = true;
    }
    i = j;
  }
}

void append_json_escaped(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t run = 0;
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      char32_t cp = 0;
      const int len = decode_multibyte(p + i, n - i, cp);
      if (len > 0 && !surrogate(cp)) {
        i += len;
        continue;
      }
      out.append(s.data() + run, i - run);
      out.append(kReplacement);
      i += len > 0 ? len : 1;
      run = i;
      continue;
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
    ++i;
    run = i;
  }
  out.append(s.data() + run, n - run);
}

void append_csv_escaped(std::string& out, std::string_view s, bool list_element) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t run = 0;
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    const bool special =
        c == '"' || (list_element && c == ';') || (c < 0x20 && c != '\t' && c != '\n' && c != '\r');
    if (c < 0x80 && !special) {
      ++i;
      continue;
    }
    out.append(s.data() + run, i - run);
    if (c >= 0x80) {
      char32_t cp = 0;
      const int len = decode_multibyte(p + i, n - i, cp);
      if (len > 0 && !surrogate(cp)) {
        out.append(s.data() + i, len);
        i += len;
      } else {
        out.append(kReplacement);
        i += len > 0 ? len : 1;
      }
    } else {
      if (c == '"') out.append("\"\"");
      if (c == ';') out.push_back(',');
      ++i;
    }
    run = i;
  }
  out.append(s.data() + run, n - run);
}

}  // namespace kg::exporter
