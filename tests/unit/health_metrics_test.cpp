// ready-healthcheck's metrics (common/health_metrics.hpp): the postgres and redis sub-objects are
// written only for their kinds, and read back as written.
#include "common/health_metrics.hpp"

#include <doctest/doctest.h>

using namespace readygate;

TEST_CASE("health metrics: postgres and redis facts round-trip; other checks have no such keys") {
  HealthMetrics m;
  HealthCheckMetrics http;
  http.name = "api";
  http.kind = "http";
  http.status = Health::healthy;
  HealthCheckMetrics pg = http;
  pg.name = "pg";
  pg.kind = "postgres";
  pg.postgres = PostgresFacts{"accepting", 1.2345, std::nullopt};
  HealthCheckMetrics cache = http;
  cache.name = "cache";
  cache.kind = "redis";
  cache.redis = RedisFacts{"slave", std::nullopt};
  m.checks = {http, pg, cache};
  const nlohmann::json j = to_json(m);
  CHECK(!j["checks"][0].contains("postgres"));
  CHECK(!j["checks"][0].contains("redis"));
  CHECK(j["checks"][1]["postgres"] ==
        nlohmann::json{{"server", "accepting"}, {"connect_ms", 1.235}, {"query_ms", nullptr}});
  CHECK(j["checks"][2]["redis"] == nlohmann::json{{"role", "slave"}, {"connected_slaves", nullptr}});
  const HealthMetrics back = health_metrics_from_json(j, "metrics");
  REQUIRE(back.checks.size() == 3);
  CHECK(!back.checks[0].postgres);
  REQUIRE(back.checks[1].postgres);
  CHECK(back.checks[1].postgres->server == "accepting");
  CHECK(!back.checks[1].postgres->query_ms);
  REQUIRE(back.checks[2].redis);
  CHECK(back.checks[2].redis->role == "slave");
}
