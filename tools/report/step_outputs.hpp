#pragma once
// --github-output FILE and --dotenv FILE: the gate's verdict in the two forms CI reads, so that
// the scripts around the programs need no JSON tool. The verdict is never worked out again here:
// with a score envelope it is the score's gate as ready-score decided it; without one (a scan
// only) it is ready-report's own --fail-on decision, the one its exit code gives.
#include <optional>
#include <string>
#include <vector>

#include "common/envelope_model.hpp"

namespace readygate::report {

struct StepOutputs {
  std::string github_output;  // appended to: score=, passed=, findings=, sarif= (GitHub's key=value)
  std::string dotenv;         // written: READYGATE_SCORE=, READYGATE_PASSED=, READYGATE_FINDINGS=
};

struct Verdict {
  std::optional<double> score;  // none without a score envelope
  bool passed = true;
  std::size_t findings = 0;
};

// `findings` counts the open findings of every tool (count_open, common/finding_counts.hpp) as
// gather_envelopes merged them: shards add up, a finding both the tree and the history scan
// found (one fingerprint) counts once, header-audit findings count too.
// `fail_on_passed`: no finding crossed --fail-on (true without --fail-on).
Verdict verdict_of(const EnvelopeSet& report, bool fail_on_passed);

// Throws Error: 2 for a --sarif path that cannot be a one-line value, 3 when a file cannot be written.
void write_step_outputs(const StepOutputs& outputs, const Verdict& verdict, const std::string& sarif);

}  // namespace readygate::report
