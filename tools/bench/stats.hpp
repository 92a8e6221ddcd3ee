#pragma once
// What a load run measures, per endpoint and phase: counts, errors by class, bytes, and two
// latency histograms — from each request's intended start (the figure that counts: in the open
// model a stalled server cannot hide behind requests that were never sent) and from its actual
// send (the uncorrected service time). Recorded per thread, merged at the end.
#include <curl/curl.h>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/histogram.hpp"

namespace readygate::bench {

enum class ErrorClass { none = -1, connect = 0, timeout = 1, http_4xx = 2, http_5xx = 3, other = 4 };
inline constexpr std::array<const char*, 5> error_class_names{"connect", "timeout", "http_4xx", "http_5xx", "other"};

// A transfer's outcome as a class: a libcurl error, or a status that is not the expected one
// (any 2xx or 3xx when nothing is expected).
ErrorClass classify(CURLcode code, long status, std::optional<long> expect_status);

// HTTP versions a run spoke, as CURLINFO_HTTP_VERSION says them.
inline constexpr std::array<const char*, 4> protocol_names{"HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/3"};
std::optional<std::size_t> protocol_index(long curl_http_version);

struct Outcome {
  ErrorClass error = ErrorClass::none;
  std::optional<std::size_t> protocol;  // index into protocol_names, when a response came
  std::uint64_t bytes = 0;
  double latency_ms = 0;  // from the intended start
  double service_ms = 0;  // from the actual send
  bool late = false;      // found every slot busy, or sent more than late_tolerance_ms after
                          // its intended time (the client could not keep the timetable)
  bool drained = false;   // completed after the phase's deadline, during the grace
};

inline constexpr double late_tolerance_ms = 10.0;

// `requests` counts completed requests (successes and errors); `cut` the ones still in flight
// when the grace after the deadline ran out (cancelled: neither), `drained` the completed ones
// that finished during that grace (not in the rate: it counts the measured window only).
struct Stats {
  std::uint64_t requests = 0, errors = 0, bytes = 0, late = 0, cut = 0, drained = 0;
  std::array<std::uint64_t, 5> errors_by_class{};
  LatencyHistogram latency, service;

  void record(const Outcome& outcome);
  void merge(const Stats& other);
};

// One second of the run: for the per-second timeline.
struct Second {
  std::uint64_t requests = 0, errors = 0;
  LatencyHistogram latency;
};

// Everything one thread (or, merged, the whole run) recorded.
struct Recording {
  std::vector<std::vector<Stats>> by_phase_endpoint;  // [phase][endpoint]
  std::vector<Second> timeline;                       // [second since the run's first measured instant]
  std::array<std::uint64_t, 4> protocols{};           // responses by HTTP version

  Recording(std::size_t phases, std::size_t endpoints) : by_phase_endpoint(phases, std::vector<Stats>(endpoints)) {}
  void record(std::size_t phase, std::size_t endpoint, std::size_t second, const Outcome& outcome);
  void record_cut(std::size_t phase, std::size_t endpoint) { ++by_phase_endpoint[phase][endpoint].cut; }
  void merge(const Recording& other);
};

}  // namespace readygate::bench
