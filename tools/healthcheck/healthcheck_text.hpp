#pragma once
// ready-healthcheck's report for people (--format text, or a terminal): a table of the checks
// (status, critical or not, latency, HTTP status, TLS days to expiry, error), the header audit's
// findings grouped by header with the URLs each affects, and a verdict line. A pure function of
// the envelope's own typed records (common/health_metrics.hpp, common/finding.hpp).
#include <string>
#include <vector>

#include "common/finding.hpp"
#include "common/health_metrics.hpp"
#include "common/text_style.hpp"

namespace readygate::healthcheck {

std::string render_healthcheck_text(const HealthMetrics& metrics, const std::vector<Finding>& findings,
                                    const TextStyle& style);

// The verdict in words that match the exit code: "FAIL: 1 critical check down (api)" or
// "PASS: every critical check is healthy", then the counts ("3 checks: 2 healthy, …").
std::string health_verdict(const HealthMetrics& metrics);

}  // namespace readygate::healthcheck
