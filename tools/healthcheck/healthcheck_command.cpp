#include "healthcheck_command.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "common/http_syntax.hpp"
#include "common/json_stream.hpp"
#include "common/log.hpp"
#include "common/number_format.hpp"
#include "common/output.hpp"
#include "common/redact.hpp"
#include "header_audit.hpp"
#include "healthcheck_text.hpp"
#include "probe_docker.hpp"
#include "prober.hpp"

namespace readygate::healthcheck {
namespace {

using nlohmann::json;

std::string host_and_path(const std::string& url) {
  const std::size_t scheme = url.find("://");
  return scheme == std::string::npos ? url : url.substr(scheme + 3);
}

// An http target whose https twin (same host and path) is probed too must redirect to it.
bool has_https_twin(const HealthConfig& config, const CheckSpec& check) {
  if (check.url.rfind("http://", 0) != 0) return false;
  std::string plain = host_and_path(check.url);
  const auto strip_port = [](std::string s) {
    const std::size_t slash = s.find('/');
    const std::size_t colon = s.find(':');
    if (colon != std::string::npos && (slash == std::string::npos || colon < slash))
      s.erase(colon, slash == std::string::npos ? std::string::npos : slash - colon);
    return s;
  };
  plain = strip_port(plain);
  return std::any_of(config.checks.begin(), config.checks.end(), [&](const CheckSpec& other) {
    return other.url.rfind("https://", 0) == 0 && strip_port(host_and_path(other.url)) == plain;
  });
}

}  // namespace

HealthConfig build_config(const HealthcheckCommand& c) {
  HealthConfig config;
  if (c.config) {
    const auto documents = parse_json_documents(read_input(*c.config), *c.config);
    if (documents.size() != 1) throw_input_error(*c.config + ": expected one config document");
    config = parse_health_config(documents.front(), *c.config, c.base_url);
  }
  for (const auto& text : c.checks) {
    CheckSpec check = parse_check_flag(text);
    for (const auto& other : config.checks) {
      if (other.name == check.name)
        throw_input_error("--check " + check.name + ": two checks are named \"" + check.name + "\"");
    }
    config.checks.push_back(std::move(check));
  }
  if (config.checks.empty())
    throw_input_error("nothing to check: give URLs, --check [NAME=]URL (repeatable) or -c FILE");
  for (auto& check : config.checks) {
    for (const auto& h : c.headers) {
      check_header_syntax(h, "--header");
      check.headers.push_back(h);
    }
    if (c.timeout) check.timeout = *c.timeout;
    if (c.retries) check.retries = *c.retries;
  }
  if (c.interval) config.interval = *c.interval;
  if (c.cert_warn_days) config.cert_warn_days = *c.cert_warn_days;
  if (c.cert_fail_days) config.cert_fail_days = *c.cert_fail_days;
  config.insecure = config.insecure || c.insecure;
  if (!c.cacert.empty()) config.cacert = c.cacert;
  if (!config.cacert.empty()) read_input(config.cacert);
  const auto is_docker = [](const CheckSpec& check) { return check.kind == ProbeKind::docker; };
  if (std::any_of(config.checks.begin(), config.checks.end(), is_docker)) {
    config.docker_socket = docker_socket(std::getenv("DOCKER_HOST"));  // tcp://: exit 2 now
  }  // unreadable: exit 2 now, not a failed check later
  return config;
}

ExitCode run_healthcheck_command(const HealthcheckCommand& command, const CommonOptions& common, const RunInfo& run) {
  HealthConfig config = build_config(command);
  expand_docker_labels(config);
  const auto outcomes = probe_all(config, command.wait);

  HealthMetrics metrics;
  std::vector<Finding> findings;
  json envelope = make_envelope("healthcheck", run, redact_url_credentials(config.checks.front().url));
  std::size_t healthy = 0, degraded = 0, unhealthy = 0, critical_down = 0;
  for (std::size_t i = 0; i < config.checks.size(); ++i) {
    const CheckSpec& spec = config.checks[i];
    const CheckOutcome& o = outcomes[i];
    const std::string target = redact_url_credentials(spec.url);
    const Health health = o.verdict.health;
    healthy += health == Health::healthy;
    degraded += health == Health::degraded;
    unhealthy += health == Health::unhealthy;
    critical_down += health == Health::unhealthy && spec.critical;
    metrics.checks.push_back({spec.name, target, kind_name(spec), health, spec.critical, o.attempts, o.last.latency_ms,
                              spec.kind == ProbeKind::docker ? 0 : o.last.http_status, o.last.tls, o.verdict.reason,
                              o.time_to_healthy_ms, o.last.postgres, o.last.redis, o.last.container});

    const CheckStatus status = health == Health::healthy                      ? CheckStatus::pass
                               : health == Health::degraded || !spec.critical ? CheckStatus::warn
                                                                              : CheckStatus::fail;
    const std::string message = spec.name + " (" + target + ") is " + std::string(to_string(health)) +
                                (o.verdict.reason.empty() ? "" : ": " + o.verdict.reason) + " after " +
                                std::to_string(o.attempts) + " attempt(s)";
    envelope["checks"].push_back(to_json(Check{"health." + spec.name, "Health: " + spec.name, status, message,
                                               o.last.latency_ms, std::nullopt, "", "ms"}));
    // The words match the verdict: a critical check down fails the run (exit 1), another is a warning.
    if (health == Health::unhealthy && spec.critical) {
      log_error("critical check down: " + message);
    } else if (health == Health::unhealthy) {
      log_warning("check down (not critical): " + message);
    }

    if (command.audit_headers && spec.kind == ProbeKind::http && o.last.transport_ok) {
      for (auto& f : audit_headers(target, spec.url.rfind("https://", 0) == 0, has_https_twin(config, spec),
                                   o.last.http_status, o.last.headers)) {
        findings.push_back(std::move(f));
      }
    }
  }
  json by_severity = json::object();
  for (const auto& f : findings) {
    const std::string severity(to_string(f.severity));
    by_severity[severity] = by_severity.value(severity, 0) + 1;
  }
  envelope["summary"] = {{"checks", config.checks.size()},
                         {"healthy", healthy},
                         {"degraded", degraded},
                         {"unhealthy", unhealthy},
                         {"critical_unhealthy", critical_down},
                         {"findings", findings.size()},
                         {"by_severity", by_severity}};
  envelope["metrics"] = to_json(metrics);
  for (const auto& f : findings) envelope["findings"].push_back(to_json(f));
  if (common.output_format() == OutputFormat::text) {
    write_text_output(render_healthcheck_text(metrics, findings, TextStyle::for_output(common.output)), common.output);
  } else {
    write_json_output(envelope, common.output, common.pretty);
  }
  if (critical_down > 0) {
    log_error(health_verdict(metrics));
  } else {
    log_info(health_verdict(metrics));
  }
  return critical_down > 0 ? ExitCode::check_failed : ExitCode::ok;
}

}  // namespace readygate::healthcheck
