// Writing the rows of `kamergraph who-said`.
#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "cli/terminal.h"
#include "cli/who_said.h"

namespace kg::cli {

nlohmann::json who_said_json(const Row& r) {
  nlohmann::json speakers = nlohmann::json::array();
  std::string names, parties, offices;
  for (const Speaker& s : r.speakers) {
    speakers.push_back({{"id", s.id}, {"name", s.name}, {"party", s.party}, {"office", s.office}});
  }
  auto join = [&](auto field) {
    std::string out;
    for (const Speaker& s : r.speakers) {
      std::string v = field(s);
      if (!v.empty()) out += (out.empty() ? "" : "; ") + v;
    }
    return out;
  };
  return {{"date", r.date},
          {"kind", r.kind},
          {"speaker", join([](const Speaker& s) { return s.name; })},
          {"party", join([](const Speaker& s) { return s.party; })},
          {"office", join([](const Speaker& s) { return s.office; })},
          {"speakers", speakers},
          {"doc", r.doc},
          {"document", r.document},
          {"number", r.number},
          {"id", r.id},
          {"text", r.text},
          {"stance", r.stance},
          {"source", r.source},
          {"source_id", r.source_id}};
}

void print_who_said_table(const std::vector<Row>& rows) {
  size_t width = terminal_width();
  std::vector<std::vector<std::string>> cells;  // date, who, party, office, doc, number
  std::vector<std::string> texts;
  std::vector<size_t> widths = {4, 3, 5, 6, 3, 1};
  const std::vector<size_t> caps = {10, 48, 16, 40, 8, 5};
  for (const Row& r : rows) {
    nlohmann::json j = who_said_json(r);
    cells.push_back({r.date, j["speaker"], j["party"], j["office"],
                     r.doc.substr(r.doc.find(':') + 1, 8), r.number});
    for (size_t c = 0; c < widths.size(); ++c) {
      widths[c] = std::min(caps[c], std::max(widths[c], chars(cells.back()[c])));
    }
    std::string text = r.kind == "claims" ? "" : r.kind + ": ";
    if (!r.stance.empty()) text += "[" + r.stance + "] ";
    texts.push_back(text + r.text + (r.source.empty() ? "" : "  <- " + r.source));
  }
  const std::vector<std::string> titles = {"DATE", "WHO", "PARTY", "OFFICE", "DOC", "Q"};
  std::string header;
  for (size_t c = 0; c < titles.size(); ++c) header += pad(titles[c], widths[c]);
  std::cout << header << "TEXT  <- SOURCE\n";
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string line;
    for (size_t c = 0; c < widths.size(); ++c) line += pad(cells[i][c], widths[c]);
    size_t used = chars(line);
    size_t room = width == 0 ? std::string::npos : width > used + 20 ? width - used : 20;
    std::cout << line << (room == std::string::npos ? texts[i] : cut(texts[i], room)) << "\n";
  }
}

}  // namespace kg::cli
