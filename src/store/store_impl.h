// The state behind a Store, shared by the files of the store module (not part of its
// interface). Store::Impl is a StoreDb; helpers take StoreDb because Impl is private.
#pragma once

#include <rocksdb/db.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.h"
#include "store/writer_lock.h"

namespace kg {

struct StoreDb {
  std::filesystem::path dir;
  // Declared before db so that it is released after the database is closed.
  std::unique_ptr<WriterLock> lock;
  std::unique_ptr<rocksdb::DB> db;
  // put() reads the records it replaces before writing; one put at a time keeps that
  // read and the batch consistent when several ingest threads share the Store.
  std::mutex put_mutex;

  // "<dir>: <what>: <RocksDB's message>".
  Status error(std::string_view what, const rocksdb::Status& s) const;
  // The value under `key`; nullopt if absent; Code::kStorage on any other failure.
  Result<std::optional<std::string>> get(const std::string& key) const;
  Result<std::optional<DocumentRecord>> record(std::string_view doc_id) const;
};

struct Store::Impl : StoreDb {};

}  // namespace kg
