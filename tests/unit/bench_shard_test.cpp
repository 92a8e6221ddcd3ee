// ready-bench --shard K/N and the merge of several runs' figures: shares that add up to the
// whole, a timetable that interleaves, stderr lines about errors, and merged figures equal to
// those of one machine that recorded every request.
#include <doctest/doctest.h>

#include <cmath>

#include "bench_outcome.hpp"
#include "common/bench_merge.hpp"
#include "common/error.hpp"
#include "scenario.hpp"

using namespace readygate;
using namespace readygate::bench;

namespace {

std::string shard_error(const std::string& text) {
  try {
    parse_shard(text);
    return "";
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.what();
  }
}

Scenario two_phases() {
  Scenario s;
  s.endpoints.push_back({"GET /", "GET", "http://127.0.0.1:9/", {}, "", std::nullopt});
  Phase count;
  count.name = "count";
  count.requests = 1003;
  count.concurrency = 10;
  Phase open;
  open.name = "open";
  open.rate = 200;
  open.concurrency = 3;
  open.duration = std::chrono::milliseconds(2000);
  s.phases = {count, open};
  return s;
}

// Deterministic latencies in ms, spread over several histogram buckets.
std::vector<double> samples(std::size_t n, unsigned seed) {
  std::vector<double> out;
  std::uint64_t x = seed;
  for (std::size_t i = 0; i < n; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    out.push_back(0.2 + static_cast<double>(x >> 40) / static_cast<double>(1ULL << 24) * 80.0);
  }
  return out;
}

BenchFigures figures_of(const std::vector<double>& latencies, std::size_t errors, double rps) {
  BenchFigures f;
  LatencyHistogram h;
  for (double ms : latencies) h.record_ms(ms);
  f.requests = latencies.size();
  f.errors = errors;
  f.errors_by_class = {{"connect", 0}, {"timeout", errors}, {"http_4xx", 0}, {"http_5xx", 0}, {"other", 0}};
  f.rps = rps;
  f.histogram = h;
  f.latency = latency_summary(h);
  return f;
}

}  // namespace

TEST_CASE("--shard K/N is read strictly") {
  CHECK(parse_shard("2/4").index == 2u);
  CHECK(parse_shard("2/4").count == 4u);
  CHECK(parse_shard("1/1").count == 1u);
  for (const char* bad : {"0/4", "5/4", "1/0", "x", "", "/4", "1/", "1/4/2", "-1/4", "1/4x", " 1/4", "1/10001"}) {
    CAPTURE(bad);
    CHECK(shard_error(bad).find("--shard: expected K/N") != std::string::npos);
  }
}

TEST_CASE("the N shares of a scenario add up exactly to the whole") {
  const Scenario whole = two_phases();
  std::uint64_t requests = 0;
  unsigned connections = 0, open_connections = 0;
  double rate = 0;
  std::vector<double> offsets;
  for (unsigned k = 1; k <= 4; ++k) {
    const Scenario s = shard_of(whole, {k, 4});
    REQUIRE(s.shard);
    CHECK(s.shard->index == k);
    requests += *s.phases[0].requests;
    connections += s.phases[0].concurrency;
    open_connections += s.phases[1].concurrency;
    rate += *s.phases[1].rate;
    CHECK(s.phases[1].duration == whole.phases[1].duration);  // durations stay whole
    offsets.push_back(s.phases[1].timetable_offset_s);
    CHECK(s.phases[0].timetable_offset_s == 0);
  }
  CHECK(requests == 1003u);
  CHECK(*shard_of(whole, {1, 4}).phases[0].requests == 251u);  // remainders to the first shards
  CHECK(*shard_of(whole, {4, 4}).phases[0].requests == 250u);
  CHECK(connections == 10u);
  CHECK(shard_of(whole, {1, 4}).phases[0].concurrency == 3u);
  CHECK(shard_of(whole, {4, 4}).phases[0].concurrency == 2u);
  CHECK(open_connections == 4u);  // 3 over 4 shards: each keeps at least one
  CHECK(rate == doctest::Approx(200));
  // Shard K starts (K-1)/N of one of its own periods (N/R) later: (K-1)/R.
  CHECK(offsets == std::vector<double>{0.0, 1.0 / 200, 2.0 / 200, 3.0 / 200});
}

