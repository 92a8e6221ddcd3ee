#pragma once
// Fingerprints that survive code moving: SHA-256 of rule id, path, the digest of the normalised
// line and the occurrence index among identical (rule, path, line) triples, never the line number.
#include <vector>

#include "finding.hpp"
#include "rule.hpp"

namespace readygate::scan {

// Sets Finding::fingerprint on every finding; `findings` must be sorted by path and line.
void assign_fingerprints(std::vector<Finding>& findings, const std::vector<Rule>& rules);

}  // namespace readygate::scan
