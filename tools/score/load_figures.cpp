#include "load_figures.hpp"

#include <algorithm>

#include "common/bench_metrics.hpp"

namespace readygate::score {
namespace {

struct Pending {
  std::vector<const BenchFigures*> parts;  // one per run
};

LoadFigures merge(const Pending& pending) {
  LoadFigures out;
  out.runs = pending.parts.size();
  LatencyHistogram merged;
  bool all_histograms = true;
  double rps = 0;
  for (const BenchFigures* part : pending.parts) {
    out.requests += static_cast<double>(part->requests);
    out.errors += static_cast<double>(part->errors);
    rps += part->rps.value_or(0.0);
    if (part->histogram) {
      merged.merge(*part->histogram);
    } else {
      all_histograms = false;
    }
  }
  out.values["rps"] = rps;  // generators run side by side: their rates add up
  if (out.requests > 0) {
    out.values["error_rate"] = out.errors / out.requests;
  } else if (pending.parts.size() == 1 && pending.parts[0]->error_rate) {
    out.values["error_rate"] = *pending.parts[0]->error_rate;
  }
  if (all_histograms && merged.count() > 0) {
    for (const auto& [name, percent] : std::vector<std::pair<std::string, double>>{
             {"p50", 50}, {"p90", 90}, {"p95", 95}, {"p99", 99}, {"p999", 99.9}}) {
      out.values[name] = merged.percentile_ms(percent);
    }
    out.values["mean"] = merged.mean_ms();
    out.values["max"] = merged.max_ms();
    return out;
  }
  // No histograms to merge: one run's own figures, or the worst of several.
  out.from_histograms = pending.parts.size() == 1;
  for (const BenchFigures* part : pending.parts) {
    for (const std::string name : {"p50", "p90", "p95", "p99", "p999", "mean", "max"}) {
      if (const auto v = part->latency.value(name))
        out.values[name] = std::max(out.values.count(name) ? out.values[name] : 0.0, *v);
    }
  }
  return out;
}

}  // namespace

std::optional<double> LoadFigures::value(const std::string& metric) const {
  const auto it = values.find(metric);
  return it == values.end() ? std::nullopt : std::optional<double>(it->second);
}

std::map<std::string, LoadFigures> merge_load_figures(const std::vector<nlohmann::json>& bench_metrics) {
  std::vector<BenchMetrics> runs;
  runs.reserve(bench_metrics.size());
  for (const auto& metrics : bench_metrics) runs.push_back(bench_metrics_from_json(metrics, "bench metrics"));
  std::map<std::string, Pending> scopes;
  for (const BenchMetrics& m : runs) {
    if (m.overall) scopes[""].parts.push_back(&*m.overall);
    for (const auto& e : m.endpoints) {
      if (!e.name.empty()) scopes[e.name].parts.push_back(&e.figures);
    }
    for (const auto& p : m.phases) {
      if (!p.name.empty()) scopes[p.name].parts.push_back(&p.figures);
    }
  }
  std::map<std::string, LoadFigures> figures;
  for (const auto& [scope, pending] : scopes) figures[scope] = merge(pending);
  return figures;
}

}  // namespace readygate::score
