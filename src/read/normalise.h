// Normalisation with a map back to the original bytes.
//
// Text::text is what segmentation and regex rules see:
//   - CRLF/CR become LF; form feeds become LF; a UTF-8 BOM is dropped;
//   - words hyphenated across a line break are joined ("beveili-\ngingskader" ->
//     "beveiligingskader"), while real hyphens stay ("Dekker-\nAbdulaziz" ->
//     "Dekker-Abdulaziz", "e-privacyrichtlijn" untouched, vowel clashes such as
//     "zee-\neend" keep their hyphen);
//   - page-break artefacts are removed: repeated page footers ("Tweede Kamer,
//     vergaderjaar 2023–2024, Aanhangsel 1"), "ISSN 0921 - 7398", "’s-Gravenhage 2024",
//     a lone document number line ("ah-tk-20232024-1178");
//   - NBSP and other Unicode spaces become ' '; curly quotes become straight ones
//     (‘’ -> ', “” -> "), «» and ‹› are kept in text (they delimit titles) but fold in key;
//     Unicode is NFC.
// Text::key is the matching form of text: additionally lowercased, diacritics stripped
// (ş -> s, ö -> o), «»“”‘’ folded to '"' and '\'', and every run of whitespace (line
// breaks included) is one space. Gazetteer matching runs on key.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

struct Text {
  std::string text;
  // to_src[i] is the original byte offset that text[i] came from; to_src has
  // text.size() + 1 entries, the last being the source size (so [b, e) maps to
  // [to_src[b], to_src[e]) and an empty range at the end is valid).
  std::vector<uint32_t> to_src;
  std::string key;
  // key_to_text[i] is the offset in text that key[i] came from; key.size() + 1 entries.
  std::vector<uint32_t> key_to_text;

  // Original byte range of a range in text.
  uint32_t src(uint32_t text_offset) const { return to_src[text_offset]; }
};

Text normalise(std::string_view utf8);

// The same folding as Text::key, for patterns and user queries ("Yeşilgöz" -> "yesilgoz";
// whitespace runs become one space).
// Invalid UTF-8 bytes are replaced by U+FFFD.
std::string fold(std::string_view utf8);

// Appends the folded form of one code point to out (possibly nothing, e.g. for a
// combining mark). fold() and Text::key are built from this.
void fold_append(char32_t cp, std::string& out);

// Decodes one code point at s[i], advancing i; invalid bytes decode to U+FFFD, one byte.
char32_t decode_utf8(std::string_view s, size_t& i);
void encode_utf8(char32_t cp, std::string& out);

// Display form of a span of original text: hyphenation joined, whitespace collapsed,
// trimmed. Used for labels and snippets so that they read well.
std::string display(std::string_view utf8);

}  // namespace kg
