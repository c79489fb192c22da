// Segmentation of a normalised document into its parts. All ranges are offsets into
// Text::text. Segmentation never fails: an unknown layout degrades to paragraphs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/range.h"
#include "read/normalise.h"

namespace kg {

enum class Layout {
  kAanhangsel,  // "Vragen van het lid X ...", "Antwoord van Minister Y ...", "Vraag 1", ...
  kLetter,      // ministry letter: letterhead, "Datum", "Betreft", numbered questions + "Antwoord"
  kOpenKamer,   // "Kamervraag 2022Z04510" metadata header, "• Vraag N" bullets with the answer
  kNews,        // a news item: no question/answer structure, prose with quotes
  kUnknown      // anything else: paragraphs only
};

const char* layout_name(Layout layout);  // "aanhangsel", "letter", "openkamer", "news", "unknown"

// A numbered question or answer. An answer can cover several questions
// ("Antwoord op vraag 2 en 3", "Vraag 4 en 5" followed by one answer).
struct Block {
  std::vector<int> numbers;  // ascending, at least one
  Range heading;             // "Vraag 1", "Antwoord 1", "• Vraag 1", "1" ... (may be empty)
  Range body;                // the text, trimmed: from the first to the last byte of parts
  // The body without what is cut out of it: footnote texts and page artefacts (footers,
  // repeated letter headers) that fall inside it, and lines repeated by a chunked conversion.
  // In document order, each trimmed; one part when nothing was cut out, none when body is empty.
  std::vector<Range> parts;
};

struct FootnoteRef {
  uint32_t at = 0;  // offset of the marker in text ("…aangetroffen.1", "…lijn vertoont.¹")
};

struct Footnote {
  std::string marker;  // "1", "2", ... (superscripts normalised to digits)
  // The footnote's own text; empty when the document has none for the marker (openkamer, or a
  // text the converter lost).
  Range text;
  std::vector<FootnoteRef> refs;  // where it is referenced from, in document order
};

// "Mededeling - 1 april 2022": a notice that the answers are delayed.
struct Notice {
  Range heading;
  Range body;
};

struct Segmentation {
  Layout layout = Layout::kUnknown;
  Range header;  // the metadata part before the first question (title, askers, dates, ...)
  std::vector<Block> questions;
  std::vector<Block> answers;
  std::vector<Footnote> footnotes;
  std::vector<Notice> notices;
  Range trailer;  // metadata after the last answer (openkamer "Kamervraag document nummer: ...")
  // For kNews and kUnknown, and for any layout in which no question, answer or notice was found:
  // the text after the header split at blank lines and page artefacts.
  std::vector<Range> paragraphs;
};

Segmentation segment(const Text& text);

}  // namespace kg
