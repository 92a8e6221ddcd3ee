#pragma once
// A Markdown summary for $GITHUB_STEP_SUMMARY and merge-request comments (docs/REPORT.md,
// "The Markdown summary"), in this order:
//   1. the verdict: score and gate with a ready-score envelope; without one, the --fail-on
//      decision, or "N open findings, no gate"
//   2. the blockers                         3. the categories: score, deductions with their
//   4. the findings: secrets and security      evidence, and the evidence coverage
//      first, then the rest                 5. the checks, by their human names
//   6. the load figures of ready-bench: per phase and endpoint, charts where they say something
//   7. the header audit of ready-healthcheck: one row per missing or weak header, with its URLs
// Longer than max_markdown_bytes, it is cut at a line with a note saying so.
#include <cstddef>
#include <optional>
#include <string>

#include "common/envelope_model.hpp"
#include "common/severity.hpp"

namespace readygate::report {

inline constexpr std::size_t max_markdown_bytes = std::size_t{1024} * 1024;
inline constexpr std::size_t markdown_findings_per_tool = 25;  // rows per findings table

struct MarkdownOptions {
  std::optional<Severity> fail_on;  // ready-report --fail-on: the verdict of a run without a score
};

std::string to_markdown(const EnvelopeSet& report, const MarkdownOptions& options = {});

// Text for one table cell: no line breaks, '|' escaped, at most `max_bytes` long.
std::string table_cell(std::string_view text, std::size_t max_bytes = 160);

}  // namespace readygate::report
