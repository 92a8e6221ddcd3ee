#include "bench_merge.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace readygate {
namespace {

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

std::string shard_name(const BenchShard& s) { return std::to_string(s.index) + "/" + std::to_string(s.count); }

// The worst (largest) of each latency figure.
void keep_worst(LatencySummary& into, const LatencySummary& part) {
  using Field = std::optional<double> LatencySummary::*;
  for (const Field field : {&LatencySummary::min, &LatencySummary::mean, &LatencySummary::stddev, &LatencySummary::p50,
                            &LatencySummary::p90, &LatencySummary::p95, &LatencySummary::p99, &LatencySummary::p999,
                            &LatencySummary::max}) {
    if (part.*field) into.*field = (into.*field).has_value() ? std::max(*(into.*field), *(part.*field)) : part.*field;
  }
}

// Items of several runs, merged by name in the order first seen.
template <typename Item>
std::vector<std::pair<const Item*, std::vector<const Item*>>> by_name(const std::vector<BenchMetrics>& runs,
                                                                      const std::vector<Item> BenchMetrics::*list) {
  std::vector<std::pair<const Item*, std::vector<const Item*>>> out;
  std::map<std::string, std::size_t> index;
  for (const BenchMetrics& run : runs) {
    for (const Item& item : run.*list) {
      const auto [it, added] = index.emplace(item.name, out.size());
      if (added) out.push_back({&item, {}});
      out[it->second].second.push_back(&item);
    }
  }
  return out;
}

template <typename Item>
std::vector<const BenchFigures*> figures_of(const std::vector<const Item*>& items) {
  std::vector<const BenchFigures*> out;
  out.reserve(items.size());
  for (const Item* item : items) out.push_back(&item->figures);
  return out;
}

}  // namespace

LatencySummary latency_summary(const LatencyHistogram& h) {
  if (h.count() == 0) return {};
  return {round3(h.min_ms()),          round3(h.mean_ms()),           round3(h.stddev_ms()),
          round3(h.percentile_ms(50)), round3(h.percentile_ms(90)),   round3(h.percentile_ms(95)),
          round3(h.percentile_ms(99)), round3(h.percentile_ms(99.9)), round3(h.max_ms())};
}

BenchFigures merge_bench_figures(const std::vector<const BenchFigures*>& parts) {
  BenchFigures out;
  LatencyHistogram merged;
  bool all_histograms = !parts.empty();
  double rps = 0;
  for (const BenchFigures* part : parts) {
    out.requests += part->requests;
    out.errors += part->errors;
    out.bytes += part->bytes;
    out.late += part->late;
    out.cut += part->cut;
    if (part->drain) {  // concurrent shards drain side by side: the counts add, the longest drain is the run's
      if (!out.drain) out.drain = BenchDrain{};
      out.drain->requests += part->drain->requests;
      out.drain->ms = std::max(out.drain->ms, part->drain->ms);
    }
    rps += part->rps.value_or(0.0);
    for (const auto& [name, n] : part->errors_by_class) out.errors_by_class[name] += n;
    out.open_model = out.open_model || part->open_model;
    keep_worst(out.latency_uncorrected, part->latency_uncorrected);
    if (part->histogram) {
      merged.merge(*part->histogram);
    } else {
      all_histograms = false;
    }
  }
  out.error_rate = out.requests
                       ? round3(static_cast<double>(out.errors) / static_cast<double>(out.requests) * 1000.0) / 1000.0
                       : 0.0;
  out.rps = round3(rps);
  if (all_histograms) {
    out.histogram = merged;
    out.latency = latency_summary(merged);
  } else {
    for (const BenchFigures* part : parts) keep_worst(out.latency, part->latency);
  }
  return out;
}

BenchMetrics merge_bench_metrics(const std::vector<BenchMetrics>& runs) {
  BenchMetrics out;
  std::vector<const BenchFigures*> overall;
  std::map<std::size_t, TimelinePoint> timeline;
  for (const BenchMetrics& run : runs) {
    if (run.overall) overall.push_back(&*run.overall);
    for (const TimelinePoint& point : run.timeline) {
      TimelinePoint& into = timeline[point.t];
      into.t = point.t;
      into.requests += point.requests;
      into.errors += point.errors;
      into.p95_ms = std::max(into.p95_ms, point.p95_ms);
    }
    for (const auto& [name, n] : run.protocols) out.protocols[name] += n;
    out.partial = out.partial || run.partial;
    out.threads += run.threads;
    out.client_cpu = std::max(out.client_cpu, run.client_cpu);
  }
  if (!overall.empty()) out.overall = merge_bench_figures(overall);
  for (const auto& [first, items] : by_name(runs, &BenchMetrics::endpoints)) {
    out.endpoints.push_back({first->name, first->method, first->url, merge_bench_figures(figures_of(items))});
  }
  for (const auto& [first, items] : by_name(runs, &BenchMetrics::phases)) {
    BenchPhase phase{first->name, first->model, 0, std::nullopt, 0, merge_bench_figures(figures_of(items))};
    for (const BenchPhase* p : items) {
      phase.concurrency += p->concurrency;
      if (p->rate) phase.rate = phase.rate.value_or(0.0) + *p->rate;
      phase.duration_s = std::max(phase.duration_s, p->duration_s);
    }
    out.phases.push_back(phase);
  }
  for (const auto& [t, point] : timeline) out.timeline.push_back(point);
  return out;
}

ShardCoverage check_shards(const std::vector<BenchMetrics>& runs) {
  ShardCoverage out;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  std::set<std::size_t> totals;
  std::size_t unsharded = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& shard = runs[i].shard;
    if (!shard) {
      ++unsharded;
      out.keep.push_back(i);
      continue;
    }
    if (!seen.insert({shard->index, shard->count}).second) {
      out.warnings.push_back("shard " + shard_name(*shard) +
                             " was given more than once: its first envelope is kept, the others are left out");
      continue;
    }
    totals.insert(shard->count);
    out.keep.push_back(i);
  }
  if (totals.empty()) return out;
  if (totals.size() > 1) {
    std::string list;
    for (const std::size_t n : totals) list += (list.empty() ? "" : ", ") + std::to_string(n);
    out.warnings.push_back("shards of different splits (of " + list + ") are merged as they are");
    return out;
  }
  if (unsharded > 0) {
    out.warnings.push_back(std::to_string(unsharded) + " unsharded run(s) merged with the shards");
  }
  const std::size_t count = *totals.begin();
  std::string missing;
  std::size_t present = 0;
  for (std::size_t k = 1; k <= count; ++k) {
    if (seen.count({k, count})) {
      ++present;
    } else if (missing.size() < 200) {
      missing += (missing.empty() ? "" : ", ") + shard_name({k, count});
    }
  }
  if (present < count) {
    out.warnings.push_back("the load figures cover " + std::to_string(present) + " of " + std::to_string(count) +
                           " shards (missing " + missing + ")");
  }
  return out;
}

}  // namespace readygate
