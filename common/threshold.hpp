#pragma once
// Thresholds on load-test figures, as users write them (DESIGN.md):
//   p95<100ms   rps>=50   error_rate<0.1%   'GET /api/jobs: p95<50ms'
// METRIC OP VALUE[UNIT], optionally scoped to an endpoint or phase by "NAME: " in front.
// Metrics: p50 p90 p95 p99 p999 mean max (latency, units ms or s; ms when none), rps (no unit),
// error_rate (a fraction, or a percentage with %). A misspelt metric is an input error, never a
// threshold that silently passes.
#include <string>
#include <string_view>
#include <vector>

namespace readygate {

struct Threshold {
  std::string scope;   // endpoint or phase name; empty: the overall figures
  std::string metric;  // one of known_metrics()
  std::string op;      // <, <=, >, >=
  double value = 0;    // in the metric's base unit: ms, requests/s, or a fraction
  std::string text;    // as written, for messages
};

const std::vector<std::string>& known_metrics();

// The base unit a metric's values are in: "ms", "rps" or "" (a fraction).
std::string_view metric_unit(std::string_view metric);

// Throws Error (exit 2) that quotes `text` and says what is wrong.
Threshold parse_threshold(std::string_view text);

// "500ms", "1.5s", "0.1%", "0.001", "50" for `metric`, in its base unit. Throws Error (exit 2).
double parse_metric_value(std::string_view metric, std::string_view text, std::string_view context);

// Whether `measured` satisfies the threshold.
bool threshold_holds(const Threshold& threshold, double measured);

}  // namespace readygate
