#pragma once
// What `ready-healthcheck` does once its flags are parsed: probe every check at once (waiting
// for critical ones with --wait), audit headers on request, and write the envelope:
//   metrics: one entry per probe (common/health_metrics.hpp)
//   checks: one per probe ("health.<name>": pass / warn when degraded or a non-critical
//           check is down / fail when a critical check is down)
//   findings: the header audit's (no file location; "target" is the URL)
#include <optional>
#include <string>
#include <vector>

#include "check_spec.hpp"
#include "common/cli.hpp"
#include "common/envelope.hpp"

namespace readygate::healthcheck {

struct HealthcheckCommand {
  std::vector<std::string> checks;    // NAME=URL
  std::optional<std::string> config;  // -c FILE
  std::string base_url;               // replaces the config's base_url
  std::vector<std::string> headers;
  std::optional<std::chrono::milliseconds> wait, interval, timeout;
  std::optional<unsigned> retries;
  std::optional<int> cert_warn_days, cert_fail_days;
  bool audit_headers = false, insecure = false;
  std::string cacert;
};

HealthConfig build_config(const HealthcheckCommand& command);

// Exit 1 when a critical check is unhealthy.
ExitCode run_healthcheck_command(const HealthcheckCommand& command, const CommonOptions& common, const RunInfo& run);

}  // namespace readygate::healthcheck
