#pragma once
// A Markdown summary for $GITHUB_STEP_SUMMARY and merge-request comments: the verdict first
// (score and gate when a ready-score envelope is present), blockers, the score by category,
// then per tool its top findings with path:line, its checks with value against limit, and for
// ready-bench the latency percentiles per endpoint with Mermaid charts (GitHub and GitLab
// render them). Longer than max_markdown_bytes, it is cut at a line with a note saying so.
#include <cstddef>
#include <string>

#include "common/envelope_model.hpp"

namespace readygate::report {

inline constexpr std::size_t max_markdown_bytes = std::size_t{1024} * 1024;
inline constexpr std::size_t markdown_findings_per_tool = 25;

std::string to_markdown(const EnvelopeSet& report);

// Text for one table cell: no line breaks, '|' escaped, at most `max_bytes` long.
std::string table_cell(std::string_view text, std::size_t max_bytes = 160);

}  // namespace readygate::report
