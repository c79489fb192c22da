// The RocksDB store. Key layout and guarantees: docs/storage.md.
//
// A document's contribution (its Fragment) is written in one WriteBatch together with
// its document record and index entries, so a crash leaves the store as it was before
// that document. The merged graph is rebuilt from the fragments in document-id order.
// One writer at a time: a writer holds an exclusive lock (a pid file locked with flock)
// and a second writer fails with "store is in use by process N". Readers open RocksDB
// read-only and need no lock.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "graph/graph.h"
#include "graph/model.h"

namespace kg {

struct DocumentRecord {
  std::string doc_id;      // Document node id
  std::string sha256;      // of the raw file
  std::string source;      // path as given at ingest
  std::string rules_hash;  // RuleSet::hash() the fragment was extracted with
};

struct StoreStats {
  size_t documents = 0;
  size_t fragments = 0;
};

class Store {
 public:
  enum class Mode { kRead, kWrite };

  // kWrite creates the store if missing and takes the writer lock; kRead fails with
  // Code::kStorage if there is no store at `dir`. A store written with another schema
  // version fails with a message that names both versions.
  static Result<std::unique_ptr<Store>> open(const std::filesystem::path& dir, Mode mode);
  ~Store();

  // The record of the document with this content, if stored.
  std::optional<DocumentRecord> find_by_sha(const std::string& sha256) const;
  // The record of the document last ingested from this source path, if any.
  std::optional<DocumentRecord> find_by_source(const std::string& source) const;

  // Atomically stores the record and fragment and replaces `replaces` (a document id
  // previously ingested from the same source path with other content), if given.
  Status put(const DocumentRecord& record, const Fragment& fragment,
             const std::optional<std::string>& replaces = std::nullopt);

  // All document records, in document-id order.
  std::vector<DocumentRecord> documents() const;

  // Calls fn for every stored fragment in document-id order; stops at the first error.
  Status for_each_fragment(const std::function<Status(const Fragment&)>& fn) const;

  // The merged graph of all fragments.
  Result<Graph> load_graph() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
