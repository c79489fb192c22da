#include <rocksdb/db.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "graph/serialize.h"
#include "store/store.h"

namespace fs = std::filesystem;
using kg::Code;
using kg::DocumentRecord;
using kg::Fragment;
using kg::Store;

namespace {

// A fresh, uniquely named directory path under the system temp dir, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("kg-test-store-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(counter++) + "-" + std::to_string(rd()));
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

kg::Provenance prov(const std::string& doc, uint32_t start, const std::string& rule) {
  return {doc, start, start + 10, rule};
}

// A written-questions document by member Rajkowski: the Person node is shared by every
// document that mentions her.
Fragment question_doc(const std::string& doc, const std::string& title, bool mentions_person) {
  Fragment f;
  f.doc = doc;
  f.nodes.push_back({doc,
                     "Document",
                     title,
                     {{"kind", std::string("written_questions")}},
                     {prov(doc, 0, "doc.header")}});
  f.nodes.push_back({doc + "/q1",
                     "Question",
                     "Vraag 1",
                     {{"number", int64_t{1}}},
                     {prov(doc, 40, "segment.question")}});
  f.edges.push_back({doc, doc + "/q1", "CONTAINS", {}, {prov(doc, 40, "segment.question")}});
  if (mentions_person) {
    f.nodes.push_back({"person:rajkowski",
                       "Person",
                       "Queeny Rajkowski",
                       {{"party", std::string("VVD")}},
                       {prov(doc, 12, "person.member")}});
    f.edges.push_back(
        {"person:rajkowski", doc + "/q1", "ASKED", {}, {prov(doc, 12, "person.member")}});
  }
  return f;
}

DocumentRecord record_for(const std::string& doc, const std::string& source) {
  return {doc, "sha-" + doc, source, "rules-1"};
}

std::unique_ptr<Store> open_or_fail(const fs::path& dir, Store::Mode mode) {
  auto s = Store::open(dir, mode);
  INFO(s.status().message());
  REQUIRE(s.ok());
  return std::move(*s);
}

void put_or_fail(Store& s, const DocumentRecord& r, const Fragment& f,
                 const std::optional<std::string>& replaces = std::nullopt) {
  kg::Status st = s.put(r, f, replaces);
  INFO(st.message());
  REQUIRE(st.ok());
}

std::set<std::string> provenance_docs(const kg::Node& n) {
  std::set<std::string> docs;
  for (const auto& p : n.provenance) docs.insert(p.doc);
  return docs;
}

}  // namespace

TEST_CASE("put stores record and fragment, readable after reopening read-only") {
  TempDir dir;
  const Fragment f = question_doc("2021Z16201", "Vragen over Hikvision", true);
  const DocumentRecord rec = record_for("2021Z16201", "in/vragen.txt");
  {
    auto s = open_or_fail(dir.path(), Store::Mode::kWrite);
    put_or_fail(*s, rec, f);
  }
  auto s = open_or_fail(dir.path(), Store::Mode::kRead);
  auto docs = s->documents();
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].doc_id == rec.doc_id);
  CHECK(docs[0].sha256 == rec.sha256);
  CHECK(docs[0].source == rec.source);
  CHECK(docs[0].rules_hash == rec.rules_hash);
  REQUIRE(s->find_by_sha(rec.sha256));
  CHECK(s->find_by_sha(rec.sha256)->doc_id == rec.doc_id);
  REQUIRE(s->find_by_source("in/vragen.txt"));
  CHECK(s->find_by_source("in/vragen.txt")->sha256 == rec.sha256);
  CHECK_FALSE(s->find_by_sha("sha-other"));
  CHECK_FALSE(s->find_by_source("in/other.txt"));

  std::vector<Fragment> seen;
  REQUIRE(s->for_each_fragment([&](const Fragment& g) {
             seen.push_back(g);
             return kg::Status::Ok();
           }).ok());
  REQUIRE(seen.size() == 1);
  CHECK(kg::to_json(seen[0]) == kg::to_json(f));
  CHECK(s->put(rec, f).code() == Code::kStorage);  // read-only
}

TEST_CASE("source paths that are not UTF-8 round-trip byte for byte") {
  TempDir dir;
  auto s = open_or_fail(dir.path(), Store::Mode::kWrite);
  const std::string source = std::string("in/caf\xe9\0x.txt", 13);
  put_or_fail(*s, record_for("d1", source), question_doc("d1", "t", false));
  REQUIRE(s->find_by_source(source));
  CHECK(s->find_by_source(source)->source == source);
}

