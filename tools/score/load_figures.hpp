#pragma once
// Load-test figures from ready-bench envelopes, per scope: "" for the overall figures, and
// every endpoint and phase by its name. Several envelopes (several load generators) are merged:
// counts and rates add up, and percentiles come from the merged histograms — never from
// averaging percentiles. Without histograms, the worst figure of the runs is kept, and said so.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace readygate::score {

struct LoadFigures {
  std::map<std::string, double> values;  // p50 … max in ms, rps, error_rate (a fraction)
  double requests = 0, errors = 0;
  std::size_t runs = 0;
  bool from_histograms = true;  // false: the worst of several runs, not a merge

  std::optional<double> value(const std::string& metric) const;
};

// Throws Error (exit 2) naming the field when a metric is of the wrong type.
std::map<std::string, LoadFigures> merge_load_figures(const std::vector<nlohmann::json>& bench_metrics);

}  // namespace readygate::score
