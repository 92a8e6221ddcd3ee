#include "common/threshold.hpp"

#include <doctest/doctest.h>

#include "common/error.hpp"

using namespace readygate;

TEST_CASE("thresholds parse metric, operator, value and unit") {
  const Threshold p95 = parse_threshold("p95<100ms");
  CHECK(p95.scope.empty());
  CHECK(p95.metric == "p95");
  CHECK(p95.op == "<");
  CHECK(p95.value == 100.0);
  CHECK(parse_threshold("p99 <= 1.5s").value == 1500.0);
  CHECK(parse_threshold("rps>=50").op == ">=");
  CHECK(parse_threshold("error_rate<0.1%").value == doctest::Approx(0.001));
  CHECK(parse_threshold("error_rate < 0.001").value == doctest::Approx(0.001));
  const Threshold scoped = parse_threshold("GET /api/jobs: p95<50ms");
  CHECK(scoped.scope == "GET /api/jobs");
  CHECK(scoped.value == 50.0);
  CHECK(parse_threshold("GET http://h:8080/x: p95<5").scope == "GET http://h:8080/x");
}

TEST_CASE("a misspelt metric or a bad value is an input error, never a silent pass") {
  for (const char* bad : {"p59<100ms", "p95 100ms", "p95<fast", "p95<100kb", "rps>50ms", "error_rate<5", "p95<-1",
                          "latency<1s", "", "GET /x: p95 = 3"}) {
    CAPTURE(bad);
    try {
      parse_threshold(bad);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::usage);
      CHECK(std::string(e.what()).find("threshold '") == 0);
    }
  }
}

TEST_CASE("thresholds hold or not") {
  CHECK(threshold_holds(parse_threshold("p95<100ms"), 99.9));
  CHECK_FALSE(threshold_holds(parse_threshold("p95<100ms"), 100.0));
  CHECK(threshold_holds(parse_threshold("p95<=100ms"), 100.0));
  CHECK(threshold_holds(parse_threshold("rps>50"), 179.9));
  CHECK_FALSE(threshold_holds(parse_threshold("rps>=50"), 49.9));
}

TEST_CASE("a threshold that overflows once converted to its unit is refused") {
  // Found by the units_thresholds fuzz target: finite in seconds, infinite in milliseconds.
  CHECK_THROWS_AS(parse_threshold("p95<1e308s"), readygate::Error);
  CHECK(parse_threshold("p95<1e300ms").value == doctest::Approx(1e300));
}
