#pragma once
// One thread's share of one phase: a few libcurl multi handles (at most multi_connections
// connections each: libcurl walks a multi's whole connection list on every transfer) driven by
// curl_multi_socket_action on one epoll, with curl's timers folded into the wait. Connections
// stay open between requests (each slot keeps its easy handle; its multi handle keeps the
// connection), a socket stays registered with epoll while its connection lives, each URL is
// parsed once (CURLOPT_CURLU), and a host is resolved once (the DNS cache never expires).
//
// Closed model: `slots` requests in flight; each completion starts the next, until the quota is
// sent (count) or the deadline passes (duration). Open model: requests start on a timetable of
// `rate` per second, whatever the server does; when every slot is busy, a due request waits for
// one and its latency still counts from its intended time (so a stalled server shows), and it
// is counted as late.
//
// Duration: at the deadline no new request starts; requests in flight get `grace` to finish
// (they count, as drained), then are cancelled and counted as cut — neither errors nor successes.
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
  Clock::duration grace{};                    // duration mode: how long requests in flight may finish
  unsigned multis = 0;                        // multi handles; 0: one per multi_connections slots
};

// The most connections one multi handle drives by default.
inline constexpr unsigned multi_connections = 50;

// What a share saw of its own end.
struct ShareEnd {
  std::optional<Clock::time_point> last_completion;
  std::uint64_t cut = 0;  // measured requests cancelled at the end of the grace
};

// Live figures for the progress line; written by the loops, read by the display.
struct LiveCounters {
  std::atomic<std::uint64_t> requests{0}, errors{0};
  std::atomic<double> recent_p95_ms{0};
};

// Runs until the share is done or `stop` is set (then requests in flight are abandoned, not
// recorded). Records into `recording`. Throws Error (exit 3) if libcurl or epoll fail.
ShareEnd run_share(const Scenario& scenario, const ShareOfPhase& share, Recording& recording, LiveCounters& live,
                   const std::atomic<bool>& stop);

}  // namespace readygate::bench
