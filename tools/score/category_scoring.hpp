#pragma once
// One function per kind of category: each reads its evidence and fills a CategoryScore.
#include "common/health_metrics.hpp"
#include "common/number_format.hpp"
#include "scoring.hpp"

namespace readygate::score {

CategoryScore score_findings(const Category& category, const EnvelopeSet& envelopes);
CategoryScore score_load(const Category& category, const EnvelopeSet& envelopes);
CategoryScore score_health(const Category& category, const EnvelopeSet& envelopes);
CategoryScore score_tests(const Category& category, const std::optional<TestResults>& tests,
                          const std::optional<double>& coverage);

// The health checks of every ready-healthcheck envelope, for the category and the
// critical_check_down blocker.
std::vector<HealthCheckMetrics> health_checks(const EnvelopeSet& envelopes);

// Scores are shown to one decimal.
double round1(double value);

}  // namespace readygate::score