TEST_CASE("re-putting the same document is idempotent") {
  TempDir dir;
  auto s = open_or_fail(dir.path(), Store::Mode::kWrite);
  const Fragment f = question_doc("d1", "Vragen", true);
  put_or_fail(*s, record_for("d1", "a.txt"), f);
  put_or_fail(*s, record_for("d1", "a.txt"), f);
  CHECK(s->documents().size() == 1);
  auto g = s->load_graph();
  REQUIRE(g.ok());
  CHECK(g->num_nodes() == 3);
  CHECK(g->num_edges() == 2);
  CHECK(g->node(*g->find("person:rajkowski")).provenance.size() == 1);
}

TEST_CASE("re-putting a document from another path drops the old path's index entry") {
  TempDir dir;
  auto s = open_or_fail(dir.path(), Store::Mode::kWrite);
  put_or_fail(*s, record_for("d1", "old/a.txt"), question_doc("d1", "t", false));
  put_or_fail(*s, record_for("d1", "new/a.txt"), question_doc("d1", "t", false));
  CHECK_FALSE(s->find_by_source("old/a.txt"));
  REQUIRE(s->find_by_source("new/a.txt"));
  CHECK(s->documents().size() == 1);
}

TEST_CASE("replacing a document removes exactly its contribution") {
  TempDir dir;
  auto s = open_or_fail(dir.path(), Store::Mode::kWrite);
  put_or_fail(*s, record_for("docA", "a.txt"), question_doc("docA", "Eerste versie", true));
  put_or_fail(*s, record_for("docB", "b.txt"), question_doc("docB", "Ander document", true));
  {
    auto g = s->load_graph();
    REQUIRE(g.ok());
    CHECK(provenance_docs(g->node(*g->find("person:rajkowski"))) ==
          std::set<std::string>{"docA", "docB"});
  }
  // a.txt changed: its new version no longer mentions the member.
  auto old = s->find_by_source("a.txt");
  REQUIRE(old);
  DocumentRecord rec{"docA2", "sha-changed", "a.txt", "rules-1"};
  put_or_fail(*s, rec, question_doc("docA2", "Tweede versie", false), old->doc_id);

  auto g = s->load_graph();
  REQUIRE(g.ok());
  CHECK_FALSE(g->find("docA"));
  CHECK_FALSE(g->find("docA/q1"));
  REQUIRE(g->find("docA2"));
  REQUIRE(g->find("docB/q1"));
  auto person = g->find("person:rajkowski");
  REQUIRE(person);
  CHECK(provenance_docs(g->node(*person)) == std::set<std::string>{"docB"});
  CHECK(g->num_nodes() == 5);  // docA2 + q1, docB + q1, the person
  CHECK(g->num_edges() == 3);  // two CONTAINS, docB's ASKED

  CHECK_FALSE(s->find_by_sha("sha-docA"));
  REQUIRE(s->find_by_source("a.txt"));
  CHECK(s->find_by_source("a.txt")->doc_id == "docA2");
  REQUIRE(s->find_by_source("b.txt"));
  CHECK(s->find_by_source("b.txt")->doc_id == "docB");
  auto docs = s->documents();
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].doc_id == "docA2");
  CHECK(docs[1].doc_id == "docB");
}

TEST_CASE("a fragment must belong to the record it is stored with") {
  TempDir dir;
  auto s = open_or_fail(dir.path(), Store::Mode::kWrite);
  CHECK(s->put(record_for("d1", "a.txt"), question_doc("d2", "t", false)).code() == Code::kStorage);
  CHECK(s->documents().empty());
}

TEST_CASE("a second writer is refused with the holder's pid") {
  TempDir dir;
  {
    auto first = open_or_fail(dir.path(), Store::Mode::kWrite);
    auto second = Store::open(dir.path(), Store::Mode::kWrite);
    REQUIRE_FALSE(second.ok());
    CHECK(second.status().code() == Code::kStorage);
    CHECK_THAT(second.status().message(),
               Catch::Contains("store is in use by process " + std::to_string(::getpid())));
    CHECK_THAT(second.status().message(), Catch::Contains(dir.path().string()));
    // A reader needs no lock and sees what the writer has written.
    put_or_fail(*first, record_for("d1", "a.txt"), question_doc("d1", "t", false));
    auto reader = open_or_fail(dir.path(), Store::Mode::kRead);
    CHECK(reader->documents().size() == 1);
  }
  // Closing the writer releases the lock.
  auto again = open_or_fail(dir.path(), Store::Mode::kWrite);
  CHECK(again->documents().size() == 1);
}

