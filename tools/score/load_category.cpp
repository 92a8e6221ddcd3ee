#include <algorithm>

#include "category_scoring.hpp"
#include "load_figures.hpp"

namespace readygate::score {
namespace {

std::string with_unit(double value, std::string_view metric) {
  const std::string_view unit = metric_unit(metric);
  if (unit == "ms") return format_number(value) + " ms";
  if (unit == "rps") return format_number(value) + " rps";
  return percent(value);
}

}  // namespace

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
      out.deductions.push_back(
          {0,
           "no evidence for '" + t.threshold.text + "' (no " + t.threshold.metric + " for " + scope + "): not counted",
           ""});
      continue;
    }
    possible += t.points;
    const bool holds = threshold_holds(t.threshold, *measured);
    // Linear from the threshold (all points) to the limit (none), on either side of it.
    const double fraction = holds ? 1.0 : std::clamp((t.limit - *measured) / (t.limit - t.threshold.value), 0.0, 1.0);
    earned += t.points * fraction;
    if (fraction < 1.0) {
      std::string reason = scope + " " + t.threshold.metric + " = " + with_unit(*measured, t.threshold.metric) +
                           ", target " + t.threshold.op + " " + with_unit(t.threshold.value, t.threshold.metric) +
                           " (no points at " + with_unit(t.limit, t.threshold.metric) + ")";
      if (!fig->second.from_histograms)
        reason += "; the worst of " + std::to_string(fig->second.runs) + " runs, no histograms to merge";
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

}  // namespace readygate::score
