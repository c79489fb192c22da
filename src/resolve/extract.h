// The extractor: read -> normalise -> segment -> match -> resolve for one document,
// producing the document's Fragment. Created once per run from the rule set; extract()
// is const and may run on several threads at once.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "common/status.h"
#include "graph/model.h"
#include "match/matcher.h"
#include "match/rules.h"
#include "read/source.h"
#include "resolve/entity_info.h"
#include "resolve/person_register.h"

namespace kg {

class Extractor {
 public:
  // Compiles the matcher and builds the person register. Fails (Code::kInput) if a
  // pattern does not compile.
  static Result<std::unique_ptr<Extractor>> create(const RuleSet& rules);

  // The Document node id of a source: "doc:" + the first 16 hex digits of its sha256.
  static std::string document_id(const SourceFile& source);

  // Everything the document contributes. Never fails: a document without recognisable
  // structure still yields its Document node and the entities it mentions.
  Fragment extract(const SourceFile& source) const;

  const Matcher& matcher() const { return *matcher_; }

 private:
  Extractor(std::unique_ptr<Matcher> matcher, PersonRegister persons,
            EntityTable entities);
  std::unique_ptr<Matcher> matcher_;
  PersonRegister persons_;
  EntityTable entities_;
};

}  // namespace kg