TEST_CASE("readers open without a writer and fail clearly where there is no store") {
  TempDir dir;
  SECTION("missing directory") {
    auto r = Store::open(dir.path() / "nope", Store::Mode::kRead);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Code::kStorage);
    CHECK_THAT(r.status().message(), Catch::Contains("no kamergraph store here"));
    CHECK_FALSE(fs::exists(dir.path() / "nope"));
  }
  SECTION("empty store") {
    { open_or_fail(dir.path(), Store::Mode::kWrite); }
    auto a = open_or_fail(dir.path(), Store::Mode::kRead);
    auto b = open_or_fail(dir.path(), Store::Mode::kRead);
    CHECK(a->documents().empty());
    auto g = b->load_graph();
    REQUIRE(g.ok());
    CHECK(g->num_nodes() == 0);
  }
}

TEST_CASE("a non-empty directory that is not a store is left alone") {
  TempDir dir;
  fs::create_directories(dir.path());
  std::ofstream(dir.path() / "notes.txt") << "mijn aantekeningen\n";
  auto s = Store::open(dir.path(), Store::Mode::kWrite);
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().code() == Code::kStorage);
  CHECK_THAT(s.status().message(), Catch::Contains("refusing to write"));
  CHECK_FALSE(fs::exists(dir.path() / "CURRENT"));
  CHECK(fs::exists(dir.path() / "notes.txt"));
}

namespace {

// Writes straight to the RocksDB database under `dir`, bypassing the Store.
void raw_put(const fs::path& dir, const std::string& key, const std::string& value) {
  rocksdb::Options o;
  o.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::Open(o, dir.string(), &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  REQUIRE(db->Put(rocksdb::WriteOptions(), key, value).ok());
}

}  // namespace

TEST_CASE("a store with another schema version is refused, naming both versions") {
  TempDir dir;
  { open_or_fail(dir.path(), Store::Mode::kWrite); }
  raw_put(dir.path(), "meta/schema", "kamergraph-store/0");
  for (auto mode : {Store::Mode::kRead, Store::Mode::kWrite}) {
    auto s = Store::open(dir.path(), mode);
    REQUIRE_FALSE(s.ok());
    CHECK(s.status().code() == Code::kStorage);
    CHECK_THAT(s.status().message(), Catch::Contains("kamergraph-store/0"));
    CHECK_THAT(s.status().message(), Catch::Contains("kamergraph-store/1"));
  }
}

TEST_CASE("a RocksDB database of someone else is not taken over") {
  TempDir dir;
  raw_put(dir.path(), "user/key", "value");
  auto s = Store::open(dir.path(), Store::Mode::kWrite);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.status().message(), Catch::Contains("not a kamergraph store"));
}

