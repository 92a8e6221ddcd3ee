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
  // A file yields at most `max_findings_per_file` findings (0: no limit).
  explicit RuleEngine(std::vector<Rule> rules, std::size_t max_findings_per_file = default_max_findings_per_file);
  ~RuleEngine();
  RuleEngine(const RuleEngine&) = delete;
  RuleEngine& operator=(const RuleEngine&) = delete;

  const std::vector<Rule>& rules() const { return m_rules; }
  std::size_t max_findings_per_file() const { return m_max_findings_per_file; }

  static constexpr std::size_t default_max_findings_per_file = 1000;

  // Findings in `text` (the content of the file reported as `path`), sorted by position. Past
  // the cap, the most severe (then the first) are kept and `over_cap` counts the rest.
  std::vector<Finding> scan(const std::string& path, std::string_view text, std::size_t* over_cap = nullptr) const;

private:
  std::vector<bool> applicable_rules(const std::string& path) const;

  std::vector<Rule> m_rules;
  std::vector<std::unique_ptr<CompiledRule>> m_compiled;
  std::unique_ptr<KeywordFilter> m_keywords;
  std::size_t m_max_findings_per_file;
};

}  // namespace readygate::scan
