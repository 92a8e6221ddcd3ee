#include "health_metrics.hpp"

#include <cmath>

#include "enum_names.hpp"
#include "json_fields.hpp"

namespace readygate {
namespace {

using nlohmann::json;

constexpr EnumNames<Health, 3> names{{"healthy", "degraded", "unhealthy"}};

json tls_json(const std::optional<TlsFacts>& tls) {
  if (!tls) return nullptr;
  json out{{"protocol", tls->protocol}, {"cipher", tls->cipher}, {"issuer", tls->issuer}};
  out["cert_days_left"] = tls->cert_days_left ? json(*tls->cert_days_left) : json(nullptr);
  return out;
}

json optional_ms(const std::optional<double>& ms) {
  return ms ? json(std::round(*ms * 1000.0) / 1000.0) : json(nullptr);
}

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json container_json(const ContainerFacts& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"state", c.state},
          {"health", text_or_null(c.health)},
          {"health_log", text_or_null(c.health_log)},
          {"exit_code", c.exit_code ? json(*c.exit_code) : json(nullptr)},
          {"restart_count", c.restart_count},
          {"started_at", text_or_null(c.started_at)},
          {"uptime_s", c.uptime_s ? json(*c.uptime_s) : json(nullptr)}};
}

ContainerFacts read_container(const json& item, const std::string& where) {
  const JsonFields f(item, where);
  ContainerFacts c;
  c.id = f.text("id");
  c.name = f.text("name");
  c.state = f.text("state");
  c.health = f.text("health");
  c.health_log = f.text("health_log");
  if (const auto code = f.whole("exit_code", -1'000'000, 1'000'000)) c.exit_code = static_cast<long>(*code);
  c.restart_count = static_cast<long>(f.whole("restart_count", 0, 1'000'000'000).value_or(0));
  c.started_at = f.text("started_at");
  if (const auto uptime = f.whole("uptime_s", 0, 1'000'000'000'000)) c.uptime_s = static_cast<long long>(*uptime);
  return c;
}

json check_json(const HealthCheckMetrics& c) {
  json out = {{"name", c.name},
              {"target", c.target},
              {"kind", c.kind},
              {"status", to_string(c.status)},
              {"critical", c.critical},
              {"attempts", c.attempts},
              {"latency_ms", std::round(c.latency_ms * 1000.0) / 1000.0},
              {"http_status", c.http_status ? json(c.http_status) : json(nullptr)},
              {"tls", tls_json(c.tls)},
              {"error", c.error.empty() ? json(nullptr) : json(c.error)},
              {"time_to_healthy_ms", c.time_to_healthy_ms ? json(std::round(*c.time_to_healthy_ms)) : json(nullptr)}};
  // Only for their kinds: every other check's record stays as it was.
  if (c.postgres) {
    out["postgres"] = {{"server", c.postgres->server.empty() ? json(nullptr) : json(c.postgres->server)},
                       {"connect_ms", optional_ms(c.postgres->connect_ms)},
                       {"query_ms", optional_ms(c.postgres->query_ms)}};
  }
  if (c.redis) {
    out["redis"] = {{"role", c.redis->role.empty() ? json(nullptr) : json(c.redis->role)},
                    {"connected_slaves", c.redis->connected_slaves ? json(*c.redis->connected_slaves) : json(nullptr)}};
  }
  return out;
}

HealthCheckMetrics read_check(const json& item, const std::string& where) {
  const JsonFields f(item, where);
  HealthCheckMetrics c;
  c.name = f.text("name");
  c.target = f.text("target");
  c.kind = f.text("kind");
  const std::string status = f.text("status");
  const auto parsed = parse_health(status);
  if (!parsed) f.fail("status", "expected healthy, degraded or unhealthy, got \"" + status + "\"");
  c.status = *parsed;
  c.critical = f.flag("critical");
  c.attempts = f.count("attempts");
  c.latency_ms = f.number("latency_ms", 0).value_or(0.0);
  c.http_status = static_cast<long>(f.whole("http_status", 0, 999).value_or(0));
  if (const json* tls = f.object("tls")) {
    const JsonFields t(*tls, where + ": tls");
    TlsFacts facts{t.text("protocol"), t.text("cipher"), t.text("issuer"), std::nullopt};
    if (const auto days = t.whole("cert_days_left", -1'000'000, 1'000'000))
      facts.cert_days_left = static_cast<long>(*days);
    c.tls = facts;
  }
  c.error = f.text("error");
  c.time_to_healthy_ms = f.number("time_to_healthy_ms", 0);
  if (const json* pg = f.object("postgres")) {
    const JsonFields p(*pg, where + ": postgres");
    c.postgres = PostgresFacts{p.text("server"), p.number("connect_ms", 0), p.number("query_ms", 0)};
  }
  if (const json* redis = f.object("redis")) {
    const JsonFields r(*redis, where + ": redis");
    RedisFacts facts{r.text("role"), std::nullopt};
    if (const auto n = r.whole("connected_slaves", 0, 1'000'000)) facts.connected_slaves = static_cast<long>(*n);
    c.redis = facts;
  }
  if (const json* container = f.object("container")) c.container = read_container(*container, where + ": container");
  return c;
}

}  // namespace

std::string_view to_string(Health health) { return names(health); }
std::optional<Health> parse_health(std::string_view text) { return names.parse(text); }

json to_json(const HealthMetrics& metrics) {
  json checks = json::array();
  for (const auto& c : metrics.checks) {
    checks.push_back(check_json(c));
    if (c.container) checks.back()["container"] = container_json(*c.container);  // docker:// only
  }
  return {{"checks", checks}};
}

HealthMetrics health_metrics_from_json(const json& metrics, const std::string& where) {
  const JsonFields m(metrics, where);
  HealthMetrics out;
  std::size_t i = 0;
  for (const auto& item : m.array("checks"))
    out.checks.push_back(read_check(item, where + ": checks[" + std::to_string(i++) + "]"));
  return out;
}

}  // namespace readygate
