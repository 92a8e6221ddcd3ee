#pragma once
// --baseline previous.json: findings whose fingerprint an earlier report already had are
// marked not new (is_new = false); they stay in the output but do not count for --fail-on.
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "finding.hpp"

namespace readygate::scan {

// Fingerprints of every finding in the given envelopes (any tool). Throws Error (exit 2) on a
// document that is not a readygate envelope.
std::set<std::string> baseline_fingerprints(const std::vector<nlohmann::json>& envelopes, const std::string& source);

void mark_new(std::vector<Finding>& findings, const std::set<std::string>& baseline);

}  // namespace readygate::scan
