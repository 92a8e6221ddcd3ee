#include "common/histogram.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "common/error.hpp"

using namespace readygate;

TEST_CASE("buckets are exact below 128 µs and within 1/128 above") {
  for (std::uint64_t us : {0ULL, 1ULL, 127ULL})
    CHECK(LatencyHistogram::bucket_value_us(LatencyHistogram::bucket_of(us)) == us);
  std::mt19937_64 random(42);
  for (int i = 0; i < 100000; ++i) {
    const std::uint64_t us = random() % 100'000'000'000ULL;
    const double back = LatencyHistogram::bucket_value_us(LatencyHistogram::bucket_of(us));
    CHECK(std::abs(back - static_cast<double>(us)) <= static_cast<double>(us) / 128.0 + 0.5);
  }
}

TEST_CASE("percentiles of known distributions") {
  LatencyHistogram h;
  for (int ms = 1; ms <= 1000; ++ms) h.record_ms(ms);
  CHECK(h.count() == 1000);
  CHECK(h.percentile_ms(50) == doctest::Approx(500).epsilon(0.01));
  CHECK(h.percentile_ms(95) == doctest::Approx(950).epsilon(0.01));
  CHECK(h.percentile_ms(99.9) == doctest::Approx(999).epsilon(0.01));
  CHECK(h.percentile_ms(100) == 1000.0);
  CHECK(h.min_ms() == 1.0);
  CHECK(h.mean_ms() == doctest::Approx(500.5));
  CHECK(h.stddev_ms() == doctest::Approx(288.67).epsilon(0.001));
}

TEST_CASE("merged histograms give the percentiles of one run over all the values") {
  LatencyHistogram a, b, all;
  std::mt19937 random(7);
  std::lognormal_distribution<double> latency(2.0, 0.8);
  for (int i = 0; i < 20000; ++i) {
    const double ms = latency(random);
    (i % 3 == 0 ? a : b).record_ms(ms);
    all.record_ms(ms);
  }
  LatencyHistogram merged = LatencyHistogram::from_json(a.to_json(), "a");
  merged.merge(LatencyHistogram::from_json(b.to_json(), "b"));
  CHECK(merged.count() == all.count());
  for (double p : {50.0, 90.0, 95.0, 99.0, 99.9}) CHECK(merged.percentile_ms(p) == all.percentile_ms(p));
  CHECK(merged.max_ms() == all.max_ms());
  CHECK(merged.mean_ms() == doctest::Approx(all.mean_ms()));
}

TEST_CASE("a malformed histogram is an input error") {
  nlohmann::json bad = LatencyHistogram().to_json();
  bad["count"] = 5;
  CHECK_THROWS_AS(LatencyHistogram::from_json(bad, "x"), Error);
  CHECK_THROWS_AS(LatencyHistogram::from_json({{"scheme", "hdr"}, {"unit", "us"}}, "x"), Error);
  bad = LatencyHistogram().to_json();
  bad["buckets"] = {{1}};
  CHECK_THROWS_AS(LatencyHistogram::from_json(bad, "x"), Error);
}
