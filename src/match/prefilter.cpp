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
  std::vector<int> atoms;
  std::vector<int> potential;
  ~ThreadState() { hs_free_scratch(scratch); }
};

thread_local ThreadState tls;

struct ScanContext {
  const std::vector<std::vector<int>>* atoms_of;  // Hyperscan id -> atom ids
  std::vector<int>* found;
};

int on_atom(unsigned id, unsigned long long, unsigned long long, unsigned, void* context) {
  auto* c = static_cast<ScanContext*>(context);
  const std::vector<int>& atoms = (*c->atoms_of)[id];
  c->found->insert(c->found->end(), atoms.begin(), atoms.end());
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
  std::vector<unsigned> flags(folded.size(), HS_FLAG_SINGLEMATCH);
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

void Prefilter::candidates(const Text& text, Range range, std::vector<uint8_t>& pass) const {
  pass.assign(rules_, 1);
  if (rules_ == 0 || db_ == nullptr || text.key_to_text.size() != text.key.size() + 1) return;
  ThreadState& state = tls;
  if (state.serial != serial_) {
    hs_error_t rc = state.scratch == nullptr ? hs_clone_scratch(prototype_, &state.scratch)
                                             : hs_alloc_scratch(db_, &state.scratch);
    if (rc != HS_SUCCESS) return;  // out of memory: every rule runs
    state.serial = serial_;
  }
  // The key stretch of the range, widened by one byte on each side so that an atom
  // touching the range's edge (a space of a collapsed whitespace run) is not lost.
  const auto& k2t = text.key_to_text;
  size_t kb = std::lower_bound(k2t.begin(), k2t.end() - 1, range.begin) - k2t.begin();
  size_t ke = std::lower_bound(k2t.begin(), k2t.end() - 1, range.end) - k2t.begin();
  kb = kb > 0 ? kb - 1 : 0;
  ke = std::min(ke + 1, text.key.size());
  state.atoms.assign(always_.begin(), always_.end());
  if (ke > kb) {
    ScanContext context{&atoms_of_, &state.atoms};
    if (hs_scan(db_, text.key.data() + kb, static_cast<unsigned>(ke - kb), 0, state.scratch,
                on_atom, &context) != HS_SUCCESS) {
      return;  // every rule runs
    }
  }
  filter_.AllPotentials(state.atoms, &state.potential);
  pass.assign(rules_, 0);
  for (int id : state.potential) pass[static_cast<size_t>(id)] = 1;
}

}  // namespace kg::match_internal
