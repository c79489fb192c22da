// Matcher::entities: the Hyperscan scan of Text::key and the choice among overlapping hits.
#include <algorithm>
#include <string_view>

#include "match/matcher_impl.h"

namespace kg {
namespace {

struct Candidate {
  uint32_t begin;  // in Text::key
  uint32_t end;
  uint32_t entry;
};

// Per-thread state, reused from call to call so that a scan allocates nothing once warm.
// The scratch is grown (hs_alloc_scratch) for every matcher the thread meets, so it stays
// valid for all of them; `serial` remembers for which matcher it was last checked.
struct ThreadState {
  hs_scratch_t* scratch = nullptr;
  uint64_t serial = 0;
  std::vector<Candidate> candidates;
  std::vector<uint8_t> context_state;  // per context string: 0 unknown, 1 present, 2 absent
  ~ThreadState() { hs_free_scratch(scratch); }
};

thread_local ThreadState tls;

struct Scan {
  const match_internal::MatcherState& impl;
  const std::vector<GazetteerEntry>& entries;
  const Text& text;
  ThreadState& state;

  bool in_document(uint32_t context) {
    uint8_t& known = state.context_state[context];
    if (known == 0) {
      known =
          std::string_view(text.key).find(impl.contexts[context]) != std::string_view::npos ? 1 : 2;
    }
    return known == 1;
  }

  bool accept(uint32_t entry, uint32_t begin, uint32_t end) {
    if (!impl.exact_form[entry].empty()) {
      uint32_t tb = text.key_to_text[begin];
      uint32_t te = text.key_to_text[end];
      if (std::string_view(text.text).substr(tb, te - tb) != impl.exact_form[entry]) return false;
    }
    const std::vector<uint32_t>& contexts = impl.entry_contexts[entry];
    if (contexts.empty()) return true;
    return std::any_of(contexts.begin(), contexts.end(),
                       [&](uint32_t c) { return in_document(c); });
  }

  // One hit of key `id` at [begin, end): of the entries sharing the key, keep the one with
  // the highest priority (first in rule order on a tie) that passes its filters.
  void hit(unsigned id, uint32_t begin, uint32_t end) {
    const std::string& key = text.key;
    if (impl.key_word_begin[id] && begin > 0 && match_internal::word_byte(key[begin - 1])) return;
    if (impl.key_word_end[id] && end < key.size() && match_internal::word_byte(key[end])) return;
    int64_t best = -1;
    for (uint32_t k = impl.key_first[id]; k < impl.key_first[id + 1]; ++k) {
      uint32_t e = impl.key_entries[k];
      if (best >= 0 && entries[e].priority <= entries[best].priority) continue;
      if (accept(e, begin, end)) best = e;
    }
    if (best >= 0) state.candidates.push_back({begin, end, static_cast<uint32_t>(best)});
  }
};

int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned /*flags*/,
             void* context) {
  static_cast<Scan*>(context)->hit(id, static_cast<uint32_t>(from), static_cast<uint32_t>(to));
  return 0;
}

}  // namespace

std::vector<EntityMatch> Matcher::entities(const Text& text) const {
  std::vector<EntityMatch> out;
  const Impl& impl = *impl_;
  if (impl.db == nullptr || text.key.empty() || text.key_to_text.size() != text.key.size() + 1) {
    return out;
  }
  ThreadState& state = tls;
  if (state.serial != impl.serial) {
    hs_error_t rc = state.scratch == nullptr ? hs_clone_scratch(impl.prototype, &state.scratch)
                                             : hs_alloc_scratch(impl.db, &state.scratch);
    if (rc != HS_SUCCESS) return out;  // only on out-of-memory
    state.serial = impl.serial;
  }
  state.candidates.clear();
  state.context_state.assign(impl.contexts.size(), 0);
  const std::vector<GazetteerEntry>& entries = impl.rules->gazetteer();
  Scan scan{impl, entries, text, state};
  if (hs_scan(impl.db, text.key.data(), static_cast<unsigned>(text.key.size()), 0, state.scratch,
              on_match, &scan) != HS_SUCCESS) {
    return out;
  }

  // Leftmost, then longest; a greedy pass keeps each candidate that does not overlap the
  // previous choice. Two candidates never share a span: equal spans mean equal keys, and
  // hit() already chose among the entries of a key by priority and rule order.
  std::vector<Candidate>& cands = state.candidates;
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  size_t kept = 0;
  uint32_t last_end = 0;
  for (Candidate& c : cands) {
    if (kept > 0 && c.begin < last_end) continue;
    last_end = c.end;
    cands[kept++] = c;
  }
  out.reserve(kept);
  for (size_t i = 0; i < kept; ++i) {
    const Candidate& c = cands[i];
    out.push_back(
        EntityMatch{Range{text.key_to_text[c.begin], text.key_to_text[c.end]}, &entries[c.entry]});
  }
  return out;
}

}  // namespace kg
