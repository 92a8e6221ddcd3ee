#pragma once
// The scan envelope (DESIGN.md): findings with location, snippet and fingerprint; a summary of
// files, bytes, skips, findings by severity and category; checks for unreadable files and
// --fail-on. Each finding is written as the common record (common/finding.hpp), with the
// rule's title, category, cwe, message, fix and help, and "baseline_state" only with --baseline.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "common/envelope.hpp"
#include "common/finding.hpp"
#include "common/severity.hpp"
#include "scanner.hpp"

namespace readygate::scan {

// Findings that count against --fail-on (counts_against in common/finding_counts.hpp).
std::size_t count_gating(const std::vector<Finding>& findings, const std::vector<Rule>& rules, Severity threshold);

struct ReportOptions {
  std::optional<Severity> fail_on;
  bool baseline = false;  // a --baseline was given: summary counts "new"
};

// The envelope with an empty "findings" array (write the findings with finding_json, one at a
// time: see write_json_output), and the summary and checks that describe them.
nlohmann::json scan_envelope(const RunInfo& run, const std::string& target, const ScanResult& result,
                             const std::vector<Rule>& rules, const ReportOptions& options);

// The common record of a match: what crosses the pipe, and what --fail-on counts.
readygate::Finding to_finding(const Finding& finding, const Rule& rule);
nlohmann::json finding_json(const Finding& finding, const Rule& rule);

// --list-rules: an envelope whose "rules" array holds every active rule.
nlohmann::json rules_envelope(const RunInfo& run, const std::vector<Rule>& rules);

}  // namespace readygate::scan
