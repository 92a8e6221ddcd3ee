#pragma once
// The scan envelope (DESIGN.md): findings with location, snippet and fingerprint; a summary of
// files, bytes, skips, findings by severity and category; checks for unreadable files and
// --fail-on. Each finding is written as
//   {"rule","title","severity","category","cwe","message","fix","help",
//    "location": {"path","line","column","end_line","end_column","snippet"},
//    "fingerprint","suppressed","baseline_state" (only with --baseline: "new" | "unchanged")}
// Columns count code points from 1; end_column is one past the last character (as in SARIF).
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/envelope.hpp"
#include "scanner.hpp"
#include "common/severity.hpp"

namespace readygate::scan {

// Findings that count against --fail-on: at or above `threshold`, not suppressed, and new
// (when a baseline was given).
std::size_t count_gating(const std::vector<Finding>& findings, const std::vector<Rule>& rules, Severity threshold);

struct ReportOptions {
  std::optional<Severity> fail_on;
  bool baseline = false;  // a --baseline was given: summary counts "new"
};

// The envelope with an empty "findings" array (write the findings with finding_json, one at a
// time: see write_json_output), and the summary and checks that describe them.
nlohmann::json scan_envelope(const RunInfo& run, const std::string& target, const ScanResult& result,
                             const std::vector<Rule>& rules, const ReportOptions& options);

nlohmann::json finding_json(const Finding& finding, const Rule& rule);

// --list-rules: an envelope whose "rules" array holds every active rule.
nlohmann::json rules_envelope(const RunInfo& run, const std::vector<Rule>& rules);

}  // namespace readygate::scan
