#pragma once
// Several ready-bench runs' metrics — load generators run side by side, `ready-bench --shard
// K/N` in a CI matrix — as the figures one machine would have measured for the same requests:
//   - counts (requests, errors and their classes, bytes, late) are summed and error_rate is
//     recomputed from the sums;
//   - latency figures come from the merged histogram, never from averaging percentiles (a
//     figure without a histogram keeps the worst of the runs);
//   - rps is the sum of the runs' rates: the shards load the service at the same time, so
//     their rates add up (each run divides its own requests by its own measured time);
//   - endpoints and phases are merged by name, in the order first seen; a phase's concurrency
//     and rate add up and its duration is the longest;
//   - the timeline is added second by second of each run (its p95_ms is the worst of the runs
//     for that second: the per-second histograms are not kept in the envelope);
//   - the uncorrected latency of the open model keeps the worst of the runs (no histogram).
#include <string>
#include <vector>

#include "bench_metrics.hpp"

namespace readygate {

// The summary of a histogram as ready-bench writes it (rounded to the µs); empty when empty.
LatencySummary latency_summary(const LatencyHistogram& histogram);

BenchFigures merge_bench_figures(const std::vector<const BenchFigures*>& parts);
BenchMetrics merge_bench_metrics(const std::vector<BenchMetrics>& runs);

// Which runs a merge keeps, and what a person must be told: a shard given twice is kept once
// (its later copies left out, with a warning); a missing shard leaves the figures covering k of
// N shards (a warning); runs that disagree on N, or unsharded runs among shards, are merged as
// they are, with a warning.
struct ShardCoverage {
  std::vector<std::size_t> keep;  // indexes into the runs, in order
  std::vector<std::string> warnings;
};
ShardCoverage check_shards(const std::vector<BenchMetrics>& runs);

}  // namespace readygate
