#pragma once
// Whether a finding counts: the one decision behind ready-scan's and ready-report's --fail-on,
// ready-score's deductions, and what annotations, JUnit, Markdown and Code Quality show as open.
#include "finding.hpp"

namespace readygate {

// Open: not suppressed, and not a finding the baseline already had.
inline bool is_open(const Finding& finding) {
  return !finding.suppressed() && finding.baseline != BaselineState::unchanged;
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
