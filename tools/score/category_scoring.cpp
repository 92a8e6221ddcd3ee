#include "category_scoring.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "load_figures.hpp"

namespace readygate::score {
namespace {

const ToolRun* find_run(const EnvelopeSet& envelopes, const std::string& tool) {
  for (const auto& run : envelopes.runs) {
    if (run.tool == tool) return &run;
  }
  return nullptr;
}

std::string where_of(const Finding& f) {
  return f.location ? " at " + f.location->path + ":" + std::to_string(f.location->line) : "";
}

std::string percent(double fraction) { return format_number(round1(fraction * 100.0)) + " %"; }

std::string with_unit(double value, std::string_view metric) {
  const std::string_view unit = metric_unit(metric);
  if (unit == "ms") return format_number(value) + " ms";
  if (unit == "rps") return format_number(value) + " rps";
  return percent(value);
}

}  // namespace

double round1(double value) { return std::round(value * 10.0) / 10.0; }

CategoryScore score_findings(const Category& c, const EnvelopeSet& envelopes) {
  CategoryScore out;
  out.category = &c;
  std::vector<const Finding*> relevant;
  std::vector<std::string> present;
  std::size_t suppressed = 0, known = 0, not_product = 0;
  for (const auto& tool : c.tools) {
    const ToolRun* run = find_run(envelopes, tool);
    if (!run) continue;
    present.push_back(tool);
    for (const Finding& f : run->findings) {
      if (!c.finding_categories.empty() &&
          std::find(c.finding_categories.begin(), c.finding_categories.end(), f.category) == c.finding_categories.end()) {
        continue;
      }
      if (f.suppressed()) {
        ++suppressed;
      } else if (!counts_for_gate(f)) {
        ++not_product;
      } else if (c.new_only && !is_open(f)) {
        ++known;
      } else {
        relevant.push_back(&f);
      }
    }
  }
  out.has_evidence = !present.empty();
  if (!out.has_evidence) return out;
  // Findings come most severe first: the caps bite on the least severe of each level.
  std::map<Severity, double> lost;
  std::map<Severity, std::size_t> capped;
  double total = 0;
  for (const Finding* f : relevant) {
    const double points = c.points.at(f->severity);
    const double room = c.caps.at(f->severity) - lost[f->severity];
    const double take = std::max(0.0, std::min(points, room));
    if (take <= 0) {
      if (points > 0) ++capped[f->severity];
      continue;
    }
    lost[f->severity] += take;
    total += take;
    out.deductions.push_back({take, std::string(to_string(f->severity)) + " finding " + f->rule + where_of(*f),
                              present.front() + ":" + f->fingerprint});
  }
  for (const auto& [severity, n] : capped) {
    out.deductions.push_back({0, std::to_string(n) + " more " + std::string(to_string(severity)) +
                                     " findings not counted: the cap of " + format_number(c.caps.at(severity)) +
                                     " points for " + std::string(to_string(severity)) + " findings is reached", ""});
  }
  out.score = std::max(0.0, 100.0 - total);
  out.evidence = std::to_string(relevant.size()) + " open findings from " + present.front() +
                 (suppressed ? ", " + std::to_string(suppressed) + " suppressed" : "") +
                 (known ? ", " + std::to_string(known) + " known from the baseline" : "") +
                 (not_product ? ", " + std::to_string(not_product) + " in tests or examples (not counted)" : "");
  return out;
}

CategoryScore score_load(const Category& c, const EnvelopeSet& envelopes) {
  CategoryScore out;
  out.category = &c;
  const ToolRun* bench = find_run(envelopes, "bench");
  if (!bench) return out;
  const auto figures = merge_load_figures(bench->all_metrics);
  double possible = 0, earned = 0;
  std::vector<Deduction> lost;
  for (const LoadTarget& t : c.targets) {
    const std::string scope = t.threshold.scope.empty() ? "overall" : t.threshold.scope;
    const auto fig = figures.find(t.threshold.scope);
    const auto measured = fig == figures.end() ? std::nullopt : fig->second.value(t.threshold.metric);
    if (!measured) {
      out.deductions.push_back({0, "no evidence for '" + t.threshold.text + "' (no " + t.threshold.metric + " for " + scope +
                                       "): not counted", ""});
      continue;
    }
    possible += t.points;
    const bool holds = threshold_holds(t.threshold, *measured);
    // Linear from the threshold (all points) to the limit (none), on either side of it.
    const double fraction = holds ? 1.0 : std::clamp((t.limit - *measured) / (t.limit - t.threshold.value), 0.0, 1.0);
    earned += t.points * fraction;
    if (fraction < 1.0) {
      std::string reason = scope + " " + t.threshold.metric + " = " + with_unit(*measured, t.threshold.metric) + ", target " +
                           t.threshold.op + " " + with_unit(t.threshold.value, t.threshold.metric) + " (no points at " +
                           with_unit(t.limit, t.threshold.metric) + ")";
      if (!fig->second.from_histograms) reason += "; the worst of " + std::to_string(fig->second.runs) + " runs, no histograms to merge";
      lost.push_back({t.points * (1.0 - fraction), reason, "bench: " + scope + " " + t.threshold.metric});
    }
  }
  out.has_evidence = possible > 0;
  if (!out.has_evidence) return out;
  // Points are out of the targets that had evidence; scale them to the category's 100.
  for (auto& d : lost) d.points *= 100.0 / possible;
  out.deductions.insert(out.deductions.begin(), lost.begin(), lost.end());
  out.score = 100.0 * earned / possible;
  const auto overall = figures.find("");
  out.evidence = "bench: " + std::to_string(bench->all_metrics.size()) + " run(s)";
  if (overall != figures.end()) out.evidence += ", " + format_number(overall->second.requests) + " requests";
  return out;
}

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
    out.deductions.push_back({points, h.name + (h.target.empty() ? "" : " (" + h.target + ")") + " is " + std::string(to_string(h.status)) +
                                          (h.error.empty() ? "" : ": " + h.error),
                              "healthcheck:" + h.name});
  }
  out.evidence = std::to_string(healthy) + " of " + std::to_string(counted.size()) + (only_critical ? " critical" : "") +
                 " checks healthy (" + percent(share) + ", target " + percent(c.availability_target) + ")";
  return out;
}

