#include "histogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "error.hpp"
#include "json_fields.hpp"

namespace readygate {
namespace {
constexpr int sub_buckets = 128;  // per power of two: relative error below 1/128
constexpr int exact_below = sub_buckets;
}  // namespace

int LatencyHistogram::bucket_of(std::uint64_t us) {
  if (us < static_cast<std::uint64_t>(exact_below)) return static_cast<int>(us);
  const int exponent = static_cast<int>(std::bit_width(us)) - 1;  // floor(log2(us)), at least 7; at most 63
  const int shift = exponent - 7;
  const int sub = static_cast<int>(us >> shift) - sub_buckets;
  return exact_below + shift * sub_buckets + sub;
}

double LatencyHistogram::bucket_value_us(int bucket) {
  if (bucket < exact_below) return bucket;
  const int shift = (bucket - exact_below) / sub_buckets;
  const int sub = (bucket - exact_below) % sub_buckets;
  const double low = std::ldexp(static_cast<double>(sub_buckets + sub), shift);
  return low + std::ldexp(1.0, shift) / 2.0 - (shift == 0 ? 0.5 : 0.0);
}

void LatencyHistogram::record_us(std::uint64_t us) {
  const auto bucket = static_cast<std::size_t>(bucket_of(us));
  if (bucket >= m_buckets.size()) m_buckets.resize(bucket + 1);
  ++m_buckets[bucket];
  m_min = m_count == 0 ? us : std::min(m_min, us);
  m_max = m_count == 0 ? us : std::max(m_max, us);
  ++m_count;
  m_sum += static_cast<double>(us);
  m_sum_sq += static_cast<double>(us) * static_cast<double>(us);
}

void LatencyHistogram::record_ms(double ms) {
  record_us(static_cast<std::uint64_t>(std::llround(std::max(0.0, ms) * 1000.0)));
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (other.m_count == 0) return;
  if (m_buckets.size() < other.m_buckets.size()) m_buckets.resize(other.m_buckets.size());
  for (std::size_t i = 0; i < other.m_buckets.size(); ++i) m_buckets[i] += other.m_buckets[i];
  m_min = m_count == 0 ? other.m_min : std::min(m_min, other.m_min);
  m_max = m_count == 0 ? other.m_max : std::max(m_max, other.m_max);
  m_count += other.m_count;
  m_sum += other.m_sum;
  m_sum_sq += other.m_sum_sq;
}

double LatencyHistogram::min_ms() const { return static_cast<double>(m_min) / 1000.0; }
double LatencyHistogram::max_ms() const { return static_cast<double>(m_max) / 1000.0; }
double LatencyHistogram::mean_ms() const { return m_count ? m_sum / static_cast<double>(m_count) / 1000.0 : 0.0; }

double LatencyHistogram::stddev_ms() const {
  if (m_count < 2) return 0.0;
  const double n = static_cast<double>(m_count);
  const double variance = std::max(0.0, m_sum_sq / n - (m_sum / n) * (m_sum / n));
  return std::sqrt(variance) / 1000.0;
}

double LatencyHistogram::percentile_ms(double percent) const {
  if (m_count == 0) return 0.0;
  const auto rank =
      static_cast<std::uint64_t>(std::ceil(std::clamp(percent, 0.0, 100.0) / 100.0 * static_cast<double>(m_count)));
  std::uint64_t seen = 0;
  for (std::size_t bucket = 0; bucket < m_buckets.size(); ++bucket) {
    seen += m_buckets[bucket];
    if (seen >= std::max<std::uint64_t>(rank, 1)) {
      const double us =
          std::clamp(bucket_value_us(static_cast<int>(bucket)), static_cast<double>(m_min), static_cast<double>(m_max));
      return us / 1000.0;
    }
  }
  return max_ms();
}

nlohmann::json LatencyHistogram::to_json() const {
  nlohmann::json buckets = nlohmann::json::array();
  for (std::size_t bucket = 0; bucket < m_buckets.size(); ++bucket) {
    if (m_buckets[bucket] > 0) buckets.push_back({bucket, m_buckets[bucket]});
  }
  return {{"scheme", "log2-128"}, {"unit", "us"},    {"count", m_count},      {"min_us", m_min},
          {"max_us", m_max},      {"sum_us", m_sum}, {"sum_sq_us", m_sum_sq}, {"buckets", buckets}};
}

LatencyHistogram LatencyHistogram::from_json(const nlohmann::json& document, const std::string& where) {
  const JsonFields f(document, where);
  if (f.text("scheme") != "log2-128" || f.text("unit") != "us") {
    throw_input_error(where + ": a histogram of scheme \"log2-128\" in \"us\" was expected");
  }
  LatencyHistogram h;
  for (const auto& pair : f.array("buckets")) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() || !pair[1].is_number_integer() ||
        pair[0].get<long long>() < 0 || pair[1].get<long long>() < 0) {
      throw_input_error(where + ": field \"buckets\": expected [index, count] pairs, got " + pair.dump().substr(0, 40));
    }
    const auto bucket = pair[0].get<std::size_t>();
    if (bucket > static_cast<std::size_t>(bucket_of(UINT64_MAX))) {
      throw_input_error(where + ": field \"buckets\": index " + std::to_string(bucket) + " is out of range");
    }
    if (bucket >= h.m_buckets.size()) h.m_buckets.resize(bucket + 1);
    h.m_buckets[bucket] += pair[1].get<std::uint64_t>();
  }
  h.m_count = f.count("count");
  std::uint64_t total = 0;
  for (const std::uint64_t n : h.m_buckets) total += n;
  if (total != h.m_count)
    throw_input_error(where + ": the bucket counts add up to " + std::to_string(total) + ", not count " +
                      std::to_string(h.m_count));
  h.m_min = f.count("min_us", UINT64_MAX);
  h.m_max = f.count("max_us", UINT64_MAX);
  h.m_sum = f.number("sum_us", 0).value_or(0.0);
  h.m_sum_sq = f.number("sum_sq_us", 0).value_or(0.0);
  // No run records these: the smallest and largest values must lie in the first and last
  // buckets that hold anything (and be 0 when nothing was recorded).
  if (h.m_count == 0) {
    if (h.m_min != 0 || h.m_max != 0) throw_input_error(where + ": an empty histogram has a min_us or max_us");
    return h;
  }
  const auto holds = [](std::uint64_t n) { return n > 0; };
  const auto first =
      static_cast<std::size_t>(std::find_if(h.m_buckets.begin(), h.m_buckets.end(), holds) - h.m_buckets.begin());
  const auto last =
      h.m_buckets.size() - 1 -
      static_cast<std::size_t>(std::find_if(h.m_buckets.rbegin(), h.m_buckets.rend(), holds) - h.m_buckets.rbegin());
  if (h.m_min > h.m_max)
    throw_input_error(where + ": min_us " + std::to_string(h.m_min) + " is above max_us " + std::to_string(h.m_max));
  if (static_cast<std::size_t>(bucket_of(h.m_min)) != first || static_cast<std::size_t>(bucket_of(h.m_max)) != last) {
    throw_input_error(where + ": min_us and max_us do not lie in the first and last buckets that hold values");
  }
  return h;
}

}  // namespace readygate
