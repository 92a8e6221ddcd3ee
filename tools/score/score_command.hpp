#pragma once
// What `ready-score` does once its flags are parsed: read the policy and the evidence, score,
// explain on request, and write the envelope (with its inputs embedded, so that ready-report
// needs only it).
#include <optional>
#include <string>
#include <vector>

#include "common/cli.hpp"
#include "common/envelope.hpp"

namespace readygate::score {

struct ScoreCommand {
  std::vector<std::string> inputs;  // envelopes; empty: stdin
  std::vector<std::string> junit;
  std::optional<std::string> coverage;
  // --policy FILE, or the table [score.policy] of readygate.toml (its JSON, named by position).
  struct PolicySource {
    std::string name;
    std::optional<std::string> inline_text;
  };
  std::optional<PolicySource> policy;
  std::optional<double> min_score;  // overrides the policy's
  bool explain = false;
  bool print_policy = false;
};

// Exit 1 when the gate fails. Throws Error (exit 2) for a bad policy or bad input.
ExitCode run_score_command(const ScoreCommand& command, const CommonOptions& common, const RunInfo& run);

}  // namespace readygate::score
