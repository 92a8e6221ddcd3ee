#pragma once
// JUnit XML for GitLab's and GitHub's test reports, valid against the common junit-10.xsd:
//   <testsuites name="readygate">
//     <testsuite name="readygate.scan" tests failures errors skipped time timestamp>
//       <testcase classname="readygate.scan" name="scan.unreadable: …"/>            a check
//       <testcase classname="src/app.py" name="py.eval at src/app.py:12">            a finding
//         <failure type="high" message="…">src/app.py:12:5: … (snippet, fix)</failure>
// Checks: fail -> <failure> (value vs limit), error -> <error>, skip -> <skipped>, warn ->
// passed with the warning in <system-out>. Findings: <failure>, or <skipped> when suppressed
// or already in the baseline. The schema has no file/line attributes on a testcase, so the
// location is the classname and the start of the failure text.
#include <string>

#include "common/envelope_model.hpp"

namespace readygate::report {

std::string to_junit(const EnvelopeSet& report);

}  // namespace readygate::report
