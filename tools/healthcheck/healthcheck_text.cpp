#include "healthcheck_text.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "common/number_format.hpp"
#include "docker_state.hpp"

namespace readygate::healthcheck {
namespace {

std::string status_cell(Health health, const TextStyle& style) {
  switch (health) {
    case Health::healthy:
      return style.pass(true) + " healthy";
    case Health::degraded:
      return style.paint(Paint::yellow, "! degraded");
    case Health::unhealthy:
      return style.pass(false) + " " + style.paint(Paint::red, "unhealthy");
  }
  return "";
}

// "accepting · connect 1.2 ms · query 0.3 ms", "role master · 2 connected replicas".
std::string service_facts(const HealthCheckMetrics& c) {
  std::string out;
  const auto add = [&](const std::string& part) { out += (out.empty() ? "" : " · ") + part; };
  if (c.postgres) {
    add("postgres: " + (c.postgres->server.empty() ? std::string("not reached") : c.postgres->server));
    if (c.postgres->connect_ms) add("connect " + format_number(*c.postgres->connect_ms) + " ms");
    if (c.postgres->query_ms) add("query " + format_number(*c.postgres->query_ms) + " ms");
  }
  if (c.redis) {
    add("redis: role " + (c.redis->role.empty() ? std::string("unknown") : c.redis->role));
    if (c.redis->connected_slaves) {
      add(std::to_string(*c.redis->connected_slaves) +
          (*c.redis->connected_slaves == 1 ? " connected replica" : " connected replicas"));
    }
  }
  return out;
}

// What the Docker daemon said about each docker:// container: state, health, restarts, uptime and
// the last health check's output (or that there is no health check).
std::string containers_section(const HealthMetrics& metrics, const TextStyle& style) {
  std::vector<const HealthCheckMetrics*> rows;
  std::size_t name_width = 9;
  for (const auto& c : metrics.checks) {
    if (!c.container) continue;
    rows.push_back(&c);
    name_width = std::max(name_width, display_width(c.name));
  }
  if (rows.empty()) return "";
  std::string out = style.section("Containers");
  out += "  " + pad_right("container", name_width) + "  " + pad_right("id", 12) + "  " + pad_right("state", 10) + "  " +
         pad_right("health", 9) + pad_left("restarts", 10) + pad_left("uptime", 9) + "  last health check\n";
  for (const HealthCheckMetrics* c : rows) {
    const ContainerFacts& f = *c->container;
    std::string state = f.state;
    if (f.exit_code) state += " (" + std::to_string(*f.exit_code) + ")";
    const Paint state_paint = f.state == "running" ? Paint::green : Paint::red;
    const Paint health_paint = f.health == "healthy"    ? Paint::green
                               : f.health == "starting" ? Paint::yellow
                                                        : Paint::red;
    std::string note = f.health_log;
    if (f.health.empty() && f.state == "running") note = "running, no health check";
    std::string line = "  " + pad_right(c->name, name_width) + "  " + pad_right(f.id, 12) + "  " +
                       pad_right(style.paint(state_paint, state), 10) + "  " +
                       pad_right(f.health.empty() ? "—" : style.paint(health_paint, f.health), 9) +
                       pad_left(std::to_string(f.restart_count), 10) +
                       pad_left(f.uptime_s ? format_uptime(*f.uptime_s) : "—", 9) + "  " +
                       (note.empty() ? "" : style.paint(Paint::dim, note));
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string health_verdict(const HealthMetrics& metrics) {
  std::size_t healthy = 0, degraded = 0, unhealthy = 0;
  std::vector<std::string> down;
  for (const auto& c : metrics.checks) {
    healthy += c.status == Health::healthy;
    degraded += c.status == Health::degraded;
    unhealthy += c.status == Health::unhealthy;
    if (c.status == Health::unhealthy && c.critical) down.push_back(c.name);
  }
  std::string out;
  if (down.empty()) {
    out = "PASS: every critical check is healthy";
  } else {
    out = "FAIL: " + std::to_string(down.size()) + (down.size() == 1 ? " critical check" : " critical checks") +
          " down (";
    for (std::size_t i = 0; i < down.size(); ++i) out += (i ? ", " : "") + down[i];
    out += ")";
  }
  const std::size_t total = metrics.checks.size();
  out += " — " + std::to_string(total) + (total == 1 ? " check: " : " checks: ") + std::to_string(healthy) +
         " healthy, " + std::to_string(degraded) + " degraded, " + std::to_string(unhealthy) + " unhealthy";
  const std::size_t warnings = unhealthy - down.size();
  if (warnings > 0) out += " (" + std::to_string(warnings) + " not critical: a warning)";
  return out;
}

std::string render_healthcheck_text(const HealthMetrics& metrics, const std::vector<Finding>& findings,
                                    const TextStyle& style) {
  std::string out = style.paint(Paint::bold, "ready-healthcheck") + "  " + std::to_string(metrics.checks.size()) +
                    (metrics.checks.size() == 1 ? " check\n" : " checks\n");
  out += style.section("Checks");
  std::size_t name_width = 5, target_width = 6;
  for (const auto& c : metrics.checks) {
    name_width = std::max(name_width, display_width(c.name));
    target_width = std::max(target_width, display_width(c.target));
  }
  out += "  " + pad_right("status", 12) + "  " + pad_right("check", name_width) + "  " +
         pad_right("target", target_width) + "  " + pad_right("critical", 8) + pad_left("latency", 11) +
         pad_left("http", 6) + pad_left("tls days", 10) + "  error\n";
  for (const auto& c : metrics.checks) {
    std::string tls = "—";
    if (c.tls && c.tls->cert_days_left) {
      tls = std::to_string(*c.tls->cert_days_left);
    }
    const std::string critical = c.critical ? "yes" : "no";
    out += "  " + pad_right(status_cell(c.status, style), 12) + "  " + pad_right(c.name, name_width) + "  " +
           pad_right(c.target, target_width) + "  " + pad_right(critical, 8) +
           pad_left(format_number(c.latency_ms) + " ms", 11) +
           pad_left(c.http_status ? std::to_string(c.http_status) : "—", 6) + pad_left(tls, 10) + "  " +
           (c.error.empty() ? "" : style.paint(c.status == Health::unhealthy ? Paint::red : Paint::yellow, c.error)) +
           "\n";
  }
  // Trailing spaces of an empty error column are not kept.
  std::string trimmed;
  for (std::size_t start = 0; start < out.size();) {
    const std::size_t end = out.find('\n', start);
    std::string line = out.substr(start, end - start);
    line.erase(line.find_last_not_of(' ') + 1);
    trimmed += line + "\n";
    start = end + 1;
  }
  out = trimmed;
  out += containers_section(metrics, style);

  // What the service probes learned, one line per check that has something to say.
  std::string services;
  for (const auto& c : metrics.checks) {
    const std::string facts = service_facts(c);
    if (!facts.empty()) services += "  " + pad_right(c.name, name_width) + "  " + facts + "\n";
  }
  if (!services.empty()) out += style.section("Services") + services;

  if (!findings.empty()) {
    out += style.section("Security headers");
    std::set<std::string> http_targets;  // what the audit read
    for (const auto& c : metrics.checks) {
      if (c.kind == "http" || c.kind == "https") http_targets.insert(c.target);
    }
    // One entry per rule (a missing or weak header), in order of severity, then rule.
    std::map<std::string, std::vector<const Finding*>> by_rule;
    for (const auto& f : findings) by_rule[f.rule].push_back(&f);
    std::vector<const std::vector<const Finding*>*> groups;
    groups.reserve(by_rule.size());
    for (const auto& [rule, list] : by_rule) groups.push_back(&list);
    std::stable_sort(groups.begin(), groups.end(),
                     [](const auto* a, const auto* b) { return a->front()->severity > b->front()->severity; });
    for (const auto* list : groups) {
      const Finding& first = *list->front();
      out += "  " + pad_right(style.severity(first.severity), 8) + "  " + first.rule + "  " +
             (first.title.empty() ? first.message : first.title) + "\n";
      std::vector<std::string> targets;
      for (const Finding* f : *list) {
        if (std::find(targets.begin(), targets.end(), f->target) == targets.end()) targets.push_back(f->target);
      }
      // A header missing everywhere is one line, not the whole list of URLs again.
      if (targets.size() > 1 && targets.size() == http_targets.size()) {
        out += "            " + style.paint(Paint::dim, "every HTTP check (" + std::to_string(targets.size()) + ")") +
               "\n";
        continue;
      }
      for (const auto& t : targets) out += "            " + style.paint(Paint::dim, t) + "\n";
    }
  }
  const std::string verdict = health_verdict(metrics);
  const bool failed = verdict.rfind("FAIL", 0) == 0;
  out += "\n" + style.paint(failed ? Paint::red : Paint::green, verdict) + "\n";
  return out;
}

}  // namespace readygate::healthcheck
