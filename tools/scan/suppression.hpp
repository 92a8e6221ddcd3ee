#pragma once
// Inline suppression markers:
//   ready:ignore            on the finding's line, or alone in a comment on the line above
//   ready:ignore[id, id2]   the same, for the named rules only
//   # nosec / // nosec      bandit's marker, for people coming from bandit (all rules)
#include <string_view>

#include "line_index.hpp"

namespace readygate::scan {

// Whether `line` carries a marker that applies to `rule_id`.
bool line_suppresses(std::string_view line, std::string_view rule_id);

// A line holding nothing but a comment (#, //, /*, *, --, ;, <!--).
bool is_comment_only(std::string_view line);

// The finding at 1-based `line` is suppressed by a marker there or on a comment-only line above.
bool is_suppressed(const LineIndex& lines, std::size_t line, std::string_view rule_id);

}  // namespace readygate::scan
