#pragma once
// ready-bench's report for people (--format text, or a terminal): an end-of-test summary in the
// manner of hey and k6 — requests, errors by class, throughput, bytes, duration, latency
// percentiles, a text histogram of latency, per-endpoint and per-phase figures when there are
// several, and the thresholds with ✓/✗, value and limit. A pure function of the envelope's own
// typed records, so that it can be golden-tested.
#include <string>
#include <vector>

#include "common/bench_metrics.hpp"
#include "common/check.hpp"
#include "common/text_style.hpp"

namespace readygate::bench {

std::string render_bench_text(const BenchMetrics& metrics, const std::vector<Check>& checks, const TextStyle& style);

// Up to `rows` rows of a latency histogram, bounds spaced evenly on a log scale from the fastest
// to the slowest request: {upper bound in ms, count}. Empty when nothing was recorded.
struct HistogramRow {
  double low_ms = 0, high_ms = 0;
  std::uint64_t count = 0;
};
std::vector<HistogramRow> histogram_rows(const LatencyHistogram& histogram, std::size_t rows);

// Why exit 1, one line per threshold that did not hold: "p95 < 100 ms: overall p95 = 180 ms …".
// Empty when none failed.
std::vector<std::string> failed_threshold_lines(const std::vector<Check>& checks);

}  // namespace readygate::bench
