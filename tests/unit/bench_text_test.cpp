// ready-bench's report for people: rendered from fixed figures (no machine-dependent numbers),
// against goldens in tests/unit/golden/.
#include "bench_text.hpp"

#include <doctest/doctest.h>

#include "bench_report.hpp"
#include "golden.hpp"

using namespace readygate;
using namespace readygate::bench;

namespace {

Endpoint endpoint(const std::string& name, const std::string& url) {
  Endpoint e;
  e.name = name;
  e.url = url;
  return e;
}

// Two endpoints in one closed phase: latencies 1–100 ms and 10–1000 ms, a few errors of each class.
struct Fixture {
  Scenario scenario;
  RunResult result;

  explicit Fixture(const std::vector<std::string>& thresholds, std::size_t phases = 1)
      : result(make(thresholds, phases)) {
    for (std::size_t p = 0; p < phases; ++p) {
      result.phases.push_back({2.0, {}, {}});
      for (int i = 0; i < 200; ++i) {
        Outcome o;
        const std::size_t e = static_cast<std::size_t>(i % 2);
        const int nth = i / 2;  // the request's place among its endpoint's
        const double step = nth;
        o.latency_ms = o.service_ms = e == 0 ? 1.0 + step : 10.0 * (1 + step);
        o.bytes = 512;
        if (i == 7) o.error = ErrorClass::http_5xx;
        if (i == 9) o.error = ErrorClass::timeout;
        if (i == 11) o.error = ErrorClass::http_4xx;
        result.recording.record(p, e, static_cast<std::size_t>(i / 100), o);
      }
    }
  }

  Scenario& make(const std::vector<std::string>& thresholds, std::size_t phases) {
    scenario.endpoints = {endpoint("GET /health", "http://127.0.0.1:8080/health"),
                          endpoint("GET /api/jobs", "http://127.0.0.1:8080/api/jobs")};
    const std::vector<std::string> names{"warm", "sustained", "spike"};
    for (std::size_t p = 0; p < phases; ++p) {
      Phase phase;
      phase.name = names[p];
      phase.concurrency = 10;
      phase.endpoints = {0, 1};
      scenario.phases.push_back(phase);
    }
    for (const auto& t : thresholds) scenario.thresholds.push_back(parse_threshold(t));
    return scenario;
  }
};

std::string render(const Fixture& f, bool colour) {
  const BenchMetrics metrics = bench_metrics(f.scenario, f.result);
  return render_bench_text(metrics, bench_checks(f.scenario, f.result, metrics), TextStyle(colour));
}

}  // namespace

TEST_CASE("bench text: summary, errors by class, percentiles, histogram, endpoints, thresholds") {
  const Fixture f({"p95<100ms", "rps>=50", "error_rate<1%", "GET /health: p99<50ms"});
  const std::string text = render(f, false);
  CHECK(text.find('\033') == std::string::npos);
  test::check_golden("bench_text.txt", text);
}

TEST_CASE("bench text: colour only when asked, and the same words") {
  const Fixture f({"p95<100ms"});
  const std::string text = render(f, true);
  CHECK(text.find("\033[1mSummary\033[0m") != std::string::npos);
  CHECK(text.find("\033[1;31m✗\033[0m p95 < 100 ms") != std::string::npos);
  test::check_golden("bench_text_colour.txt", text);
}

TEST_CASE("bench text: a scenario shows each phase by its name") {
  const Fixture f({"sustained: p95<2s"}, 3);
  const std::string text = render(f, false);
  CHECK(text.find("Phase warm · closed model, 10 connections") != std::string::npos);
  CHECK(text.find("Phase sustained") != std::string::npos);
  CHECK(text.find("Phase spike") != std::string::npos);
  CHECK(text.find("sustained: p95 < 2000 ms") != std::string::npos);
  test::check_golden("bench_text_phases.txt", text);
}

// A -d 2s phase: 100 requests inside the window, 10 more completed in the grace (the drain),
// 3 cut at its end (2 on the second endpoint, 1 on the first).
Fixture duration_fixture() {
  Fixture f({});
  f.scenario.phases[0].duration = std::chrono::milliseconds(2000);
  f.result = RunResult(f.scenario);
  f.result.phases.push_back({3.0, 2.0, 1.0});
  for (int i = 0; i < 110; ++i) {
    Outcome o;
    o.latency_ms = o.service_ms = 1.0 + i;
    o.drained = i >= 100;
    f.result.recording.record(0, static_cast<std::size_t>(i % 2), 0, o);
  }
  f.result.recording.record_cut(0, 1);
  f.result.recording.record_cut(0, 1);
  f.result.recording.record_cut(0, 0);
  return f;
}

