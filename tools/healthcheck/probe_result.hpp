#pragma once
// What one attempt at a check saw, and the verdict on it.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/health_metrics.hpp"  // Health, TlsFacts, PostgresFacts, RedisFacts, ContainerFacts

namespace readygate::healthcheck {

struct Attempt {
  bool transport_ok = false;
  std::string error;  // libcurl's own words when the transport failed
  long http_status = 0;
  double latency_ms = 0;
  std::string body;                                          // the first 1 MiB
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case, in order
  std::optional<TlsFacts> tls;
  std::optional<PostgresFacts> postgres;    // postgres:// checks
  std::optional<RedisFacts> redis;          // redis:// checks
  std::optional<ContainerFacts> container;  // docker://NAME: what the daemon said about it
};

struct Verdict {
  Health health = Health::unhealthy;
  std::string reason;  // why not healthy; empty when healthy
};

}  // namespace readygate::healthcheck
