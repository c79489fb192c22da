// Store reads and the atomic put(). Key layout: store/keys.h and docs/storage.md.
#include "store/store.h"

#include <rocksdb/iterator.h>
#include <rocksdb/write_batch.h>

#include <exception>

#include "graph/serialize.h"
#include "store/keys.h"
#include "store/record.h"
#include "store/store_impl.h"

namespace kg {
namespace keys = store_keys;
namespace {

// Calls fn(rest_of_key, value) for every entry under `prefix`, in key order, until fn
// returns a non-ok Status. The iterator reads one consistent snapshot.
template <class Fn>
Status scan(const StoreDb& s, std::string_view prefix, Fn&& fn) {
  const std::string upper = keys::upper_bound(prefix);
  const rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions ro;
  ro.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(s.db->NewIterator(ro));
  for (it->Seek(rocksdb::Slice(prefix.data(), prefix.size())); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    Status st =
        fn(key.substr(prefix.size()), std::string_view(it->value().data(), it->value().size()));
    if (!st.ok()) return st;
  }
  return it->status().ok() ? Status::Ok() : s.error("cannot read", it->status());
}

// Deletes the index entry `key` if it still points at `doc_id`: another document may
// have taken over that source path or content since.
Status unindex(const StoreDb& s, rocksdb::WriteBatch& batch, const std::string& key,
               const std::string& doc_id) {
  auto have = s.get(key);
  if (!have.ok()) return have.status();
  if (*have && **have == doc_id) batch.Delete(key);
  return Status::Ok();
}

// Stages the deletion of the index entries of `old` that `next` (the same document
// stored again, if it is) does not reuse: a document re-put under another path or with
// other content must not stay findable under the old ones.
Status unindex_record(const StoreDb& s, rocksdb::WriteBatch& batch, const DocumentRecord& old,
                      const DocumentRecord* next) {
  if (!next || next->source != old.source) {
    if (Status st = unindex(s, batch, keys::key(keys::kSrcPrefix, old.source), old.doc_id);
        !st.ok())
      return st;
  }
  if (!next || next->sha256 != old.sha256) {
    return unindex(s, batch, keys::key(keys::kShaPrefix, old.sha256), old.doc_id);
  }
  return Status::Ok();
}

std::optional<DocumentRecord> find_via(const StoreDb& s, std::string_view prefix,
                                       const std::string& value) {
  auto doc = s.get(keys::key(prefix, value));
  if (!doc.ok() || !*doc) return std::nullopt;
  auto rec = s.record(**doc);
  return rec.ok() ? *rec : std::nullopt;
}

}  // namespace

Status StoreDb::error(std::string_view what, const rocksdb::Status& s) const {
  return Status::Storage(dir.string() + ": " + std::string(what) + ": " + s.ToString());
}

Result<std::optional<std::string>> StoreDb::get(const std::string& key) const {
  std::string value;
  rocksdb::Status st = db->Get(rocksdb::ReadOptions(), key, &value);
  if (st.IsNotFound()) return std::optional<std::string>();
  if (!st.ok()) return error("cannot read", st);
  return std::optional<std::string>(std::move(value));
}

Result<std::optional<DocumentRecord>> StoreDb::record(std::string_view doc_id) const {
  auto bytes = get(keys::key(keys::kDocPrefix, doc_id));
  if (!bytes.ok()) return bytes.status();
  if (!*bytes) return std::optional<DocumentRecord>();
  auto rec = decode_record(**bytes);
  if (!rec.ok()) {
    return Status::Storage(dir.string() + ": document " + std::string(doc_id) + ": " +
                           rec.status().message());
  }
  return std::optional<DocumentRecord>(std::move(*rec));
}

std::optional<DocumentRecord> Store::find_by_sha(const std::string& sha256) const {
  return find_via(*impl_, keys::kShaPrefix, sha256);
}

std::optional<DocumentRecord> Store::find_by_source(const std::string& source) const {
  return find_via(*impl_, keys::kSrcPrefix, source);
}

Status Store::put(const DocumentRecord& record, const Fragment& fragment,
                  const std::optional<std::string>& replaces) {
  StoreDb& s = *impl_;
  if (!s.lock) return Status::Storage(s.dir.string() + ": store is open read-only");
  if (fragment.doc != record.doc_id) {
    return Status::Storage(s.dir.string() + ": fragment of document " + fragment.doc +
                           " stored as document " + record.doc_id);
  }
  try {
    std::lock_guard<std::mutex> guard(s.put_mutex);
    rocksdb::WriteBatch batch;
    // Deletes come first: within a batch the later operation on a key wins, so the new
    // document's entries survive even where they share keys with what they replace.
    if (replaces && *replaces != record.doc_id) {
      auto old = s.record(*replaces);
      if (!old.ok()) return old.status();
      if (*old) {
        if (Status st = unindex_record(s, batch, **old, nullptr); !st.ok()) return st;
      }
      batch.Delete(keys::key(keys::kDocPrefix, *replaces));
      batch.Delete(keys::key(keys::kFragPrefix, *replaces));
    }
    auto self = s.record(record.doc_id);
    if (!self.ok()) return self.status();
    if (*self) {
      if (Status st = unindex_record(s, batch, **self, &record); !st.ok()) return st;
    }
    batch.Put(keys::key(keys::kDocPrefix, record.doc_id), encode_record(record));
    batch.Put(keys::key(keys::kFragPrefix, record.doc_id), encode_fragment(fragment));
    batch.Put(keys::key(keys::kSrcPrefix, record.source), record.doc_id);
    batch.Put(keys::key(keys::kShaPrefix, record.sha256), record.doc_id);
    // WAL on, no fsync: survives a killed process; see docs/storage.md for power loss.
    rocksdb::WriteOptions wo;
    wo.sync = false;
    rocksdb::Status st = s.db->Write(wo, &batch);
    return st.ok() ? Status::Ok() : s.error("cannot store document " + record.doc_id, st);
  } catch (const std::exception& e) {
    return Status::Storage(s.dir.string() + ": cannot store document " + record.doc_id + ": " +
                           e.what());
  }
}

std::vector<DocumentRecord> Store::documents() const {
  std::vector<DocumentRecord> out;
  (void)scan(*impl_, keys::kDocPrefix, [&](std::string_view, std::string_view value) {
    if (auto rec = decode_record(value); rec.ok()) out.push_back(std::move(*rec));
    return Status::Ok();
  });
  return out;
}

Status Store::for_each_fragment(const std::function<Status(const Fragment&)>& fn) const {
  const StoreDb& s = *impl_;
  return scan(s, keys::kFragPrefix, [&](std::string_view doc_id, std::string_view value) {
    auto fragment = decode_fragment(value);
    if (!fragment.ok()) {
      return Status::Storage(s.dir.string() + ": document " + std::string(doc_id) + ": " +
                             fragment.status().message());
    }
    return fn(*fragment);
  });
}

Result<Graph> Store::load_graph() const {
  Graph g;
  Status st = for_each_fragment([&](const Fragment& f) {
    g.merge(f);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return g;
}

}  // namespace kg
