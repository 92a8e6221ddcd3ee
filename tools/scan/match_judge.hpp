#pragma once
// Whether one match of one rule becomes a finding: its secret and name, the kind of text it
// starts in, its exclusion, absent, requires and inside conditions; then where it is, whether
// it is suppressed, and its severity for the file's role.
#include <optional>
#include <vector>

#include "compiled_rule.hpp"
#include "file_context.hpp"
#include "match.hpp"

namespace readygate::scan {

class MatchJudge {
 public:
  // `examples`, when given, collects the secrets a provider rule recognised as its documented
  // example values, so that a fallback rule does not report them either.
  MatchJudge(const CompiledRule& rule, const FileContext& file, std::vector<Span>* examples = nullptr);

  std::optional<Candidate> evaluate(const RawMatch& match);

 private:
  bool contexts_hold(const std::vector<AbsentContext>& contexts, const std::vector<std::unique_ptr<RE2>>& regexes,
                     std::vector<std::optional<bool>>& in_file, bool present, std::size_t first_line,
                     std::size_t last_line, std::size_t at);
  Severity severity_of(const RawMatch& match) const;

  const CompiledRule& m_rule;
  std::vector<Span>* m_examples;
  const FileContext& m_file;
  std::vector<std::optional<bool>> m_absent_in_file, m_present_in_file;  // once per file
};

}  // namespace readygate::scan
