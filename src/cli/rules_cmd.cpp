#include <iostream>

#include "cli/commands.h"
#include "cli/support.h"

namespace kg::cli {

std::filesystem::path rules_dir(const Common& common) {
  if (!common.rules.empty()) return common.rules;
  std::error_code ec;
  if (std::filesystem::is_directory("rules/gazetteer", ec)) return "rules";
  return KG_DEFAULT_RULES_DIR;
}

Result<RuleSet> load_rules(const Common& common) {
  std::vector<RuleError> errors;
  auto rules = RuleSet::load(rules_dir(common), &errors);
  for (const RuleError& e : errors) std::cerr << e.format() << "\n";
  if (!rules.ok()) {
    return Status::Input(std::to_string(errors.size()) + " rule error(s) in " +
                         rules_dir(common).string() + "; nothing was read or stored");
  }
  return rules;
}

Status rules_check(const Common& common) {
  auto rules = load_rules(common);
  if (!rules.ok()) return rules.status();
  auto extractor = Extractor::create(*rules);
  if (!extractor.ok()) return extractor.status();
  std::cout << rules_dir(common).string() << ": " << rules->gazetteer().size()
            << " gazetteer patterns, " << rules->patterns().size() << " regex rules, "
            << rules->register_entries().size() << " registered persons; rules hash "
            << rules->hash().substr(0, 12) << "\n";
  return Status::Ok();
}

}  // namespace kg::cli