CategoryScore score_tests(const Category& c, const std::optional<TestResults>& tests, const std::optional<double>& coverage) {
  CategoryScore out;
  out.category = &c;
  std::vector<std::pair<double, Deduction>> parts;  // (part score, what it lost)
  if (tests && tests->ran() > 0) {
    const double rate = static_cast<double>(tests->passed()) / static_cast<double>(tests->ran());
    const double part = 100.0 * std::min(1.0, rate / c.pass_rate_target);
    std::string failed;
    for (std::size_t i = 0; i < tests->failed.size() && i < 5; ++i) failed += (i ? ", " : "") + tests->failed[i];
    if (tests->failed.size() > 5) failed += ", …";
    std::string sources;
    for (const auto& s : tests->sources) sources += (sources.empty() ? "" : ", ") + s;
    parts.push_back({part, {100.0 - part,
                            std::to_string(tests->failures + tests->errors) + " of " + std::to_string(tests->ran()) +
                                " tests failed (" + percent(rate) + " passed, target " + percent(c.pass_rate_target) + ")" +
                                (failed.empty() ? "" : ": " + failed),
                            "junit: " + sources}});
    out.evidence = std::to_string(tests->passed()) + " of " + std::to_string(tests->ran()) + " tests passed";
  }
  if (coverage && c.coverage_target) {
    const double part = 100.0 * std::min(1.0, *coverage / *c.coverage_target);
    parts.push_back({part, {100.0 - part, "line coverage " + percent(*coverage) + ", target " + percent(*c.coverage_target),
                            "coverage"}});
    out.evidence += std::string(out.evidence.empty() ? "" : "; ") + "line coverage " + percent(*coverage);
  }
  out.has_evidence = !parts.empty();
  if (!out.has_evidence) return out;
  double sum = 0;
  for (auto& [part, deduction] : parts) {
    sum += part;
    deduction.points /= static_cast<double>(parts.size());  // each part is an equal share of the category
    if (deduction.points > 0) out.deductions.push_back(deduction);
  }
  out.score = sum / static_cast<double>(parts.size());
  return out;
}

}  // namespace readygate::score
