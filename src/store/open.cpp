// Store::open: directory checks, the writer lock, RocksDB options and the schema check.
#include <rocksdb/cache.h>
#include <rocksdb/convenience.h>
#include <rocksdb/env.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <exception>
#include <mutex>
#include <system_error>

#include "store/keys.h"
#include "store/store_impl.h"

namespace kg {
namespace fs = std::filesystem;
namespace {

// Read-only opens must not write RocksDB's LOG: that would rotate the writer's LOG and
// fail on read-only media.
class SilentLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char* /*format*/, va_list /*ap*/) override {}
};

// The writer's LOG. RocksDB's own file logger asserts (and so aborts the process) when it
// writes after a failed write, which a full disk causes; this one gives up silently
// instead, so that the write error reaches the user. The previous run's LOG is kept as
// LOG.old.
class FileLogger : public rocksdb::Logger {
 public:
  explicit FileLogger(const fs::path& dir) {
    std::error_code ec;
    fs::rename(dir / "LOG", dir / "LOG.old", ec);
    file_ = std::fopen((dir / "LOG").c_str(), "we");
  }
  ~FileLogger() override {
    if (file_) std::fclose(file_);
  }
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    std::lock_guard<std::mutex> guard(mutex_);
    if (!file_) return;
    if (std::vfprintf(file_, format, ap) < 0 || std::fputc('\n', file_) == EOF) {
      std::fclose(file_);  // no more attempts once the disk refuses
      file_ = nullptr;
    }
  }
  void Flush() override {
    std::lock_guard<std::mutex> guard(mutex_);
    if (file_) std::fflush(file_);
  }

 private:
  std::mutex mutex_;
  std::FILE* file_ = nullptr;
};

bool has_rocksdb(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "CURRENT", ec);
}

// What a writer leaves in a new store's directory before RocksDB's CURRENT exists: our
// lock file, then RocksDB's LOG, LOCK, IDENTITY (written through 000000.dbtmp) and
// MANIFEST-000001 (followed by 000001.dbtmp, renamed to CURRENT). A writer killed during
// creation leaves some of these; none holds data, and creating the store again overwrites
// them.
bool creation_leftover(const std::string& name) {
  if (name == WriterLock::kFileName || name == "LOG" || name == "LOG.old" || name == "LOCK" ||
      name == "IDENTITY" || name == "MANIFEST-000001") {
    return true;
  }
  return name.size() == 12 && name.ends_with(".dbtmp") &&
         std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= '0' && c <= '9'; });
}

// True if `dir` holds nothing but creation leftovers: safe to create a store in.
Result<bool> is_empty_dir(const fs::path& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!creation_leftover(it->path().filename().string())) return false;
  }
  if (ec) return Status::Storage(dir.string() + ": cannot list directory: " + ec.message());
  return true;
}

rocksdb::Options write_options(const fs::path& dir) {
  rocksdb::Options o;
  o.info_log = std::make_shared<FileLogger>(dir);
  o.create_if_missing = true;
  o.write_buffer_size = 64 << 20;
  // Ingest looks every document up by hash and by path before it writes, and most
  // look-ups miss: bloom filters answer those without reading data blocks, which
  // otherwise made RocksDB's share of ingest grow with the store (18 % of the time at
  // 100 MB of text, 32 % at 1 GB; docs/performance.md). Files written before keep
  // working without filters.
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.block_cache = rocksdb::NewLRUCache(64 << 20);
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  o.keep_log_file_num = 4;
  // LZ4 where the RocksDB build has it (Debian's has): fragments are repetitive
  // MessagePack and compress well at almost no CPU cost. Otherwise no compression.
  const auto supported = rocksdb::GetSupportedCompressions();
  const bool lz4 =
      std::find(supported.begin(), supported.end(), rocksdb::kLZ4Compression) != supported.end();
  o.compression = lz4 ? rocksdb::kLZ4Compression : rocksdb::kNoCompression;
  return o;
}

Status schema_mismatch(const fs::path& dir, const std::string& found) {
  return Status::Storage(dir.string() + ": store has schema version \"" + found +
                         "\" but this kamergraph reads \"" + std::string(store_keys::kSchema) +
                         "\"; ingest into a new --db directory");
}

// Checks the schema entry; a writer stamps it into a store that is still empty.
Status check_schema(StoreDb& s, bool writable) {
  auto meta = s.get(std::string(store_keys::kMeta));
  if (!meta.ok()) return meta.status();
  if (*meta) return **meta == store_keys::kSchema ? Status::Ok() : schema_mismatch(s.dir, **meta);
  std::unique_ptr<rocksdb::Iterator> it(s.db->NewIterator(rocksdb::ReadOptions()));
  it->SeekToFirst();
  if (!it->status().ok()) return s.error("cannot read", it->status());
  if (it->Valid()) {
    return Status::Storage(s.dir.string() +
                           ": a RocksDB database but not a kamergraph store (no schema entry)");
  }
  // Empty: a writer was stopped between creating the database and stamping it. A reader
  // sees an empty store; the next writer stamps it.
  if (!writable) return Status::Ok();
  rocksdb::WriteOptions wo;
  wo.sync = true;
  rocksdb::Status st = s.db->Put(wo, std::string(store_keys::kMeta), store_keys::kSchema);
  return st.ok() ? Status::Ok() : s.error("cannot initialise store", st);
}

// Fills `impl` with the open database (and the lock when writing).
Status open_into(StoreDb& impl, const fs::path& dir, Store::Mode mode) {
  impl.dir = dir;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status st;
  if (mode == Store::Mode::kRead) {
    if (!has_rocksdb(dir)) {
      return Status::Storage(dir.string() +
                             ": no kamergraph store here (run `kamergraph ingest` first)");
    }
    rocksdb::Options o;
    o.info_log = std::make_shared<SilentLogger>();
    st = rocksdb::DB::OpenForReadOnly(o, dir.string(), &raw);
  } else {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
      return Status::Storage(dir.string() + ": exists and is not a directory");
    }
    fs::create_directories(dir, ec);
    if (ec) return Status::Storage(dir.string() + ": cannot create directory: " + ec.message());
    if (!has_rocksdb(dir)) {
      auto empty = is_empty_dir(dir);
      if (!empty.ok()) return empty.status();
      if (!*empty) {
        return Status::Storage(dir.string() +
                               ": not a kamergraph store and not empty; refusing to write into "
                               "it (choose another --db directory)");
      }
    }
    auto lock = WriterLock::acquire(dir);
    if (!lock.ok()) return lock.status();
    impl.lock = std::move(*lock);
    st = rocksdb::DB::Open(write_options(dir), dir.string(), &raw);
  }
  if (!st.ok()) return impl.error("cannot open store", st);
  impl.db.reset(raw);
  return check_schema(impl, mode == Store::Mode::kWrite);
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const fs::path& dir, Mode mode) {
  try {
    auto impl = std::make_unique<Impl>();
    if (Status st = open_into(*impl, dir, mode); !st.ok()) return st;
    return std::unique_ptr<Store>(new Store(std::move(impl)));
  } catch (const std::exception& e) {
    return Status::Storage(dir.string() + ": cannot open store: " + e.what());
  }
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::~Store() = default;

}  // namespace kg
