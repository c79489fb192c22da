// Builds a Fragment: nodes deduplicated by id and edges by identity within the
// document, every node and edge with provenance in original-file offsets.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "common/range.h"
#include "graph/model.h"
#include "read/normalise.h"

namespace kg {

// Appends value to the list attribute `key` unless it is there already (aliases,
// references, ...). A non-list value under that key is replaced by the list.
void add_to_list(Attrs& attrs, const std::string& key, const std::string& value);

class FragmentBuilder {
 public:
  FragmentBuilder(std::string doc_id, const Text& text);

  const std::string& doc_id() const { return fragment_.doc; }

  // Provenance of a range of Text::text, in original-file offsets.
  Provenance provenance(Range r, std::string_view rule) const;

  // The node with this id, created with type and label if new; `p` is added to it.
  Node& node(const std::string& id, std::string_view type, const std::string& label,
             const Provenance& p);
  Node* find(const std::string& id);
  // The edges added so far, in the order they were first added.
  const std::vector<Edge>& edges() const { return fragment_.edges; }

  // Adds the edge (or the provenance to an identical edge).
  void edge(const std::string& source, const std::string& target, std::string_view type,
            const Provenance& p, Attrs attrs = {});

  Fragment take();

 private:
  const Text& text_;
  Fragment fragment_;
  std::unordered_map<std::string, size_t> nodes_;
  std::unordered_map<std::string, size_t> edges_;
};

}  // namespace kg
