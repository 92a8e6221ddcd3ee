#pragma once
// What a run's errors say on stderr, from its figures (pure functions, unit-tested):
//   errors_warning     "12 errors of 5,000 requests (0.24 %): 10 timeout, 2 http_5xx"
//   cut_note           "3 requests in flight at the end of -d 5s were cut after a grace of 1s
//                      (counted as cut: neither errors nor successes)"
//   no_success_reason  "no request succeeded: 2,000 of 2,000 connect errors (could not connect
//                      to 127.0.0.1:9)", or "… http_4xx errors (answered 4xx; expected 200–399)"
// A run without thresholds exits 1 with the reason, so that a wrong port or a wrong path never
// passes as thousands of requests per second.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "common/bench_metrics.hpp"
#include "scenario.hpp"

namespace readygate::bench {

// Empty when there was no error.
std::string errors_warning(const BenchFigures& overall);

// What a duration phase's end did to `cut` requests still in flight (`cut` > 0).
std::string cut_note(std::uint64_t cut, const Phase& phase, std::chrono::milliseconds grace);

// Nothing when at least one request succeeded.
std::optional<std::string> no_success_reason(const BenchFigures& overall, const Scenario& scenario);

// "4s", "1.5s", "250ms", as -d is typed.
std::string duration_text(std::chrono::milliseconds d);

// "1,234,567": counts as people read them in messages.
std::string grouped(std::uint64_t n);

}  // namespace readygate::bench
