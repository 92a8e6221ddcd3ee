#include "load_figures.hpp"

#include <algorithm>

#include "common/histogram.hpp"
#include "common/json_fields.hpp"

namespace readygate::score {
namespace {

using nlohmann::json;

const std::vector<std::string> latency_metrics{"p50", "p90", "p95", "p99", "p999", "mean", "max"};

struct Pending {
  std::vector<const json*> parts;  // one figures object per run
};

LoadFigures merge(const Pending& pending, const std::string& where) {
  LoadFigures out;
  out.runs = pending.parts.size();
  LatencyHistogram merged;
  bool all_histograms = true;
  double rps = 0;
  for (const json* part : pending.parts) {
    const JsonFields f(*part, where);
    // Figures no run can produce are refused, never scored.
    const auto requests = f.count("requests");
    const auto errors = f.count("errors");
    if (errors > requests) f.fail("errors", std::to_string(errors) + " errors in " + std::to_string(requests) + " requests");
    out.requests += static_cast<double>(requests);
    out.errors += static_cast<double>(errors);
    rps += f.number("rps", 0).value_or(0.0);
    if (const json* h = f.object("histogram")) {
      const LatencyHistogram histogram = LatencyHistogram::from_json(*h, where + ": histogram");
      if (f.find("requests") && histogram.count() > requests) {
        f.fail("histogram", "holds " + std::to_string(histogram.count()) + " latencies for " + std::to_string(requests) + " requests");
      }
      merged.merge(histogram);
    } else {
      all_histograms = false;
    }
  }
  out.values["rps"] = rps;  // generators run side by side: their rates add up
  if (out.requests > 0) {
    out.values["error_rate"] = out.errors / out.requests;
  } else if (pending.parts.size() == 1) {
    if (const auto e = JsonFields(*pending.parts[0], where).number("error_rate", 0, 1)) out.values["error_rate"] = *e;
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
  for (const json* part : pending.parts) {
    const JsonFields f(*part, where);
    const json* latency = f.object("latency_ms");
    if (!latency) continue;
    const JsonFields l(*latency, where + ": latency_ms");
    for (const auto& name : latency_metrics) {
      if (const auto v = l.number(name, 0)) out.values[name] = std::max(out.values.count(name) ? out.values[name] : 0.0, *v);
    }
  }
  return out;
}

}  // namespace

std::optional<double> LoadFigures::value(const std::string& metric) const {
  const auto it = values.find(metric);
  return it == values.end() ? std::nullopt : std::optional<double>(it->second);
}

std::map<std::string, LoadFigures> merge_load_figures(const std::vector<json>& bench_metrics) {
  std::map<std::string, Pending> scopes;
  for (const json& metrics : bench_metrics) {
    const JsonFields m(metrics, "bench metrics");
    if (const json* overall = m.object("overall")) scopes[""].parts.push_back(overall);
    for (const char* list : {"endpoints", "phases"}) {
      for (const json& item : m.array(list)) {
        const JsonFields named(item, std::string("bench metrics: ") + list);
        const std::string name = named.text("name");
        if (!name.empty()) scopes[name].parts.push_back(&item);
      }
    }
  }
  std::map<std::string, LoadFigures> figures;
  for (const auto& [scope, pending] : scopes) {
    figures[scope] = merge(pending, "bench metrics (" + (scope.empty() ? std::string("overall") : scope) + ")");
  }
  return figures;
}

}  // namespace readygate::score
