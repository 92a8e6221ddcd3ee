#pragma once
// What a run's errors say on stderr, from its figures (pure functions, unit-tested):
//   errors_warning     "12 errors of 5,000 requests (0.24 %): 10 timeout, 2 http_5xx"
//   no_success_reason  "no request succeeded: 2,000 of 2,000 connect errors (could not connect
//                      to 127.0.0.1:9)", or "… http_4xx errors (answered 4xx; expected 200–399)"
// A run without thresholds exits 1 with the reason, so that a wrong port or a wrong path never
// passes as thousands of requests per second.
#include <optional>
#include <string>

#include "common/bench_metrics.hpp"
#include "scenario.hpp"

namespace readygate::bench {

// Empty when there was no error.
std::string errors_warning(const BenchFigures& overall);

// Nothing when at least one request succeeded.
std::optional<std::string> no_success_reason(const BenchFigures& overall, const Scenario& scenario);

// "1,234,567": counts as people read them in messages.
std::string grouped(std::uint64_t n);

}  // namespace readygate::bench
