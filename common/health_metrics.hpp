#pragma once
// ready-healthcheck's "metrics" (DESIGN.md), read by ready-score:
//   {"checks": [{"name", "target", "kind": "http|https|tcp|postgres|redis|docker",
//                "status": "healthy|degraded|unhealthy",
//                "critical", "attempts", "latency_ms", "http_status": n | null,
//                "tls": {"protocol", "cipher", "issuer", "cert_days_left": n | null} | null,
//                "error": "why" | null, "time_to_healthy_ms": n | null,
//                "postgres": {"server": "accepting|rejecting|no response|no attempt" | null,
//                             "connect_ms": n | null, "query_ms": n | null},     postgres:// checks only
//                "redis": {"role": "master|slave|replica…" | null, "connected_slaves": n | null},
//                                                                                redis:// checks only
//                "container": {…} (docker:// checks only, absent otherwise)}]}
//   "container": {"id": "12 hex digits", "name", "state": "created|running|paused|restarting|removing|exited|dead",
//                 "health": "starting|healthy|unhealthy" | null (no HEALTHCHECK),
//                 "health_log": "last line of the last health check's output" | null,
//                 "exit_code": n | null (not exited), "restart_count", "started_at": "RFC 3339" | null,
//                 "uptime_s": n | null (not running)}
// Written by to_json and read by health_metrics_from_json, nowhere else.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace readygate {

enum class Health { healthy, degraded, unhealthy };
std::string_view to_string(Health health);
std::optional<Health> parse_health(std::string_view text);

struct TlsFacts {
  std::string protocol, cipher, issuer;
  std::optional<long> cert_days_left;  // negative: expired that many days ago
};

// What PQping said of the server (PostgreSQL's words), and the times of a connection and a query.
struct PostgresFacts {
  std::string server;  // "accepting", "rejecting", "no response", "no attempt"; "" when unknown
  std::optional<double> connect_ms, query_ms;
};

// The role from INFO replication.
struct RedisFacts {
  std::string role;  // "" when unknown (INFO refused, or never reached)
  std::optional<long> connected_slaves;
};

// What the Docker daemon says about a container (docker:// checks).
struct ContainerFacts {
  std::string id, name, state;
  std::string health;      // "" when the container has no HEALTHCHECK
  std::string health_log;  // the last health check's last output line: one line, truncated, redacted
  std::optional<long> exit_code;
  long restart_count = 0;
  std::string started_at;             // "" when never started
  std::optional<long long> uptime_s;  // while running
};

struct HealthCheckMetrics {
  std::string name, target, kind;
  Health status = Health::unhealthy;
  bool critical = false;
  std::size_t attempts = 0;
  double latency_ms = 0;
  long http_status = 0;  // 0: no HTTP response (null)
  std::optional<TlsFacts> tls;
  std::string error;  // why not healthy; "" when healthy (null)
  std::optional<double> time_to_healthy_ms;
  std::optional<PostgresFacts> postgres;
  std::optional<RedisFacts> redis;
  std::optional<ContainerFacts> container;
};

struct HealthMetrics {
  std::vector<HealthCheckMetrics> checks;
};

nlohmann::json to_json(const HealthMetrics& metrics);

// Fields a reader does not need may be absent. Throws Error (exit 2) naming `where` and the
// field on a wrong type or an unknown status.
HealthMetrics health_metrics_from_json(const nlohmann::json& metrics, const std::string& where);

}  // namespace readygate
