#pragma once
// JUnit XML for GitLab's and GitHub's test reports, valid against the common junit-10.xsd
// (docs/REPORT.md, "JUnit"):
//   <testsuites name="readygate" tests failures errors time>
//     <testsuite name="readygate.scan" tests failures errors skipped time timestamp>
//       <testcase classname="readygate.scan" name="scan.unreadable: Every file could be read"/>  a check
//       <testcase classname="readygate.scan" name="py.eval: Use of eval()">                      a rule
//         <failure type="high" message="1 finding at or above high">src/app.py:12:5 high …</failure>
//         <system-out>the rule's findings that do not fail the gate</system-out>
//     <testsuite name="readygate.score"> … <testcase name="blocker: critical finding …"> <failure/>
// One case per check and one per rule that has findings, so that a case keeps its name from
// run to run (GitLab compares cases by classname and name between pipelines).
//
// A case fails only when it makes the gate fail; a passing gate has no failing case:
// - the gate: the score's decision when a ready-score envelope is among the inputs, or
//   ready-report's --fail-on crossed (either fails it); with neither, the producers' own
//   verdicts (a check that failed: a crossed threshold, a critical check down, a --fail-on).
// - a rule fails when some of its findings are at or above --fail-on (counts_against) or are a
//   score blocker; the failure text lists those findings, the rest go to <system-out>.
// - a check fails (fail -> <failure>, error -> <error>) when its status says so and the gate
//   failed; in a passing gate it passes with its status in <system-out>.
// - skip -> <skipped>; a rule whose findings are all suppressed or in the baseline -> <skipped>.
// - each score blocker is a failing case of its own in the score's suite.
#include <optional>
#include <string>

#include "common/envelope_model.hpp"
#include "common/severity.hpp"

namespace readygate::report {

struct JunitOptions {
  std::optional<Severity> fail_on;  // ready-report --fail-on
};

std::string to_junit(const EnvelopeSet& report, const JunitOptions& options = {});

}  // namespace readygate::report