TEST_CASE("a shard's rate target is its share of the whole one") {
  Scenario s = two_phases();
  s.thresholds = {parse_threshold("rps>=100"), parse_threshold("p95<50ms"), parse_threshold("error_rate<1%")};
  const Scenario share = shard_of(s, {2, 4});
  CHECK(share.thresholds[0].value == 25);
  CHECK(share.thresholds[1].value == 50);
  CHECK(share.thresholds[2].value == doctest::Approx(0.01));
}

TEST_CASE("a phase with fewer requests than shards is refused") {
  Scenario s = two_phases();
  s.phases[0].requests = 3;
  try {
    shard_of(s, {1, 4});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()).find("phase 'count' sends 3 requests, fewer than 4 shards") != std::string::npos);
  }
}

TEST_CASE("merged percentiles are those of one histogram fed every sample") {
  std::vector<BenchMetrics> runs;
  LatencyHistogram all;
  std::size_t requests = 0;
  for (unsigned k = 1; k <= 4; ++k) {
    const auto latencies = samples(500 + k * 37, k);
    for (double ms : latencies) all.record_ms(ms);
    requests += latencies.size();
    BenchMetrics m;
    m.overall = figures_of(latencies, k, 100.0 * k);
    m.overall->cut = k;                                            // in flight when each shard's grace ran out
    m.overall->drain = BenchDrain{std::size_t{2} * k, 100.0 * k};  // each shard's own drain
    m.endpoints.push_back({"GET /", "GET", "http://x/", *m.overall});
    m.phases.push_back({"run", "closed", 3, std::nullopt, 2.0 + k, *m.overall});
    m.timeline = {{0, std::size_t{10} * k, 1, 5.0 * k}, {1, 20, 0, 3.0}};
    m.shard = BenchShard{k, 4};
    runs.push_back(m);
  }
  const BenchMetrics merged = merge_bench_metrics(runs);
  REQUIRE(merged.overall);
  const BenchFigures& o = *merged.overall;
  CHECK(o.requests == requests);
  CHECK(o.errors == 10u);
  CHECK(o.errors_by_class.at("timeout") == 10u);
  CHECK(*o.error_rate == doctest::Approx(std::round(10.0 / static_cast<double>(requests) * 1e6) / 1e6));
  CHECK(*o.rps == doctest::Approx(1000));  // side by side: the rates add up
  CHECK(o.cut == 10u);
  REQUIRE(o.drain);
  CHECK(o.drain->requests == 20u);
  CHECK(o.drain->ms == 400.0);  // the shards drain side by side: the longest one
  REQUIRE(o.histogram);
  CHECK(o.histogram->count() == all.count());
  const LatencySummary expected = latency_summary(all);
  CHECK(o.latency.p50 == expected.p50);
  CHECK(o.latency.p90 == expected.p90);
  CHECK(o.latency.p95 == expected.p95);
  CHECK(o.latency.p99 == expected.p99);
  CHECK(o.latency.p999 == expected.p999);
  CHECK(o.latency.min == expected.min);
  CHECK(o.latency.max == expected.max);
  CHECK(*o.latency.mean == doctest::Approx(*expected.mean).epsilon(1e-9));
  REQUIRE(merged.endpoints.size() == 1);
  CHECK(merged.endpoints[0].figures.latency.p95 == expected.p95);
  REQUIRE(merged.phases.size() == 1);
  CHECK(merged.phases[0].concurrency == 12u);
  CHECK(merged.phases[0].duration_s == 6.0);
  REQUIRE(merged.timeline.size() == 2);
  CHECK(merged.timeline[0].requests == 100u);
  CHECK(merged.timeline[0].errors == 4u);
  CHECK(merged.timeline[0].p95_ms == 20.0);  // the worst second of the runs
  CHECK(merged.timeline[1].requests == 80u);
  CHECK(!merged.shard);
  CHECK(check_shards(runs).warnings.empty());
  CHECK(check_shards(runs).keep.size() == 4u);
}

