#include "bench_run.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>

#include "bench_outcome.hpp"
#include "common/log.hpp"
#include "load_loop.hpp"

namespace readygate::bench {
namespace {

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void on_sigint(int) { interrupted().store(true); }

// The progress line: elapsed, requests, RPS, errors and the recent p95, redrawn 4 times a second.
class LiveDisplay {
 public:
  LiveDisplay(ProgressMode mode, const LiveCounters& live) : m_live(live) {
    const bool enabled = mode == ProgressMode::always || (mode == ProgressMode::automatic && stderr_is_terminal());
    if (!enabled) return;
    m_thread = std::thread([this] {
      const auto start = std::chrono::steady_clock::now();
      std::unique_lock lock(m_mutex);
      while (!m_wake.wait_for(lock, std::chrono::milliseconds(250), [this] { return m_stopped; })) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const auto requests = m_live.requests.load();
        char line[160];
        std::snprintf(line, sizeof line, "\r\033[K%6.1fs  %llu requests  %.0f rps  %llu errors  p95 %.1f ms", elapsed,
                      static_cast<unsigned long long>(requests),
                      elapsed > 0 ? static_cast<double>(requests) / elapsed : 0.0,
                      static_cast<unsigned long long>(m_live.errors.load()), m_live.recent_p95_ms.load());
        std::cerr << line << std::flush;
      }
      std::cerr << "\r\033[K" << std::flush;
    });
  }
  ~LiveDisplay() {
    {
      std::lock_guard lock(m_mutex);
      m_stopped = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
  }

 private:
  const LiveCounters& m_live;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stopped = false;
  std::thread m_thread;
};

// The phase's clock: in duration mode the rate counts the requests completed inside the
// window (warm-up end → deadline) over that window, and the grace after it is the drain.
PhaseTiming timing(const Phase& phase, Clock::time_point measure_from, Clock::time_point end,
                   const std::vector<ShareEnd>& ends, std::chrono::milliseconds timeout) {
  using Seconds = std::chrono::duration<double>;
  PhaseTiming out;
  out.measured_s = Seconds(end - measure_from).count();
  if (!phase.duration) return out;
  const Clock::time_point deadline = measure_from + *phase.duration;
  out.window_s = Seconds(std::min(deadline, end) - measure_from).count();
  std::uint64_t cut = 0;
  std::optional<Clock::time_point> last;
  for (const ShareEnd& e : ends) {
    cut += e.cut;
    if (e.last_completion && (!last || *e.last_completion > *last)) last = e.last_completion;
  }
  const Clock::time_point drain_end = cut > 0 ? end : last.value_or(deadline);
  out.drain_s = std::max(0.0, Seconds(drain_end - deadline).count());
  if (cut > 0) log_warning(cut_note(cut, phase, grace_after_deadline(timeout)));
  return out;
}

}  // namespace

std::atomic<bool>& interrupted() {
  static std::atomic<bool> flag{false};
  return flag;
}

std::chrono::milliseconds grace_after_deadline(std::chrono::milliseconds timeout) {
  return std::min(timeout, std::chrono::milliseconds(1000));
}

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

RunResult run_scenario(const Scenario& scenario, unsigned threads, ProgressMode progress) {
  RunResult result(scenario);
  LiveCounters live;
  LiveDisplay display(progress, live);
  const auto wall_start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  Clock::time_point run_origin{};
  unsigned busiest = 1;

  for (std::size_t p = 0; p < scenario.phases.size() && !interrupted().load(); ++p) {
    const Phase& phase = scenario.phases[p];
    // No more threads than there are requests in flight: every thread needs a slot.
    const unsigned used = std::max(1u, std::min(threads, phase.concurrency));
    busiest = std::max(busiest, used);
    const Clock::time_point start = Clock::now();
    const Clock::time_point measure_from = start + phase.warmup;
    if (p == 0) run_origin = measure_from;
    std::vector<ShareOfPhase> shares(used);
    for (unsigned t = 0; t < used; ++t) {
      ShareOfPhase& s = shares[t];
      s.phase_index = p;
      s.slots = phase.concurrency / used + (t < phase.concurrency % used ? 1 : 0);
      if (phase.requests) s.quota = *phase.requests / used + (t < *phase.requests % used ? 1 : 0);
      if (phase.duration) s.deadline = measure_from + *phase.duration;
      s.grace = grace_after_deadline(scenario.timeout);
      s.start = start;
      s.measure_from = measure_from;
      s.run_origin = run_origin;
      if (phase.rate) {
        // The timetable is shared out: thread t takes slots t, t+T, t+2T, … of the whole.
        s.rate = *phase.rate / used;
        s.first_offset = phase.timetable_offset_s + static_cast<double>(t) / *phase.rate;
      }
    }
    std::vector<Recording> recordings(used, Recording(scenario.phases.size(), scenario.endpoints.size()));
    std::vector<std::exception_ptr> failures(used);
    std::vector<ShareEnd> ends(used);
    {
      std::vector<std::jthread> workers;
      for (unsigned t = 0; t < used; ++t) {
        workers.emplace_back([&, t] {
          try {
            ends[t] = run_share(scenario, shares[t], recordings[t], live, interrupted());
          } catch (...) {
            failures[t] = std::current_exception();
            interrupted().store(true);
          }
        });
      }
    }
    for (const auto& failure : failures) {
      if (failure) std::rethrow_exception(failure);
    }
    for (const auto& r : recordings) result.recording.merge(r);
    result.phases.push_back(timing(phase, measure_from, Clock::now(), ends, scenario.timeout));
  }
  result.partial = interrupted().load();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  result.cpu_utilisation = wall > 0 ? (cpu_seconds() - cpu_start) / (wall * cores) : 0.0;
  result.threads = busiest;
  return result;
}

}  // namespace readygate::bench
