#pragma once
// The rule engine: every rule compiled once (RE2: linear time, so no rule can cause ReDoS),
// and a file scanned in about one pass for all rules. Per file:
//   1. the rules that apply to it (language, path globs);
//   2. one RE2::Set pass over the whole text finds which rules' literal keywords occur in it;
//   3. only those rules run their expressions, and each match is checked against the rule's
//      exclusion, absent-context, entropy and placeholder conditions, and inline suppressions.
// Thread-safe: one engine serves every worker thread.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "finding.hpp"
#include "rule.hpp"

namespace re2 {
class RE2;
}

namespace readygate::scan {

struct CompiledRule;
class KeywordFilter;

class RuleEngine {
public:
  // Throws Error (exit 2) naming the rule and the field whose regular expression is invalid.
  explicit RuleEngine(std::vector<Rule> rules);
  ~RuleEngine();
  RuleEngine(const RuleEngine&) = delete;
  RuleEngine& operator=(const RuleEngine&) = delete;

  const std::vector<Rule>& rules() const { return m_rules; }

  // Findings in `text` (the content of the file reported as `path`), sorted by position.
  std::vector<Finding> scan(const std::string& path, std::string_view text) const;

private:
  std::vector<bool> applicable_rules(const std::string& path) const;

  std::vector<Rule> m_rules;
  std::vector<std::unique_ptr<CompiledRule>> m_compiled;
  std::unique_ptr<KeywordFilter> m_keywords;
};

}  // namespace readygate::scan
