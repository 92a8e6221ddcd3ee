#pragma once
// One thread's share of one phase: a libcurl multi handle driven by curl_multi_socket_action
// on epoll, with curl's timer folded into the wait. Connections stay open between requests
// (each slot keeps its easy handle; the multi handle keeps the connections), and a host is
// resolved once (the DNS cache never expires during a run).
//
// Closed model: `slots` requests in flight; each completion starts the next, until the quota is
// sent (count) or the deadline passes (duration). Open model: requests start on a timetable of
// `rate` per second, whatever the server does; when every slot is busy, a due request waits for
// one and its latency still counts from its intended time (so a stalled server shows), and it
// is counted as late.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>

#include "scenario.hpp"
#include "stats.hpp"

namespace readygate::bench {

using Clock = std::chrono::steady_clock;

struct ShareOfPhase {
  std::size_t phase_index = 0;
  unsigned slots = 1;                         // most requests in flight
  std::optional<std::uint64_t> quota;         // measured requests to send (count mode)
  std::optional<Clock::time_point> deadline;  // no new request after it (duration mode)
  Clock::time_point start, measure_from;      // the phase start, and the end of its warm-up
  Clock::time_point run_origin;               // second 0 of the timeline
  double rate = 0;                            // open model: this thread's requests per second
  double first_offset = 0;                    // open model: where this thread's timetable starts, s
};

// Live figures for the progress line; written by the loops, read by the display.
struct LiveCounters {
  std::atomic<std::uint64_t> requests{0}, errors{0};
  std::atomic<double> recent_p95_ms{0};
};

// Runs until the share is done or `stop` is set (then requests in flight are abandoned, not
// recorded). Records into `recording`. Throws Error (exit 3) if libcurl or epoll fail.
void run_share(const Scenario& scenario, const ShareOfPhase& share, Recording& recording, LiveCounters& live,
               const std::atomic<bool>& stop);

}  // namespace readygate::bench
