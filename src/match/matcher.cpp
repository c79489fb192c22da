// Matcher::compile and the regex rules; the gazetteer scan is in entities.cpp.
#include "match/matcher.h"

#include <utf8proc.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "match/matcher_impl.h"
#include "match/regex_options.h"
#include "match/relax.h"

namespace kg {
namespace {

std::string nfc(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::string result = n < 0 ? s : std::string(reinterpret_cast<char*>(out), n);
  std::free(out);
  return result;
}

// Builds the key tables and per-entry filters; returns the distinct keys in id order.
std::vector<std::string_view> index_gazetteer(const std::vector<GazetteerEntry>& entries,
                                              match_internal::MatcherState& impl) {
  std::unordered_map<std::string_view, uint32_t> key_ids;
  std::unordered_map<std::string_view, uint32_t> context_ids;
  std::vector<std::string_view> keys;
  std::vector<std::vector<uint32_t>> by_key;
  impl.exact_form.resize(entries.size());
  impl.entry_contexts.resize(entries.size());
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const GazetteerEntry& e = entries[i];
    auto [it, fresh] = key_ids.emplace(e.key, static_cast<uint32_t>(keys.size()));
    if (fresh) {
      keys.push_back(e.key);
      by_key.emplace_back();
    }
    by_key[it->second].push_back(i);
    if (e.exact_case) impl.exact_form[i] = nfc(e.pattern);
    for (const std::string& c : e.context) {
      auto [ctx, added] = context_ids.emplace(c, static_cast<uint32_t>(impl.contexts.size()));
      if (added) impl.contexts.push_back(c);
      impl.entry_contexts[i].push_back(ctx->second);
    }
  }
  for (const auto& list : by_key) {
    impl.key_first.push_back(static_cast<uint32_t>(impl.key_entries.size()));
    impl.key_entries.insert(impl.key_entries.end(), list.begin(), list.end());
  }
  impl.key_first.push_back(static_cast<uint32_t>(impl.key_entries.size()));
  for (std::string_view k : keys) {
    impl.key_word_begin.push_back(match_internal::word_byte(static_cast<unsigned char>(k.front())));
    impl.key_word_end.push_back(match_internal::word_byte(static_cast<unsigned char>(k.back())));
  }
  return keys;
}

Status compile_gazetteer(const std::vector<GazetteerEntry>& entries,
                         match_internal::MatcherState& impl) {
  std::vector<std::string_view> keys = index_gazetteer(entries, impl);
  if (keys.empty()) return Status::Ok();
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> ids;
  for (unsigned k = 0; k < keys.size(); ++k) {
    exprs.push_back(keys[k].data());
    lens.push_back(keys[k].size());
    ids.push_back(k);
  }
  std::vector<unsigned> flags(keys.size(), HS_FLAG_SOM_LEFTMOST);
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(keys.size()), HS_MODE_BLOCK, nullptr, &impl.db,
                           &error) != HS_SUCCESS) {
    std::string message = "gazetteer does not compile: ";
    message += error && error->message ? error->message : "unknown Hyperscan error";
    if (error && error->expression >= 0) {
      message += " (at " + entries[impl.key_entries[impl.key_first[error->expression]]].where + ")";
    }
    hs_free_compile_error(error);
    return Status::Input(message);
  }
  if (hs_alloc_scratch(impl.db, &impl.prototype) != HS_SUCCESS) {
    return Status::Input("cannot allocate Hyperscan scratch space");
  }
  return Status::Ok();
}

Status compile_regexes(const std::vector<PatternRule>& rules, match_internal::MatcherState& impl) {
  std::string errors;
  for (const PatternRule& rule : rules) {
    match_internal::MatcherState::Regex rx;
    rx.rule = &rule;
    rx.re = std::make_unique<RE2>(rule.regex, match_internal::regex_options());
    if (!rx.re->ok()) {
      errors += (errors.empty() ? "" : "\n") + rule.where + ": rule \"" + rule.id +
                "\": invalid regex: " + rx.re->error();
      continue;
    }
    if (std::string relaxed = match_internal::relax(rule.regex); relaxed != rule.regex) {
      rx.relaxed = std::make_unique<RE2>(relaxed, match_internal::regex_options());
      if (!rx.relaxed->ok()) rx.relaxed.reset();  // then the original searches alone
    }
    for (const auto& [name, index] : rx.re->NamedCapturingGroups()) {
      rx.names.emplace_back(index, name);
    }
    std::sort(rx.names.begin(), rx.names.end());
    impl.regexes.push_back(std::move(rx));
  }
  if (!errors.empty()) return Status::Input(errors);
  std::vector<const std::string*> sources;
  for (const auto& rx : impl.regexes) sources.push_back(&rx.rule->regex);
  return impl.prefilter.build(sources, match_internal::regex_options());
}

