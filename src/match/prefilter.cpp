#include "match/prefilter.h"

#include <algorithm>
#include <atomic>
#include <unordered_map>

namespace kg::match_internal {
namespace {

// Per-thread Hyperscan scratch and buffers, reused from call to call.
struct ThreadState {
  hs_scratch_t* scratch = nullptr;
  uint64_t serial = 0;
  std::vector<uint32_t> found;  // Hyperscan ids in the range
  std::vector<int> atoms;
  std::vector<int> potential;
  ~ThreadState() { hs_free_scratch(scratch); }
};

thread_local ThreadState tls;

struct ScanContext {
  const std::vector<uint32_t>* length;  // Hyperscan id -> bytes
  std::vector<LiteralHit>* hits;
};

int on_atom(unsigned id, unsigned long long, unsigned long long to, unsigned, void* context) {
  auto* c = static_cast<ScanContext*>(context);
  const auto end = static_cast<uint32_t>(to);
  c->hits->push_back(LiteralHit{end - (*c->length)[id], end, id});
  return 0;
}

}  // namespace

Prefilter::~Prefilter() {
  hs_free_scratch(prototype_);
  hs_free_database(db_);
}

Status Prefilter::build(const std::vector<const std::string*>& regexes,
                        const RE2::Options& options) {
  static std::atomic<uint64_t> next_serial{1};
  serial_ = next_serial.fetch_add(1);
  rules_ = regexes.size();
  if (regexes.empty()) return Status::Ok();
  for (const std::string* rx : regexes) {
    int id = 0;
    if (filter_.Add(*rx, options, &id) != RE2::NoError) {
      return Status::Input("prefilter: regex does not compile: " + *rx);
    }
  }
  std::vector<std::string> atoms;
  filter_.Compile(&atoms);

  std::unordered_map<std::string, unsigned> ids;
  std::vector<std::string> folded;
  for (size_t i = 0; i < atoms.size(); ++i) {
    std::string f = fold(atoms[i]);
    if (f.empty()) {
      always_.push_back(static_cast<int>(i));
      continue;
    }
    auto [it, fresh] = ids.emplace(f, static_cast<unsigned>(folded.size()));
    if (fresh) {
      folded.push_back(f);
      atoms_of_.emplace_back();
      length_.push_back(static_cast<uint32_t>(f.size()));
    }
    atoms_of_[it->second].push_back(static_cast<int>(i));
  }
  if (folded.empty()) return Status::Ok();
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> hs_ids;
  for (unsigned k = 0; k < folded.size(); ++k) {
    exprs.push_back(folded[k].data());
    lens.push_back(folded[k].size());
    hs_ids.push_back(k);
  }
  std::vector<unsigned> flags(folded.size(), 0);
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), hs_ids.data(), lens.data(),
                           static_cast<unsigned>(folded.size()), HS_MODE_BLOCK, nullptr, &db_,
                           &error) != HS_SUCCESS) {
    std::string message = error && error->message ? error->message : "unknown Hyperscan error";
    hs_free_compile_error(error);
    return Status::Input("prefilter does not compile: " + message);
  }
  if (hs_alloc_scratch(db_, &prototype_) != HS_SUCCESS) {
    return Status::Input("cannot allocate Hyperscan scratch space");
  }
  return Status::Ok();
}

bool Prefilter::scan(const Text& text, std::vector<LiteralHit>& hits) const {
  hits.clear();
  if (db_ == nullptr || text.key_to_text.size() != text.key.size() + 1) return false;
  ThreadState& state = tls;
  if (state.serial != serial_) {
    hs_error_t rc = state.scratch == nullptr ? hs_clone_scratch(prototype_, &state.scratch)
                                             : hs_alloc_scratch(db_, &state.scratch);
    if (rc != HS_SUCCESS) return false;  // out of memory
    state.serial = serial_;
  }
  ScanContext context{&length_, &hits};
  if (hs_scan(db_, text.key.data(), static_cast<unsigned>(text.key.size()), 0, state.scratch,
              on_atom, &context) != HS_SUCCESS) {
    return false;
  }
  // Hyperscan reports in end order within its engines; make it an invariant.
  std::stable_sort(hits.begin(), hits.end(),
                   [](const LiteralHit& a, const LiteralHit& b) { return a.end < b.end; });
  return true;
}

void Prefilter::candidates(const Text& text, const std::vector<LiteralHit>& hits, Range range,
                           std::vector<uint8_t>& pass) const {
  // The key stretch of the range, widened by one byte on each side so that an atom
  // touching the range's edge (a space of a collapsed whitespace run) is not lost.
  const auto& k2t = text.key_to_text;
  auto kb = static_cast<uint32_t>(std::lower_bound(k2t.begin(), k2t.end() - 1, range.begin) -
                                  k2t.begin());
  auto ke =
      static_cast<uint32_t>(std::lower_bound(k2t.begin(), k2t.end() - 1, range.end) - k2t.begin());
  kb = kb > 0 ? kb - 1 : 0;
  ke = std::min<uint32_t>(ke + 1, static_cast<uint32_t>(text.key.size()));
  // The atoms that lie wholly inside the stretch: those a scan of it alone would find.
  ThreadState& state = tls;
  state.found.clear();
  auto it = std::upper_bound(hits.begin(), hits.end(), kb,
                             [](uint32_t v, const LiteralHit& h) { return v < h.end; });
  for (; it != hits.end() && it->end <= ke; ++it) {
    if (it->begin >= kb) state.found.push_back(it->id);
  }
  std::sort(state.found.begin(), state.found.end());
  state.found.erase(std::unique(state.found.begin(), state.found.end()), state.found.end());
  state.atoms.assign(always_.begin(), always_.end());
  for (uint32_t id : state.found) {
    state.atoms.insert(state.atoms.end(), atoms_of_[id].begin(), atoms_of_[id].end());
  }
  filter_.AllPotentials(state.atoms, &state.potential);
  pass.assign(rules_, 0);
  for (int id : state.potential) pass[static_cast<size_t>(id)] = 1;
}

}  // namespace kg::match_internal
