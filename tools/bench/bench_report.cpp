#include "bench_report.hpp"

#include <cmath>

#include "common/number_format.hpp"
#include "common/redact.hpp"

namespace readygate::bench {
namespace {

using nlohmann::json;

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

json latency_json(const LatencyHistogram& h) {
  if (h.count() == 0) return json::object();
  return {{"min", round3(h.min_ms())},           {"mean", round3(h.mean_ms())},         {"stddev", round3(h.stddev_ms())},
          {"p50", round3(h.percentile_ms(50))},  {"p90", round3(h.percentile_ms(90))},  {"p95", round3(h.percentile_ms(95))},
          {"p99", round3(h.percentile_ms(99))},  {"p999", round3(h.percentile_ms(99.9))}, {"max", round3(h.max_ms())}};
}

json figures(const Stats& s, double seconds, bool open_model) {
  json errors_by_class = json::object();
  for (std::size_t i = 0; i < error_class_names.size(); ++i) errors_by_class[error_class_names[i]] = s.errors_by_class[i];
  json out{{"requests", s.requests},
           {"errors", s.errors},
           {"error_rate", s.requests ? round3(static_cast<double>(s.errors) / static_cast<double>(s.requests) * 1000.0) / 1000.0 : 0.0},
           {"rps", seconds > 0 ? round3(static_cast<double>(s.requests) / seconds) : 0.0},
           {"bytes", s.bytes},
           {"errors_by_class", errors_by_class},
           {"latency_ms", latency_json(s.latency)},
           {"histogram", s.latency.to_json()}};
  if (open_model) {
    out["late"] = s.late;
    out["latency_uncorrected_ms"] = latency_json(s.service);
  }
  return out;
}

}  // namespace

json bench_metrics(const Scenario& scenario, const RunResult& result) {
  const auto& rec = result.recording;
  bool any_open = false;
  double total_seconds = 0;
  Stats overall;
  json phases = json::array();
  for (std::size_t p = 0; p < scenario.phases.size() && p < result.phases.size(); ++p) {
    const Phase& phase = scenario.phases[p];
    Stats merged;
    for (const Stats& s : rec.by_phase_endpoint[p]) merged.merge(s);
    overall.merge(merged);
    const double seconds = result.phases[p].measured_s;
    total_seconds += seconds;
    any_open = any_open || phase.rate.has_value();
    json item = figures(merged, seconds, phase.rate.has_value());
    item["name"] = phase.name;
    item["model"] = phase.rate ? "open" : "closed";
    item["concurrency"] = phase.concurrency;
    if (phase.rate) item["rate"] = *phase.rate;
    item["duration_s"] = round3(seconds);
    phases.push_back(item);
  }
  json endpoints = json::array();
  for (std::size_t e = 0; e < scenario.endpoints.size(); ++e) {
    Stats merged;
    double seconds = 0;
    for (std::size_t p = 0; p < result.phases.size(); ++p) {
      const auto& list = scenario.phases[p].endpoints;
      if (std::find(list.begin(), list.end(), e) == list.end()) continue;
      merged.merge(rec.by_phase_endpoint[p][e]);
      seconds += result.phases[p].measured_s;
    }
    const Endpoint& endpoint = scenario.endpoints[e];
    json item = figures(merged, seconds, any_open);
    item["name"] = endpoint.name;
    item["method"] = endpoint.method;
    item["url"] = redact_url_credentials(endpoint.url);
    endpoints.push_back(item);
  }
  json timeline = json::array();
  for (std::size_t t = 0; t < rec.timeline.size(); ++t) {
    const Second& s = rec.timeline[t];
    timeline.push_back({{"t", t}, {"requests", s.requests}, {"errors", s.errors},
                        {"p95_ms", s.latency.count() ? round3(s.latency.percentile_ms(95)) : 0.0}});
  }
  json protocols = json::object();
  for (std::size_t i = 0; i < rec.protocols.size(); ++i) {
    if (rec.protocols[i] > 0) protocols[protocol_names[i]] = rec.protocols[i];
  }
  return {{"overall", figures(overall, total_seconds, any_open)},
          {"protocols", protocols},
          {"endpoints", endpoints},
          {"phases", phases},
          {"timeline", timeline},
          {"partial", result.partial},
          {"threads", result.threads},
          {"client_cpu", round3(result.cpu_utilisation)}};
}

std::vector<Check> bench_checks(const Scenario& scenario, const RunResult& result, const json& metrics) {
  std::vector<Check> checks;
  std::size_t n = 0;
  for (const Threshold& t : scenario.thresholds) {
    const std::string where = t.scope.empty() ? "overall" : t.scope;
    const json* figures = &metrics["overall"];
    if (!t.scope.empty()) {
      for (const char* list : {"endpoints", "phases"}) {
        for (const json& item : metrics[list]) {
          if (item["name"] == t.scope) figures = &item;
        }
      }
    }
    std::optional<double> value;
    if (t.metric == "rps" || t.metric == "error_rate") {
      value = (*figures)[t.metric].get<double>();
    } else if ((*figures)["latency_ms"].contains(t.metric)) {
      value = (*figures)["latency_ms"][t.metric].get<double>();
    }
    const std::string unit(metric_unit(t.metric));
    Check check{"bench.threshold." + std::to_string(++n), t.text, "error", "", value, t.value, t.op,
                unit == "rps" ? "rps" : unit};
    if (!value) {
      check.message = where + ": no " + t.metric + " was measured (no successful request)";
    } else {
      const bool holds = threshold_holds(t, *value);
      check.status = holds ? "pass" : "fail";
      const auto shown = [&](double v) { return unit.empty() ? format_number(v * 100) + " %" : format_number(v) + " " + unit; };
      check.message = where + " " + t.metric + " = " + shown(*value) + (holds ? ", within " : ", not ") + t.op + " " + shown(t.value);
    }
    if (result.partial && check.status == "pass") check.status = "warn";  // an interrupted run proves less
    checks.push_back(check);
  }
  if (result.cpu_utilisation >= 0.9) {
    checks.push_back(Check{"bench.client", "The load generator was not the bottleneck", "warn",
                           "the client used " + format_number(std::round(result.cpu_utilisation * 100)) +
                               " % of every core: the figures may measure the client, not the server",
                           result.cpu_utilisation, 0.9, "<", ""});
  }
  return checks;
}

}  // namespace readygate::bench
