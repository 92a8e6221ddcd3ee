#pragma once
// Why a --fail-on exits 1 (DESIGN.md, "A non-zero exit always says why"): the one message
// ready-scan and ready-report write on stderr, so that both say it in the same words.
#include <cstddef>
#include <string>
#include <vector>

#include "finding.hpp"
#include "severity.hpp"

namespace readygate {

inline constexpr std::size_t fail_on_reason_shown = 10;

// Empty when no finding counts against `threshold` (counts_against, finding_counts.hpp). Else
//   3 findings at or above high (--fail-on high):
//     src/app.py:12  critical  py.eval
//     …
//     … and 2 more
// most severe first, then by path, line and rule; at most `shown` lines of findings. A finding
// without a location is named by its target (a URL) instead of path:line. Ends with a newline.
std::string fail_on_reason(const std::vector<Finding>& findings, Severity threshold,
                           std::size_t shown = fail_on_reason_shown);

}  // namespace readygate
