#pragma once
// Runs every check at once on one libcurl multi handle; postgres:// and redis:// attempts run on
// a thread each (their clients block) and wake the multi loop when done. A check that is not
// healthy is tried again after a backoff (200 ms, doubling, at most 5 s) while it has retries
// left — or, with `wait`, every `interval` until the wait runs out. Degraded counts as up: it is
// not retried. The run returns as soon as every check is decided.
#include <chrono>
#include <optional>
#include <vector>

#include "check_spec.hpp"
#include "probe_result.hpp"

namespace readygate::healthcheck {

struct CheckOutcome {
  Attempt last;  // the final attempt
  Verdict verdict;
  unsigned attempts = 0;
  std::optional<double> time_to_healthy_ms;  // since the run began, when it came up
};

std::vector<CheckOutcome> probe_all(const HealthConfig& config, std::optional<std::chrono::milliseconds> wait);

}  // namespace readygate::healthcheck
