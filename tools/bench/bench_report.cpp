#include "bench_report.hpp"

#include <cmath>

#include "common/bench_merge.hpp"
#include "common/number_format.hpp"
#include "common/redact.hpp"

namespace readygate::bench {
namespace {

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

// The rate counts what completed inside the measured window (`seconds`): not the drain.
BenchFigures figures(const Stats& s, double seconds, bool open_model, std::optional<BenchDrain> drain = {}) {
  BenchFigures out;
  out.requests = s.requests;
  out.errors = s.errors;
  out.error_rate =
      s.requests ? round3(static_cast<double>(s.errors) / static_cast<double>(s.requests) * 1000.0) / 1000.0 : 0.0;
  out.rps = seconds > 0 ? round3(static_cast<double>(s.requests - std::min(s.drained, s.requests)) / seconds) : 0.0;
  out.bytes = s.bytes;
  for (std::size_t i = 0; i < error_class_names.size(); ++i)
    out.errors_by_class[error_class_names[i]] = s.errors_by_class[i];
  out.latency = latency_summary(s.latency);
  out.histogram = s.latency;
  out.open_model = open_model;
  if (open_model) {
    out.late = s.late;
    out.latency_uncorrected = latency_summary(s.service);
  }
  out.cut = s.cut;
  out.drain = drain;
  return out;
}

// The threshold as a person reads it: "p95 < 100 ms", "rps >= 50", "error_rate < 0.1 %",
// "GET /api: p95 < 50 ms".
std::string threshold_title(const Threshold& t) {
  const std::string unit(metric_unit(t.metric));
  const std::string limit = unit.empty()    ? format_number(t.value * 100) + " %"
                            : unit == "rps" ? format_number(t.value)
                                            : format_number(t.value) + " " + unit;
  return (t.scope.empty() ? "" : t.scope + ": ") + t.metric + " " + t.op + " " + limit;
}

}  // namespace

BenchMetrics bench_metrics(const Scenario& scenario, const RunResult& result) {
  const auto& rec = result.recording;
  bool any_open = false;
  double total_seconds = 0;
  std::optional<BenchDrain> overall_drain;
  Stats overall;
  BenchMetrics out;
  for (std::size_t p = 0; p < scenario.phases.size() && p < result.phases.size(); ++p) {
    const Phase& phase = scenario.phases[p];
    Stats merged;
    for (const Stats& s : rec.by_phase_endpoint[p]) merged.merge(s);
    overall.merge(merged);
    const PhaseTiming& timing = result.phases[p];
    const double seconds = timing.window_s.value_or(timing.measured_s);
    total_seconds += seconds;
    any_open = any_open || phase.rate.has_value();
    std::optional<BenchDrain> drain;
    if (timing.drain_s) {
      drain = BenchDrain{merged.drained, round3(*timing.drain_s * 1000.0)};
      if (!overall_drain) overall_drain = BenchDrain{};
      overall_drain->requests += drain->requests;
      overall_drain->ms = round3(overall_drain->ms + drain->ms);
    }
    out.phases.push_back({phase.name, phase.rate ? "open" : "closed", phase.concurrency, phase.rate,
                          round3(timing.measured_s), figures(merged, seconds, phase.rate.has_value(), drain)});
  }
  for (std::size_t e = 0; e < scenario.endpoints.size(); ++e) {
    Stats merged;
    double seconds = 0;
    for (std::size_t p = 0; p < result.phases.size(); ++p) {
      const auto& list = scenario.phases[p].endpoints;
      if (std::find(list.begin(), list.end(), e) == list.end()) continue;
      merged.merge(rec.by_phase_endpoint[p][e]);
      seconds += result.phases[p].window_s.value_or(result.phases[p].measured_s);
    }
    const Endpoint& endpoint = scenario.endpoints[e];
    out.endpoints.push_back(
        {endpoint.name, endpoint.method, redact_url_credentials(endpoint.url), figures(merged, seconds, any_open)});
  }
  for (std::size_t t = 0; t < rec.timeline.size(); ++t) {
    const Second& s = rec.timeline[t];
    out.timeline.push_back({t, s.requests, s.errors, s.latency.count() ? round3(s.latency.percentile_ms(95)) : 0.0});
  }
  for (std::size_t i = 0; i < rec.protocols.size(); ++i) {
    if (rec.protocols[i] > 0) out.protocols[protocol_names[i]] = rec.protocols[i];
  }
  out.overall = figures(overall, total_seconds, any_open, overall_drain);
  out.partial = result.partial;
  out.threads = result.threads;
  out.client_cpu = round3(result.cpu_utilisation);
  if (scenario.shard) out.shard = BenchShard{scenario.shard->index, scenario.shard->count};
  return out;
}

std::vector<Check> bench_checks(const Scenario& scenario, const RunResult& result, const BenchMetrics& metrics) {
  std::vector<Check> checks;
  std::size_t n = 0;
  for (const Threshold& t : scenario.thresholds) {
    const std::string where = t.scope.empty() ? "overall" : t.scope;
    const BenchFigures* figures = metrics.figures(t.scope);
    if (!figures) figures = &*metrics.overall;
    const std::optional<double> value = t.metric == "rps"          ? figures->rps
                                        : t.metric == "error_rate" ? figures->error_rate
                                                                   : figures->latency.value(t.metric);
    const std::string unit(metric_unit(t.metric));
    Check check{"bench.threshold." + std::to_string(++n),
                threshold_title(t),
                CheckStatus::error,
                "",
                value,
                t.value,
                t.op,
                unit == "rps" ? "rps" : unit};
    if (!value) {
      check.message = where + ": no " + t.metric + " was measured (no successful request)";
    } else {
      const bool holds = threshold_holds(t, *value);
      check.status = pass_or_fail(holds);
      const auto shown = [&](double v) {
        return unit.empty() ? format_number(v * 100) + " %" : format_number(v) + " " + unit;
      };
      check.message = where + " " + t.metric + " = " + shown(*value) + (holds ? ", within " : ", not ") + t.op + " " +
                      shown(t.value);
    }
    if (result.partial && check.status == CheckStatus::pass)
      check.status = CheckStatus::warn;  // an interrupted run proves less
    checks.push_back(check);
  }
  if (result.cpu_utilisation >= 0.9) {
    checks.push_back(Check{"bench.client", "The load generator was not the bottleneck", CheckStatus::warn,
                           "the client used " + format_number(std::round(result.cpu_utilisation * 100)) +
                               " % of every core: the figures may measure the client, not the server",
                           result.cpu_utilisation, 0.9, "<", ""});
  }
  return checks;
}

}  // namespace readygate::bench
