#pragma once
// A whole run: the scenario's phases in order, each split across the threads (counts exactly:
// N requests over T threads is N in total), the threads' recordings merged at the end.
// SIGINT stops the run at once; what was gathered is kept and the run is marked partial.
#include <atomic>
#include <chrono>
#include <optional>
#include <vector>

#include "common/progress.hpp"
#include "scenario.hpp"
#include "stats.hpp"

namespace readygate::bench {

struct PhaseTiming {
  double measured_s = 0;           // from the end of the warm-up to the last completion (or cut)
  std::optional<double> window_s;  // duration mode: from the end of the warm-up to the deadline,
                                   // the time the rate is over (count mode: measured_s)
  std::optional<double> drain_s;   // duration mode: from the deadline to the last completion or cut
};

// How long requests in flight at the end of a duration may still finish before they are cut:
// the request timeout, at most one second (k6's gracefulStop, shorter).
std::chrono::milliseconds grace_after_deadline(std::chrono::milliseconds timeout);

struct RunResult {
  Recording recording;
  std::vector<PhaseTiming> phases;
  bool partial = false;        // interrupted (SIGINT)
  double cpu_utilisation = 0;  // the client's CPU time over wall time × cores, 0–1
  unsigned threads = 1;

  explicit RunResult(const Scenario& s) : recording(s.phases.size(), s.endpoints.size()) {}
};

RunResult run_scenario(const Scenario& scenario, unsigned threads, ProgressMode progress);

// Set by SIGINT; the loops stop when they see it.
std::atomic<bool>& interrupted();
void install_interrupt_handler();

}  // namespace readygate::bench
