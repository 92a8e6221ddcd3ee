#pragma once
// The bench envelope's metrics (common/bench_metrics.hpp, names fixed in DESIGN.md).
// Thresholds become checks: id "bench.threshold.<n>" (stable, in the order given), title the
// threshold as a person reads it ("p95 < 100 ms", "GET /api: p95 < 50 ms"); a run the client itself limited (all its
// cores busy) gets a warning check.
#include "bench_run.hpp"
#include "common/bench_metrics.hpp"
#include "common/envelope.hpp"

namespace readygate::bench {

BenchMetrics bench_metrics(const Scenario& scenario, const RunResult& result);

// One check per threshold, evaluated on `metrics`; and the client-saturation check.
std::vector<Check> bench_checks(const Scenario& scenario, const RunResult& result, const BenchMetrics& metrics);

}  // namespace readygate::bench
