#pragma once
// What `ready-report` does once its flags are parsed: read envelopes, gather them, and write
// each requested format. "-" as a destination is stdout (at most one output may use it).
#include <optional>
#include <string>
#include <vector>

#include "common/cli.hpp"
#include "common/envelope.hpp"
#include "common/severity.hpp"
#include "step_outputs.hpp"

namespace readygate::report {

struct ReportCommand {
  std::vector<std::string> inputs;                  // empty: stdin
  std::string sarif, junit, codequality, markdown;  // empty: not written
  bool annotations = false;                         // to stdout
  std::optional<Severity> fail_on;
  StepOutputs step_outputs;  // --github-output, --dotenv
};

// Exit 1 when --fail-on is crossed. Throws Error: 2 for bad input or flags, 3 for write errors.
ExitCode run_report_command(const ReportCommand& command, const CommonOptions& common, const RunInfo& run);

}  // namespace readygate::report
