#pragma once
// What `ready-bench` does once its flags are parsed: build the scenario (from a file or the
// flags), check every threshold before any load is sent, run, and write the envelope.
#include <optional>
#include <string>
#include <vector>

#include "common/cli.hpp"
#include "common/envelope.hpp"
#include "scenario.hpp"

namespace readygate::bench {

struct BenchCommand {
  std::optional<std::string> scenario_file;
  std::string base_url;        // overrides the scenario's
  Endpoint endpoint_template;  // method, headers, body, expect_status for --url
  std::vector<std::string> urls;
  Phase phase;  // for --url runs
  std::vector<std::string> thresholds;
  std::optional<std::chrono::milliseconds> timeout;
  bool http2 = false, insecure = false;
  unsigned threads = 0;        // 0: one per core
  std::optional<Shard> shard;  // --shard K/N: this generator's share of the load
};

// Builds the scenario; throws Error (exit 2) for any mistake, before any request is sent.
Scenario build_scenario(const BenchCommand& command);

// Exit 1 when a threshold fails, or, with no threshold given, when no request succeeded (the
// reason on stderr; the envelope is still written); errors are counted on stderr in every run.
// Exit 3 (after writing the partial figures) when interrupted.
ExitCode run_bench_command(const BenchCommand& command, const CommonOptions& common, const RunInfo& run);

}  // namespace readygate::bench
