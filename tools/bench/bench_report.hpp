#pragma once
// The bench envelope's metrics (names fixed in DESIGN.md, relied on by ready-score):
//   "overall":   {"requests", "errors", "error_rate", "rps", "bytes", "late",
//                 "errors_by_class": {"connect", "timeout", "http_4xx", "http_5xx", "other"},
//                 "latency_ms": {"min", "mean", "stddev", "p50", "p90", "p95", "p99", "p999", "max"},
//                 "latency_uncorrected_ms": {…}   (open model: from the actual send),
//                 "histogram": {…}                (mergeable: see common/histogram.hpp)}
//   "endpoints": [{"name", "method", "url", …same figures…}]
//   "phases":    [{"name", "model", "concurrency", "rate", "duration_s", …same figures…}]
//   "timeline":  [{"t", "requests", "errors", "p95_ms"}]
//   "protocols": {"HTTP/1.1": n, "HTTP/2": m}        responses by the HTTP version spoken
// Thresholds become checks ("bench.threshold.<n>"); a run the client itself limited (all its
// cores busy) gets a warning check.
#include <nlohmann/json.hpp>

#include "bench_run.hpp"
#include "common/envelope.hpp"

namespace readygate::bench {

nlohmann::json bench_metrics(const Scenario& scenario, const RunResult& result);

// One check per threshold, evaluated on `metrics`; and the client-saturation check.
std::vector<Check> bench_checks(const Scenario& scenario, const RunResult& result, const nlohmann::json& metrics);

}  // namespace readygate::bench
