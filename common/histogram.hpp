#pragma once
// A latency histogram that can be merged: runs on several machines (or threads) add their
// counts, and percentiles are computed from the merged counts — never averaged.
//
// Values are recorded in microseconds into log-linear buckets: exact below 128 µs, then 128
// buckets per power of two, so any value is known within 1/128 (< 1 %) of itself. Serialised as
//   {"scheme": "log2-128", "unit": "us", "count": N, "min_us": …, "max_us": …,
//    "sum_us": …, "sum_sq_us": …, "buckets": [[index, count], …]}   (sparse, ascending)
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace readygate {

class LatencyHistogram {
 public:
  void record_us(std::uint64_t microseconds);
  void record_ms(double milliseconds);
  void merge(const LatencyHistogram& other);

  std::uint64_t count() const { return m_count; }
  double min_ms() const;
  double max_ms() const;
  double mean_ms() const;
  double stddev_ms() const;
  // The value below which `percent` % of the recorded values fall (0 < percent <= 100).
  double percentile_ms(double percent) const;

  nlohmann::json to_json() const;
  // Throws Error (exit 2) naming `where` when the document is not such a histogram.
  static LatencyHistogram from_json(const nlohmann::json& document, const std::string& where);

  static int bucket_of(std::uint64_t microseconds);
  static double bucket_value_us(int bucket);  // the middle of the bucket

 private:
  std::vector<std::uint64_t> m_buckets;  // by bucket index, grown on demand: O(1) to record
  std::uint64_t m_count = 0, m_min = 0, m_max = 0;
  double m_sum = 0, m_sum_sq = 0;  // in µs and µs²
};

}  // namespace readygate
