// Internal to `kamergraph who-said`: the rows and how they are written.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kg::cli {

struct Speaker {
  std::string id, name, party, office;
};

struct Row {
  std::string date, kind, doc, document, number, text, stance, source, source_id, id;
  std::vector<Speaker> speakers;
  uint32_t at = 0;  // where in the document: rows of one answer keep text order
};

// The width to cut rows to: the terminal's (or $COLUMNS); 0 (no cut) when the output
// goes to a file or a pipe and COLUMNS is unset.

// A row as JSON: date, kind, speaker/party/office (joined over the speakers), speakers,
// doc (the document id), document (its title), number, id, text, stance, source, source_id.
nlohmann::json who_said_json(const Row& r);

// The rows as a table, cut to the terminal width (not cut when stdout is no terminal and
// COLUMNS is unset).
void print_who_said_table(const std::vector<Row>& rows);

}  // namespace kg::cli
