// Internal to the segment stage: which layout a document has and how its headings look.
#pragma once

#include <optional>

#include "segment/blocks.h"
#include "segment/lines.h"
#include "segment/segment.h"

namespace kg::seg {

struct LayoutChoice {
  Layout layout = Layout::kUnknown;
  std::optional<Style> style;  // none for kNews and kUnknown
};

// Decides the layout from the line kinds and the first lines, then makes the lines fit it:
// headings of other styles become text; in a letter the question numbers ("1" alone, followed by
// the question and later "Antwoord") become kQuestion and the letterhead lines repeated on later
// pages ("Ons kenmerk", "DGBI / 21242813") become page artefacts.
LayoutChoice choose_layout(Lines& lines);

// "date 2021-09" at the start of a news item: the metadata prefix of the first line.
std::optional<Range> news_header(const Lines& lines);

// The salutation line of a letter ("Geachte Voorzitter,"): the end of its letterhead.
std::optional<Range> salutation(const Lines& lines);

// Where the Aanhangsel's own header sentence starts ("Vragen van het lid ..."), 0 if not found:
// the front matter before it ("Staten-Generaal2") holds no footnote markers.
uint32_t header_sentence(const Lines& lines);

}  // namespace kg::seg
