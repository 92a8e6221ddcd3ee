#pragma once
// ready-bench's "metrics" (names fixed in DESIGN.md), read by ready-score and ready-report:
//   "overall":   {"requests", "errors", "error_rate", "rps", "bytes",
//                 "errors_by_class": {"connect", "timeout", "http_4xx", "http_5xx", "other"},
//                 "latency_ms": {"min", "mean", "stddev", "p50", "p90", "p95", "p99", "p999", "max"},
//                 "histogram": {…}                (mergeable: see common/histogram.hpp),
//                 "late", "latency_uncorrected_ms": {…}   (open model only: from the actual send),
//                 "cut"                            (in flight when the grace after -d ran out),
//                 "drain": {"requests", "ms"}      (duration mode, overall and phases: completed
//                                                   after the deadline, and for how long)}
//   "endpoints": [{"name", "method", "url", …the same figures…}]
//   "phases":    [{"name", "model", "concurrency", "rate", "duration_s", …the same figures…}]
//   "timeline":  [{"t", "requests", "errors", "p95_ms"}]
//   "protocols": {"HTTP/1.1": n, "HTTP/2": m}        responses by the HTTP version spoken
//   "partial", "threads", "client_cpu"
//   "shard": {"index", "count"}                       only from `ready-bench --shard K/N`
// Written by to_json and read by bench_metrics_from_json, nowhere else.
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "histogram.hpp"

namespace readygate {

// Latency in ms; all absent ({} on the wire) when nothing was measured.
struct LatencySummary {
  std::optional<double> min, mean, stddev, p50, p90, p95, p99, p999, max;

  // A threshold's latency metric ("p95", "mean", …) by name; nothing for another name.
  std::optional<double> value(std::string_view metric) const;
};

// Duration mode: what completed after the deadline, during the grace, and how long that took.
struct BenchDrain {
  std::size_t requests = 0;
  double ms = 0;
};

struct BenchFigures {
  std::size_t requests = 0, errors = 0, bytes = 0;
  std::optional<double> error_rate, rps;  // error_rate a fraction
  std::map<std::string, std::size_t> errors_by_class;
  LatencySummary latency;  // "latency_ms"
  std::optional<LatencyHistogram> histogram;
  bool open_model = false;  // writes "late" and "latency_uncorrected_ms"
  std::size_t late = 0;
  LatencySummary latency_uncorrected;
  std::size_t cut = 0;              // cancelled at the end of the grace: neither errors nor successes
  std::optional<BenchDrain> drain;  // written when present
};

struct BenchEndpoint {
  std::string name, method, url;
  BenchFigures figures;
};

struct BenchPhase {
  std::string name, model;  // model: "open" or "closed"
  std::size_t concurrency = 0;
  std::optional<double> rate;
  double duration_s = 0;
  BenchFigures figures;
};

struct TimelinePoint {
  std::size_t t = 0, requests = 0, errors = 0;
  double p95_ms = 0;
};

// Which of N load generators wrote the figures (1-based), for the merge to find every one.
struct BenchShard {
  std::size_t index = 1, count = 1;
};

struct BenchMetrics {
  std::optional<BenchFigures> overall;  // always written; a reader may see none
  std::vector<BenchEndpoint> endpoints;
  std::vector<BenchPhase> phases;
  std::vector<TimelinePoint> timeline;
  std::map<std::string, std::size_t> protocols;
  bool partial = false;
  std::size_t threads = 0;
  double client_cpu = 0;
  std::optional<BenchShard> shard;

  // The figures of the endpoint or phase named `scope` ("" for the overall ones), if any.
  const BenchFigures* figures(const std::string& scope) const;
};

nlohmann::json to_json(const BenchMetrics& metrics);

// Figures no run can produce (errors > requests, negative rates or latencies, a histogram
// holding more latencies than requests) are refused: throws Error (exit 2) naming `where` and
// the field.
BenchMetrics bench_metrics_from_json(const nlohmann::json& metrics, const std::string& where);

}  // namespace readygate
