#pragma once
// What to probe. From flags (`--check [NAME=]URL` or a bare URL, `-H`, `--timeout`, `--retries`) or a config
// file (JSON, validated field by field):
//
// {"base_url": "http://127.0.0.1:8000",           relative check URLs ("/health") resolve against it
//  "timeout": "5s", "retries": 2, "interval": "1s", "cert_warn_days": 30, "cert_fail_days": 7,
//  "headers": ["Accept: application/json"],           sent with every HTTP check
//  "checks": [
//    {"name": "api", "url": "https://127.0.0.1:8443/health",
//     "expect_status": 200 | [200, 299],              default 200–399
//     "body_contains": "ok", "body_regex": "\"status\":\\s*\"ok\"",
//     "json": {"path": "status", "equals": "ok"},      a field (dotted path) equal to a value
//     "latency_budget": "200ms",                       slower: degraded
//     "critical": true, "timeout": "2s", "retries": 3, "headers": […], "method": "GET"},
//    {"name": "db", "url": "tcp://127.0.0.1:5432", "critical": true},
//    {"name": "pg", "url": "postgres://app@127.0.0.1:5432/app", "query": "select 1"},   PQping; the query's latency
//    {"name": "cache", "url": "redis://:password@127.0.0.1:6379/0"},                  PING, then the role
//    {"name": "web", "url": "docker://web"}]}                       or docker://?label=KEY=VALUE (probe_docker.hpp)
// Users read the format in docs/CHECKS.md; schemas/checks.schema.json is written from this parser: change
// the three together (tests/e2e/file_schemas.sh runs both on the examples and on refused files).
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace readygate::healthcheck {

enum class ProbeKind { http, tcp, postgres, redis, docker };

struct CheckSpec {
  std::string name;
  std::string url;  // as given (may hold credentials: never print it unredacted)
  ProbeKind kind = ProbeKind::http;
  std::string method = "GET";
  std::vector<std::string> headers;
  std::pair<long, long> expect_status{200, 399};
  std::string body_contains, body_regex;
  std::optional<std::pair<std::string, nlohmann::json>> json_equals;  // path, value
  std::optional<std::chrono::milliseconds> latency_budget;
  bool critical = true;
  std::chrono::milliseconds timeout{5000};
  unsigned retries = 2;
  std::string query;  // postgres:// only: run after logging in; its time is the latency
};

struct HealthConfig {
  std::vector<CheckSpec> checks;
  std::chrono::milliseconds interval{1000};  // between polls with --wait
  int cert_warn_days = 30, cert_fail_days = 7;
  bool insecure = false;
  std::string cacert;
  std::string docker_socket;  // from DOCKER_HOST, when there are docker:// checks (probe_docker.hpp)
};

// "api=https://h/health" -> a check named api; "https://user:pw@h:8443/health?x=1" -> one named
// by host and path, "h:8443/health" (credentials and query left out). Throws Error (exit 2) for
// a malformed one or an unsupported scheme (http, https, tcp, postgres(ql), redis and docker are supported).
CheckSpec parse_check_flag(const std::string& text);

// The name of an unnamed check: the URL's host and path.
std::string check_name_of(const std::string& url);

// Throws Error (exit 2) naming the file, the check and the field. `base_url_override`, when
// not empty, replaces the file's base_url.
HealthConfig parse_health_config(const nlohmann::json& document, const std::string& source,
                                 const std::string& base_url_override = "");

// Rejects unsupported schemes, tcp:// without a port, postgres:// URLs libpq cannot parse and
// malformed redis:// URLs (and rediss://); sets the kind.
void validate_target(CheckSpec& check, const std::string& where);

// The kind as the metrics name it: "http", "https", "tcp", "postgres", "redis".
std::string kind_name(const CheckSpec& check);

}  // namespace readygate::healthcheck