TEST_CASE("bench figures: the rate is over the window, the drain and the cut apart") {
  const Fixture f = duration_fixture();
  const BenchMetrics m = bench_metrics(f.scenario, f.result);
  REQUIRE(m.overall);
  CHECK(m.overall->requests == 110);  // the drain's requests are requests (and latencies)
  CHECK(m.overall->errors == 0);      // the cut ones are not errors
  CHECK(m.overall->cut == 3);
  CHECK(m.overall->rps == doctest::Approx(50.0));  // 100 in the 2 s window, not 110 in 3 s
  REQUIRE(m.overall->drain);
  CHECK(m.overall->drain->requests == 10);
  CHECK(m.overall->drain->ms == doctest::Approx(1000.0));
  CHECK(m.endpoints[0].figures.cut == 1);
  CHECK(m.endpoints[1].figures.cut == 2);
  CHECK(m.endpoints[0].figures.rps == doctest::Approx(25.0));
  CHECK(!m.endpoints[0].figures.drain);
  CHECK(m.phases[0].figures.cut == 3);
  REQUIRE(m.phases[0].figures.drain);
  CHECK(m.phases[0].figures.drain->requests == 10);
  // Through the envelope and back: the same figures.
  const BenchMetrics back = bench_metrics_from_json(to_json(m), "test");
  CHECK(back.overall->cut == 3);
  REQUIRE(back.overall->drain);
  CHECK(back.overall->drain->requests == 10);
  CHECK(back.endpoints[1].figures.cut == 2);
  CHECK(!back.endpoints[1].figures.drain);
  const std::string text = render(f, false);
  CHECK(text.find("Cut          3 requests still in flight at the end") != std::string::npos);
  test::check_golden("bench_text_duration.txt", text);
}

TEST_CASE("bench figures: count mode has no drain, and nothing cut") {
  const Fixture f({});
  const BenchMetrics m = bench_metrics(f.scenario, f.result);
  CHECK(m.overall->cut == 0);
  CHECK(!m.overall->drain);
  CHECK(to_json(m)["overall"]["cut"] == 0);
  CHECK(!to_json(m)["overall"].contains("drain"));
  CHECK(render(f, false).find("Cut ") == std::string::npos);
}

TEST_CASE("bench checks are named by the threshold, and exit 1 lists each failed one with value and limit") {
  const Fixture f({"p95<100ms", "rps>=50", "error_rate<0.1%"});
  const BenchMetrics metrics = bench_metrics(f.scenario, f.result);
  const auto checks = bench_checks(f.scenario, f.result, metrics);
  REQUIRE(checks.size() == 3);
  CHECK(checks[0].id == "bench.threshold.1");
  CHECK(checks[0].title == "p95 < 100 ms");
  CHECK(checks[1].title == "rps >= 50");
  CHECK(checks[2].title == "error_rate < 0.1 %");
  const auto lines = failed_threshold_lines(checks);
  REQUIRE(lines.size() == 2);  // p95 is far over 100 ms, 3 errors in 200 is 1.5 %; 100 rps holds
  CHECK(lines[0].rfind("p95 < 100 ms: overall p95 = ", 0) == 0);
  CHECK(lines[0].find(", not < 100 ms") != std::string::npos);
  CHECK(lines[1] == "error_rate < 0.1 %: overall error_rate = 1.5 %, not < 0.1 %");
}

TEST_CASE("bench histogram rows: a dozen log-spaced rows from the fastest to the slowest, every request counted") {
  LatencyHistogram h;
  for (int i = 1; i <= 1000; ++i) h.record_ms(static_cast<double>(i));
  const auto rows = histogram_rows(h, 12);
  REQUIRE(rows.size() == 12);
  std::uint64_t total = 0;
  for (const auto& r : rows) total += r.count;
  CHECK(total == 1000);
  CHECK(rows.front().low_ms == doctest::Approx(1.0));
  CHECK(rows.back().high_ms == doctest::Approx(1000.0).epsilon(0.01));
  LatencyHistogram same;
  same.record_ms(5);
  same.record_ms(5);
  CHECK(histogram_rows(same, 12).size() == 1);
  CHECK(histogram_rows(LatencyHistogram{}, 12).empty());
}