TEST_CASE("a store created by a writer killed before stamping it reads as empty") {
  TempDir dir;
  raw_put(dir.path(), "k", "v");
  {  // the same database without any key: what a kill right after creation leaves
    rocksdb::Options o;
    rocksdb::DB* raw = nullptr;
    REQUIRE(rocksdb::DB::Open(o, dir.path().string(), &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    REQUIRE(db->Delete(rocksdb::WriteOptions(), "k").ok());
  }
  {
    auto reader = Store::open(dir.path(), Store::Mode::kRead);
    REQUIRE(reader.ok());
    CHECK((*reader)->documents().empty());
  }
  auto writer = Store::open(dir.path(), Store::Mode::kWrite);
  CHECK(writer.ok());
}

TEST_CASE("load_graph merges in document-id order whatever the insertion order") {
  // Both documents name the same organisation with different labels and attributes;
  // the first document in id order wins the scalars, list attributes are unioned.
  auto doc = [](const std::string& id, const std::string& label, const std::string& city) {
    Fragment f = question_doc(id, "Document " + id, true);
    f.nodes.push_back({"org:hikvision",
                       "Organization",
                       label,
                       {{"city", city}, {"aliases", std::vector<std::string>{label}}},
                       {prov(id, 5, "org.gazetteer")}});
    return f;
  };
  const Fragment a = doc("2021Z00001", "Hikvision", "Hangzhou");
  const Fragment b = doc("2021Z00002", "Hangzhou Hikvision Digital Technology", "Peking");

  auto build = [&](const std::vector<const Fragment*>& order) {
    TempDir dir;
    auto s = open_or_fail(dir.path(), Store::Mode::kWrite);
    for (const Fragment* f : order) put_or_fail(*s, record_for(f->doc, f->doc + ".txt"), *f);
    auto g = s->load_graph();
    REQUIRE(g.ok());
    std::vector<nlohmann::json> nodes;
    for (auto v : g->vertices()) nodes.push_back(kg::to_json(g->node(v)));
    return nodes;
  };
  const auto forward = build({&a, &b});
  const auto backward = build({&b, &a});
  CHECK(forward == backward);
  auto org = std::find_if(forward.begin(), forward.end(),
                          [](const nlohmann::json& n) { return n["id"] == "org:hikvision"; });
  REQUIRE(org != forward.end());
  CHECK((*org)["label"] == "Hikvision");
  CHECK((*org)["city"] == "Hangzhou");
}

namespace {

// The crash-test child's document i: a fixed function of i, so the parent can check
// every stored fragment byte for byte. Sources cycle, so most puts replace a document.
constexpr int kCrashSources = 5;

std::string crash_doc_id(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "doc%08d", i);
  return buf;
}

Fragment crash_fragment(int i) {
  Fragment f = question_doc(crash_doc_id(i), "Document " + std::to_string(i), i % 2 == 0);
  f.nodes[1].attrs["text"] = std::string(4000 + i % 97, static_cast<char>('a' + i % 26));
  return f;
}

DocumentRecord crash_record(int i) {
  return {crash_doc_id(i), "sha-" + std::to_string(i), "src" + std::to_string(i % kCrashSources),
          "rules-1"};
}

// Runs in the forked child: stores documents until killed. Never returns.
[[noreturn]] void crash_child(const fs::path& dir, int ready_fd) {
  auto s = Store::open(dir, Store::Mode::kWrite);
  if (!s.ok()) ::_exit(2);
  for (int i = 0;; ++i) {
    const DocumentRecord rec = crash_record(i);
    auto prev = (*s)->find_by_source(rec.source);
    std::optional<std::string> replaces;
    if (prev) replaces = prev->doc_id;
    if (!(*s)->put(rec, crash_fragment(i), replaces).ok()) ::_exit(3);
    if (i == 0 && ::write(ready_fd, "x", 1) != 1) ::_exit(4);
  }
}

}  // namespace

TEST_CASE("a writer killed mid-ingest leaves only whole documents") {
  std::mt19937 rng(std::random_device{}());
  for (int round = 0; round < 5; ++round) {
    TempDir dir;
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(ready[0]);
      crash_child(dir.path(), ready[1]);
    }
    ::close(ready[1]);
    char c = 0;
    const bool started = ::read(ready[0], &c, 1) == 1;
    ::close(ready[0]);
    if (started) {
      std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 50));
    }
    ::kill(child, SIGKILL);
    int wstatus = 0;
    REQUIRE(::waitpid(child, &wstatus, 0) == child);
    INFO("child exit status " << wstatus);
    REQUIRE(started);
    REQUIRE(WIFSIGNALED(wstatus));

    auto s = open_or_fail(dir.path(), Store::Mode::kWrite);
    const auto docs = s->documents();
    REQUIRE(!docs.empty());
    std::map<std::string, Fragment> fragments;
    REQUIRE(s->for_each_fragment([&](const Fragment& f) {
               fragments.emplace(f.doc, f);
               return kg::Status::Ok();
             }).ok());
    REQUIRE(fragments.size() == docs.size());
    std::vector<int> ids;
    for (const DocumentRecord& rec : docs) {
      const int i = std::stoi(rec.doc_id.substr(3));
      ids.push_back(i);
      const DocumentRecord want = crash_record(i);
      CHECK(rec.sha256 == want.sha256);
      CHECK(rec.source == want.source);
      REQUIRE(fragments.count(rec.doc_id) == 1);
      CHECK(kg::to_json(fragments.at(rec.doc_id)) == kg::to_json(crash_fragment(i)));
      REQUIRE(s->find_by_source(rec.source));
      CHECK(s->find_by_source(rec.source)->doc_id == rec.doc_id);
      REQUIRE(s->find_by_sha(rec.sha256));
    }
    // Batches are applied in order: what survives is the newest document of each
    // source, i.e. the last min(n, 5) documents written, with no gaps.
    const int newest = ids.back();
    CHECK(ids.size() == static_cast<size_t>(std::min(newest + 1, kCrashSources)));
    for (size_t k = 0; k < ids.size(); ++k) CHECK(ids[k] == newest - int(ids.size() - 1 - k));
    if (newest >= kCrashSources) CHECK_FALSE(s->find_by_sha(crash_record(newest - 5).sha256));
    CHECK(s->load_graph().ok());
  }
}
