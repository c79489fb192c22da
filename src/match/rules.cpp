// RuleSet::load: walks the rules folder, feeds each line to the RuleParser, hashes the files.
#include "match/rules.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>

#include "match/rule_parse.h"

namespace kg {
namespace {

namespace fs = std::filesystem;
using match_internal::RuleKind;
using match_internal::RuleParser;

// The kind of a rule file from its top-level folder; nullopt for files that are not rules.
// A *.jsonl outside the known folders is an error: a misplaced rule would silently do nothing.
std::optional<RuleKind> kind_of(const fs::path& rel, bool* misplaced) {
  *misplaced = false;
  if (rel.extension() != ".jsonl") return std::nullopt;
  std::string top = rel.begin()->string();
  if (std::next(rel.begin()) != rel.end()) {
    if (top == "gazetteer") return RuleKind::kGazetteer;
    if (top == "patterns") return RuleKind::kPatterns;
    if (top == "register") return RuleKind::kRegister;
  }
  *misplaced = true;
  return std::nullopt;
}

bool read_file(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

void feed_lines(RuleParser& parser, RuleKind kind, const std::string& file, std::string_view data) {
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  int number = 0;
  while (!data.empty()) {
    size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line.substr(first, 2) == "//") continue;
    parser.add_line(kind, file, number, line);
  }
}

struct DigestDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

// sha256 over (relative path, NUL, size, bytes) of each file, so that moving bytes between
// files or renaming a file changes the hash.
class Hasher {
 public:
  Hasher() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr); }
  void add(const std::string& rel, std::string_view bytes) {
    uint64_t size = bytes.size();
    EVP_DigestUpdate(ctx_.get(), rel.data(), rel.size() + 1);  // includes the NUL
    EVP_DigestUpdate(ctx_.get(), &size, sizeof size);
    EVP_DigestUpdate(ctx_.get(), bytes.data(), bytes.size());
  }
  std::string hex() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    EVP_DigestFinal_ex(ctx_.get(), md, &len);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i) {
      out.push_back(kHex[md[i] >> 4]);
      out.push_back(kHex[md[i] & 15]);
    }
    return out;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, DigestDeleter> ctx_;
};

RuleError file_error(const fs::path& path, std::string message) {
  return RuleError{path.string(), 0, 0, std::move(message), ""};
}

}  // namespace

std::string RuleError::format() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": " + message;
  if (line <= 0) return out;
  out += "\n    " + source_line + "\n    ";
  // The caret sits under byte `column`: tabs stay tabs so that it lines up in a terminal,
  // and UTF-8 continuation bytes add no width.
  size_t upto = std::min<size_t>(column > 0 ? column - 1 : 0, source_line.size());
  for (size_t i = 0; i < upto; ++i) {
    unsigned char c = static_cast<unsigned char>(source_line[i]);
    if (c == '\t') {
      out.push_back('\t');
    } else if ((c & 0xC0) != 0x80) {
      out.push_back(' ');
    }
  }
  out.push_back('^');
  return out;
}

Result<RuleSet> RuleSet::load(const fs::path& dir, std::vector<RuleError>* errors) {
  std::vector<RuleError> local;
  std::vector<RuleError>& errs = errors ? *errors : local;
  size_t before = errs.size();
  auto fail = [&]() {
    size_t n = errs.size() - before;
    return Status::Input(std::to_string(n) + (n == 1 ? " rule error" : " rule errors"));
  };

  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    errs.push_back(file_error(dir, fs::exists(dir, ec) ? "rules folder is not a directory"
                                                       : "rules folder does not exist"));
    return fail();
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path().lexically_relative(dir));
  }
  if (ec) errs.push_back(file_error(dir, "cannot list the rules folder: " + ec.message()));
  std::sort(files.begin(), files.end());

  RuleParser parser;
  Hasher hasher;
  for (const fs::path& rel : files) {
    bool misplaced = false;
    std::optional<RuleKind> kind = kind_of(rel, &misplaced);
    if (misplaced) {
      errs.push_back(file_error(dir / rel,
                                "unknown rule file kind (rule files belong in gazetteer/, "
                                "patterns/ or register/)"));
    }
    if (!kind) continue;
    std::string data;
    if (!read_file(dir / rel, &data)) {
      errs.push_back(file_error(dir / rel, "cannot read the rule file"));
      continue;
    }
    hasher.add(rel.generic_string(), data);
    feed_lines(parser, *kind, (dir / rel).string(), data);
    // Drained per file so that errors come out in file order.
    errs.insert(errs.end(), parser.errors.begin(), parser.errors.end());
    parser.errors.clear();
  }
  parser.finish();
  if (errs.size() > before) return fail();

  // Rule ids in provenance name files relative to the rules folder, so that the same
  // rules give the same provenance wherever the folder is.
  const std::string prefix = (dir / "").string();
  auto relative = [&](std::string& where) {
    if (where.starts_with(prefix)) where.erase(0, prefix.size());
  };
  for (auto& e : parser.gazetteer) relative(e.where);
  for (auto& r : parser.patterns) relative(r.where);
  for (auto& r : parser.register_entries) relative(r.where);

  RuleSet rules;
  rules.gazetteer_ = std::move(parser.gazetteer);
  rules.patterns_ = std::move(parser.patterns);
  rules.register_ = std::move(parser.register_entries);
  rules.hash_ = hasher.hex();
  rules.dir_ = dir;
  return rules;
}

}  // namespace kg
