#include "category_scoring.hpp"

namespace readygate::score {

std::vector<HealthCheckMetrics> health_checks(const EnvelopeSet& envelopes) {
  std::vector<HealthCheckMetrics> checks;
  const ToolRun* run = find_run(envelopes, "healthcheck");
  if (!run) return checks;
  for (const auto& metrics : run->all_metrics) {
    for (auto& c : health_metrics_from_json(metrics, "healthcheck metrics").checks) checks.push_back(std::move(c));
  }
  return checks;
}

CategoryScore score_health(const Category& c, const EnvelopeSet& envelopes) {
  CategoryScore out;
  out.category = &c;
  const auto all = health_checks(envelopes);
  std::vector<HealthCheckMetrics> counted;
  for (const auto& h : all) {
    if (h.critical) counted.push_back(h);
  }
  const bool only_critical = !counted.empty();
  if (!only_critical) counted = all;
  out.has_evidence = !counted.empty();
  if (!out.has_evidence) return out;
  std::size_t healthy = 0;
  for (const auto& h : counted) healthy += h.status == Health::healthy;
  const double share = static_cast<double>(healthy) / static_cast<double>(counted.size());
  out.score = share >= c.availability_target ? 100.0 : 100.0 * share;
  for (const auto& h : counted) {
    if (h.status == Health::healthy) continue;
    const double points = share >= c.availability_target ? 0.0 : 100.0 / static_cast<double>(counted.size());
    out.deductions.push_back({points,
                              h.name + (h.target.empty() ? "" : " (" + h.target + ")") + " is " +
                                  std::string(to_string(h.status)) + (h.error.empty() ? "" : ": " + h.error),
                              "healthcheck:" + h.name});
  }
  out.evidence = std::to_string(healthy) + " of " + std::to_string(counted.size()) +
                 (only_critical ? " critical" : "") + " checks healthy (" + percent(share) + ", target " +
                 percent(c.availability_target) + ")";
  return out;
}

}  // namespace readygate::score
