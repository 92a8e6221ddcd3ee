#pragma once
// The rule engine: every rule compiled once (RE2: linear time, so no rule can cause ReDoS),
// and a file scanned in about one pass for all rules. Per file:
//   1. the rules that apply to it (language, path globs);
//   2. one RE2::Set pass over the whole text finds which rules' literal keywords occur in it;
//   3. only those rules run their matchers, and each match is judged (match_judge.hpp): the
//      kind of text it starts in, the rule's conditions, inline suppressions, the file's role;
//   4. of a rule group's findings on one line only the first rule's stays, one finding per
//      secret (the most severe), and at most max_findings_per_file, most severe first.
// Thread-safe: one engine serves every worker thread.
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "finding.hpp"
#include "role.hpp"
#include "rule.hpp"

namespace readygate::scan {

struct CompiledRule;
class KeywordFilter;

// One file's result.
struct FileScan {
  std::vector<Finding> findings;      // sorted by position
  std::size_t over_cap = 0;           // findings past the per-file cap, not reported
  std::vector<std::string> warnings;  // "path:line: …" (a suppression naming no rule)
};

class RuleEngine {
 public:
  static constexpr std::size_t default_max_findings_per_file = 1000;

  // Throws Error (exit 2) naming the rule and the field whose regular expression is invalid.
  // A file yields at most `max_findings_per_file` findings (0: no limit).
  explicit RuleEngine(std::vector<Rule> rules, std::size_t max_findings_per_file = default_max_findings_per_file);
  ~RuleEngine();
  RuleEngine(const RuleEngine&) = delete;
  RuleEngine& operator=(const RuleEngine&) = delete;

  const std::vector<Rule>& rules() const { return m_rules; }
  std::size_t max_findings_per_file() const { return m_max_findings_per_file; }

  // `text` is the content of the file reported as `path`, whose role is `role`.
  // `applicable`, when given, is applicable_rules(path), worked out once by a caller that
  // meets one path many times (--history).
  FileScan scan_file(const std::string& path, std::string_view text, Role role = Role::product,
                     const std::vector<bool>* applicable = nullptr) const;
  // Which rules run on a file at `path` (its language, the rules' path globs).
  std::vector<bool> applicable_rules(const std::string& path) const;
  // scan_file's findings, for a product file.
  std::vector<Finding> scan(const std::string& path, std::string_view text) const;

  // A rule's expressions are compiled when a file first needs them (most of the hundreds of
  // secrets rules never do in a given tree). This compiles every rule now, so that a bad
  // expression in a user's rules file is an error before the scan starts. Throws Error.
  void compile_all() const;

 private:
  const CompiledRule& compiled(std::size_t index) const;

  std::vector<Rule> m_rules;
  mutable std::vector<std::unique_ptr<CompiledRule>> m_compiled;  // each set once, under its flag
  std::unique_ptr<std::once_flag[]> m_compile_once;
  std::unique_ptr<KeywordFilter> m_keywords;
  std::map<std::string_view, std::vector<bool>> m_by_language;  // rules without path globs, per language
  std::vector<std::size_t> m_path_rules;                        // rules with paths or exclude_paths
  std::size_t m_max_findings_per_file;
  std::set<std::string> m_known_ids;                  // built-in and loaded rules: what ready:ignore[…] may name
  std::set<std::string, std::less<>> m_wanted_calls;  // last names of every call rule's calls, and the analyzers'
  bool m_all_calls = false;                           // a rule names module.*: keep every call
};

}  // namespace readygate::scan
