#pragma once
// The Docker Engine API's answers, read (API v1.41): GET /containers/{id}/json (ContainerInspect)
// and GET /containers/json (ContainerList); and the verdict on a container. Pure functions of the
// daemon's text, so the unit tests feed them documents written from the API reference. Nothing
// here throws on a hostile answer: what is not a container description is "nothing".
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/health_metrics.hpp"
#include "probe_result.hpp"

namespace readygate::healthcheck {

// The facts in ContainerInspect's answer, or nothing when `body` is not one (not JSON, no "Id",
// no "State" object, a field of the wrong type). `now` gives a running container's uptime_s.
std::optional<ContainerFacts> read_container_inspect(std::string_view body, std::chrono::system_clock::time_point now);

struct ListedContainer {
  std::string id, name;  // name without Docker's leading '/'
  std::string state;     // "running", "exited", …
  std::string status;    // Docker's words: "Up 5 minutes (healthy)", "Exited (3) 2 seconds ago"
};

// ContainerList's answer, or nothing when it is not an array of containers.
std::optional<std::vector<ListedContainer>> read_container_list(std::string_view body);

// The daemon's words in an error answer ({"message": "No such container: web"}), cleaned to one
// short line; "" when there are none.
std::string daemon_message(std::string_view body);

// Healthy while running with a health check that says healthy, or with no health check at all;
// unhealthy otherwise, with the reason (the exit code, the last health log line, …). A health
// check still starting is unhealthy: --wait waits for it (docs/CHECKS.md).
Verdict container_verdict(const ContainerFacts& facts);

// The verdict on the containers a label filter found: unhealthy when none, or when one of them
// is not running or its health check is not healthy (read from Docker's status words).
Verdict listed_verdict(const std::vector<ListedContainer>& containers, const std::string& filter);

// Seconds since the epoch of a time as Docker writes it ("2026-12-02T00:23:06.519199423Z", or
// with an offset "+01:00"); nothing for a malformed one or Go's zero time (year 1: never).
std::optional<std::int64_t> parse_docker_time(std::string_view text);

// "12s", "4m 10s", "2h 5m", "3d 4h".
std::string format_uptime(long long seconds);

// Text from a container, safe to show: its last non-empty line, control characters replaced,
// URL credentials hidden, at most `max_bytes` (then "…").
std::string one_line(std::string_view text, std::size_t max_bytes = 160);

}  // namespace readygate::healthcheck
