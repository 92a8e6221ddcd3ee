#pragma once
// One place in one file where a rule matched: ready-scan's own match record (rule index,
// digests). It crosses the pipe only as the common record (common/finding.hpp), made by
// to_finding in scan_report.hpp.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "common/finding.hpp"
#include "common/severity.hpp"
#include "role.hpp"

namespace readygate::scan {

struct Finding {
  std::size_t rule = 0;                // index into RuleEngine::rules()
  Severity severity = Severity::info;  // the rule's, or its in_tests severity in a test file
  Role role = Role::product;
  std::string path;                          // as reported, '/'-separated
  std::size_t line = 0, column = 0;          // 1-based; columns count code points
  std::size_t end_line = 0, end_column = 0;  // end_column is one past the last character (SARIF)
  std::string snippet;                       // the line, trimmed, secrets redacted, valid UTF-8, bounded length
  // Where the match is in `snippet` (bytes, [first, second)), for the text report; not on the wire.
  std::optional<std::pair<std::size_t, std::size_t>> snippet_mark;
  std::string line_digest;  // SHA-256 of the line with white space folded: fingerprint input,
                            // kept as a digest so a finding on a 5 MB minified line stays small
  bool suppressed = false;
  std::string fingerprint;
  std::optional<bool> is_new;  // set only when a baseline is given
  std::string secret_digest;   // SHA-256 of the secret a secrets rule found ("" for others)

  // --history: the commit that added the line (the first, when several did), and how many did.
  using Commit = readygate::Finding::Commit;
  std::optional<Commit> commit;
};

}  // namespace readygate::scan
