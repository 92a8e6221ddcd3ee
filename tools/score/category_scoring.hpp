#pragma once
// One function per kind of category, one file each (findings_category.cpp, load_category.cpp,
// health_category.cpp, tests_category.cpp): each reads its evidence and fills a CategoryScore.
// A new kind is a new file, a CategoryKind in policy.hpp and a case in compute_score.
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
std::string percent(double fraction);  // 0.995 -> "99.5 %"

// The run of `tool` among the envelopes, if there is one.
const ToolRun* find_run(const EnvelopeSet& envelopes, const std::string& tool);

}  // namespace readygate::score
