// ready-healthcheck's report for people, from fixed records, against goldens in tests/unit/golden/;
// and the verdict's words, which must match the exit code.
#include "healthcheck_text.hpp"

#include <doctest/doctest.h>

#include "golden.hpp"

using namespace readygate;
using namespace readygate::healthcheck;

namespace {

HealthCheckMetrics check(std::string name, std::string target, Health status, bool critical, double latency, long http,
                         std::optional<long> days, std::string error) {
  HealthCheckMetrics c;
  c.name = std::move(name);
  c.target = std::move(target);
  c.kind = c.target.rfind("tcp", 0) == 0 ? "tcp" : c.target.rfind("https", 0) == 0 ? "https" : "http";
  c.status = status;
  c.critical = critical;
  c.attempts = 1;
  c.latency_ms = latency;
  c.http_status = http;
  if (days) c.tls = TlsFacts{"TLSv1.3", "TLS_AES_256_GCM_SHA384", "test CA", days};
  c.error = std::move(error);
  return c;
}

Finding header(std::string rule, std::string title, Severity severity, std::string target) {
  Finding f;
  f.rule = std::move(rule);
  f.title = std::move(title);
  f.severity = severity;
  f.target = std::move(target);
  return f;
}

HealthMetrics sample() {
  HealthMetrics m;
  m.checks = {check("api", "https://127.0.0.1:8443/health", Health::healthy, true, 3.25, 200, 29L, ""),
              check("db", "tcp://127.0.0.1:5432", Health::unhealthy, true, 0.4, 0, std::nullopt, "connection refused"),
              check("docs", "http://127.0.0.1:8080/docs", Health::unhealthy, false, 1.5, 503, std::nullopt,
                    "status 503, expected 200–399"),
              check("slow", "http://127.0.0.1:8080/slow", Health::degraded, true, 250, 200, std::nullopt,
                    "answered in 250 ms, over its budget of 100 ms")};
  return m;
}

std::vector<Finding> audit() {
  return {header("headers.csp", "No Content-Security-Policy", Severity::medium, "http://127.0.0.1:8080/docs"),
          header("headers.hsts", "No Strict-Transport-Security", Severity::high, "https://127.0.0.1:8443/health"),
          header("headers.csp", "No Content-Security-Policy", Severity::medium, "https://127.0.0.1:8443/health"),
          header("headers.csp", "No Content-Security-Policy", Severity::medium, "http://127.0.0.1:8080/slow")};
}

}  // namespace

TEST_CASE("healthcheck text: a table of checks, header findings grouped by header, a verdict") {
  const std::string text = render_healthcheck_text(sample(), audit(), TextStyle(false));
  CHECK(text.find('\033') == std::string::npos);
  test::check_golden("healthcheck_text.txt", text);
}

TEST_CASE("healthcheck text: with colour") {
  const std::string text = render_healthcheck_text(sample(), {}, TextStyle(true));
  CHECK(text.find("\033[1;31m✗\033[0m") != std::string::npos);
  test::check_golden("healthcheck_text_colour.txt", text);
}

TEST_CASE("healthcheck verdict: a critical check down fails, a non-critical one is a warning, degraded passes") {
  const HealthMetrics m = sample();
  CHECK(health_verdict(m) ==
        "FAIL: 1 critical check down (db) — 4 checks: 1 healthy, 1 degraded, 2 unhealthy (1 not critical: a warning)");
  HealthMetrics ok;
  ok.checks = {m.checks[0], m.checks[2], m.checks[3]};
  CHECK(health_verdict(ok) ==
        "PASS: every critical check is healthy — 3 checks: 1 healthy, 1 degraded, 1 unhealthy (1 not critical: a "
        "warning)");
  HealthMetrics one;
  one.checks = {m.checks[1]};
  CHECK(health_verdict(one) == "FAIL: 1 critical check down (db) — 1 check: 0 healthy, 0 degraded, 1 unhealthy");
}

TEST_CASE("healthcheck text: what the postgres:// and redis:// probes learned, under Services") {
  HealthMetrics m;
  HealthCheckMetrics pg =
      check("pg", "postgres://app:****@127.0.0.1:5432/app", Health::healthy, true, 0.5, 0, std::nullopt, "");
  pg.kind = "postgres";
  pg.postgres = PostgresFacts{"accepting", 2.25, 0.5};
  HealthCheckMetrics starting =
      check("pg-replica", "postgres://127.0.0.1:5433", Health::unhealthy, false, 1.25, 0, std::nullopt,
            "the server is running but is in a state that disallows connections");
  starting.kind = "postgres";
  starting.postgres = PostgresFacts{"rejecting", 1.25, std::nullopt};
  HealthCheckMetrics cache =
      check("cache", "redis://****@127.0.0.1:6379/0", Health::healthy, true, 0.125, 0, std::nullopt, "");
  cache.kind = "redis";
  cache.redis = RedisFacts{"master", 1L};
  HealthCheckMetrics plain = check("api", "http://127.0.0.1:8080/health", Health::healthy, true, 1, 200, {}, "");
  m.checks = {pg, starting, cache, plain};
  const std::string text = render_healthcheck_text(m, {}, TextStyle(false));
  CHECK(text.find("cache       redis: role master · 1 connected replica\n") != std::string::npos);
  CHECK(text.find("api  ") == text.rfind("api  "));  // no Services line for an HTTP check
  test::check_golden("healthcheck_text_services.txt", text);
}