Range to_range(re2::StringPiece piece, const char* base) {
  if (piece.data() == nullptr) return Range{};
  auto begin = static_cast<uint32_t>(piece.data() - base);
  return Range{begin, begin + static_cast<uint32_t>(piece.size())};
}

}  // namespace

const Capture* PatternMatch::get(std::string_view name) const {
  for (const Capture& c : captures) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

Matcher::Matcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Matcher::~Matcher() = default;

Result<std::unique_ptr<Matcher>> Matcher::compile(const RuleSet& rules) {
  static std::atomic<uint64_t> next_serial{1};
  auto impl = std::make_unique<Impl>();
  impl->rules = &rules;
  impl->serial = next_serial.fetch_add(1);
  Status regex = compile_regexes(rules.patterns(), *impl);
  if (!regex.ok()) return regex;
  Status gazetteer = compile_gazetteer(rules.gazetteer(), *impl);
  if (!gazetteer.ok()) return gazetteer;
  return std::unique_ptr<Matcher>(new Matcher(std::move(impl)));
}

PreparedText Matcher::prepare(const Text& text) const {
  PreparedText prepared(text);
  prepared.scanned_ = impl_->prefilter.scan(text, prepared.hits_);
  return prepared;
}

std::vector<PatternMatch> Matcher::patterns(const Text& text, Range range, Scope scope,
                                            std::string_view fact_prefix) const {
  return patterns(prepare(text), range, scope, fact_prefix);
}

std::vector<PatternMatch> Matcher::patterns(const PreparedText& prepared, Range range, Scope scope,
                                            std::string_view fact_prefix) const {
  return patterns(prepared, range, scope, [fact_prefix](const PatternRule& rule) {
    return std::string_view(rule.fact).starts_with(fact_prefix);
  });
}

std::vector<PatternMatch> Matcher::patterns(
    const PreparedText& prepared, Range range, Scope scope,
    const std::function<bool(const PatternRule&)>& keep) const {
  const Text& text = prepared.text();
  std::vector<PatternMatch> out;
  const auto size = static_cast<uint32_t>(text.text.size());
  const uint32_t end = std::min(range.end, size);
  const uint32_t begin = std::min(range.begin, end);
  // The range is the subject: ^ and $ (without (?m)) match at its ends, \b sees nothing
  // outside it.
  const re2::StringPiece subject(text.text.data() + begin, end - begin);
  // Reused across calls: no allocation per match beyond the output.
  thread_local std::vector<re2::StringPiece> groups;
  thread_local std::vector<uint8_t> may_match;  // per rule: the prefilter lets it run
  bool filtered = false;
  for (size_t i = 0; i < impl_->regexes.size(); ++i) {
    const Impl::Regex& rx = impl_->regexes[i];
    if (rx.rule->scope != scope && rx.rule->scope != Scope::kAll) continue;
    if (!keep(*rx.rule)) continue;
    if (!filtered) {  // once per call, and only when some rule applies
      if (prepared.scanned_) {
        impl_->prefilter.candidates(text, prepared.hits_, Range{begin, end}, may_match);
      } else {
        may_match.assign(impl_->regexes.size(), 1);
      }
      filtered = true;
    }
    if (!may_match[i]) continue;
    groups.resize(1 + static_cast<size_t>(rx.re->NumberOfCapturingGroups()));
    size_t pos = 0;
    const int ngroups = static_cast<int>(groups.size());
    while (pos <= subject.size()) {
      bool found = false;
      if (rx.relaxed) {
        // No match of the original starts before the relaxed form's leftmost match: try
        // the original anchored there (cheap: few DFA threads), else search on from there.
        re2::StringPiece first;
        if (!rx.relaxed->Match(subject, pos, subject.size(), RE2::UNANCHORED, &first, 1)) break;
        const auto from = static_cast<size_t>(first.data() - subject.data());
        found =
            rx.re->Match(subject, from, subject.size(), RE2::ANCHOR_START, groups.data(),
                         ngroups) ||
            rx.re->Match(subject, from, subject.size(), RE2::UNANCHORED, groups.data(), ngroups);
      } else {
        found = rx.re->Match(subject, pos, subject.size(), RE2::UNANCHORED, groups.data(), ngroups);
      }
      if (!found) break;
      PatternMatch& m = out.emplace_back();
      m.rule = rx.rule;
      m.range = to_range(groups[0], text.text.data());
      m.captures.reserve(rx.names.size());
      for (const auto& [index, name] : rx.names) {
        m.captures.push_back(Capture{name, to_range(groups[index], text.text.data())});
      }
      pos = static_cast<size_t>(groups[0].data() + groups[0].size() - subject.data());
      if (groups[0].empty()) {  // step over one code point so that the loop ends
        ++pos;
        while (pos < subject.size() && (static_cast<unsigned char>(subject[pos]) & 0xC0) == 0x80) {
          ++pos;
        }
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const PatternMatch& a, const PatternMatch& b) {
    return a.range.begin < b.range.begin;
  });
  return out;
}

}  // namespace kg