TEST_CASE("shards given twice, or missing, are said") {
  std::vector<BenchMetrics> runs(4);
  runs[0].shard = BenchShard{1, 4};
  runs[1].shard = BenchShard{2, 4};
  runs[2].shard = BenchShard{2, 4};
  runs[3].shard = BenchShard{4, 4};
  const ShardCoverage c = check_shards(runs);
  CHECK(c.keep == std::vector<std::size_t>{0, 1, 3});
  REQUIRE(c.warnings.size() == 2);
  CHECK(c.warnings[0] == "shard 2/4 was given more than once: its first envelope is kept, the others are left out");
  CHECK(c.warnings[1] == "the load figures cover 3 of 4 shards (missing 3/4)");
  std::vector<BenchMetrics> mixed(2);
  mixed[0].shard = BenchShard{1, 2};
  mixed[1].shard = BenchShard{1, 3};
  CHECK(check_shards(mixed).warnings.at(0) == "shards of different splits (of 2, 3) are merged as they are");
  CHECK(check_shards(std::vector<BenchMetrics>(3)).warnings.empty());  // unsharded generators: as before
}

TEST_CASE("errors are counted by class, and a run without a success says why") {
  Scenario s = two_phases();
  BenchFigures f;
  f.requests = 5000;
  f.errors = 12;
  f.errors_by_class = {{"connect", 0}, {"timeout", 10}, {"http_4xx", 0}, {"http_5xx", 2}, {"other", 0}};
  CHECK(errors_warning(f) == "12 errors of 5,000 requests (0.24 %): 10 timeout, 2 http_5xx");
  CHECK(!no_success_reason(f, s));
  f.errors = 0;
  CHECK(errors_warning(f).empty());

  f.requests = f.errors = 2000;
  f.errors_by_class = {{"connect", 2000}};
  CHECK(*no_success_reason(f, s) ==
        "no request succeeded: 2,000 of 2,000 connect errors (could not connect to 127.0.0.1:9)");
  f.errors_by_class = {{"http_4xx", 2000}};
  CHECK(*no_success_reason(f, s) ==
        "no request succeeded: 2,000 of 2,000 http_4xx errors (answered 4xx; expected "
        "200–399)");
  s.endpoints[0].expect_status = 204;
  s.endpoints[0].url = "https://user:secret@example.test/x";
  f.errors_by_class = {{"http_5xx", 1500}, {"connect", 500}};
  CHECK(*no_success_reason(f, s) ==
        "no request succeeded: 500 of 2,000 connect errors (could not connect to example.test:443); 1,500 of 2,000 "
        "http_5xx errors (answered 5xx; expected 204)");
  f.requests = f.errors = 0;
  CHECK(*no_success_reason(f, s) == "no request was sent");
  CHECK(grouped(1234567) == "1,234,567");
  CHECK(grouped(999) == "999");
}

TEST_CASE("the end of a duration says how many requests it cut, and after what grace") {
  Phase run;
  run.name = "run";
  run.duration = std::chrono::milliseconds(5000);
  CHECK(cut_note(1, run, std::chrono::milliseconds(1000)) ==
        "1 request in flight at the end of -d 5s was cut after a grace of 1s (counted as cut: neither errors nor "
        "successes)");
  Phase steady;
  steady.name = "steady";
  steady.duration = std::chrono::milliseconds(30000);
  CHECK(cut_note(1200, steady, std::chrono::milliseconds(250)) ==
        "1,200 requests in flight at the end of phase steady (30s) were cut after a grace of 250ms (counted as cut: "
        "neither errors nor successes)");
}
