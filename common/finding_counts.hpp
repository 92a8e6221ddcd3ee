#pragma once
// Whether a finding counts: the one decision behind ready-scan's and ready-report's --fail-on,
// ready-score's deductions, and what annotations, JUnit, Markdown and Code Quality show as open.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "finding.hpp"

namespace readygate {

// Open: not suppressed, and not a finding the baseline already had.
inline bool is_open(const Finding& finding) {
  return !finding.suppressed() && finding.baseline != BaselineState::unchanged;
}

// "N findings", wherever a number of findings is shown (docs/ENVELOPE.md, "Counting findings"):
// the open ones, of every severity (info too) and every role (test files too). ready-scan's
// summary.findings and text report, ready-report's Markdown verdict, its summary.findings and
// its step outputs (READYGATE_FINDINGS), and so ready-gate's log, all count these.
inline std::size_t count_open(const std::vector<Finding>& findings) {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), is_open));
}

// The finding is in product code (or names no role), or is a secret: a credential leaks from a
// test file too.
inline bool counts_for_gate(const Finding& finding) {
  return finding.role.value_or(Role::product) == Role::product || finding.category == "secrets";
}

// The finding counts against --fail-on: open, at or above `threshold`, and counts for the gate.
inline bool counts_against(const Finding& finding, Severity threshold) {
  return is_open(finding) && finding.severity >= threshold && counts_for_gate(finding);
}

}  // namespace readygate
