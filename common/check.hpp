#pragma once
// A check (DESIGN.md, "A check"), the one record every tool writes into "checks":
//   {"id", "title", "status": "pass|warn|fail|skip|error", "message",
//    "value", "limit", "op", "unit"}   (the last four only when known)
// Written by to_json and read by check_from_json, nowhere else.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace readygate {

enum class CheckStatus { pass, warn, fail, skip, error };

std::string_view to_string(CheckStatus status);
std::optional<CheckStatus> parse_check_status(std::string_view text);

// fail and error: the check did not pass (JUnit failures and errors, annotations, exit 1).
inline bool is_failure(CheckStatus status) { return status == CheckStatus::fail || status == CheckStatus::error; }
inline CheckStatus pass_or_fail(bool passed) { return passed ? CheckStatus::pass : CheckStatus::fail; }

struct Check {
  std::string id, title;
  CheckStatus status = CheckStatus::pass;
  std::string message;
  std::optional<double> value, limit;  // when present, `value op limit` is the condition for passing
  std::string op, unit;
};

nlohmann::json to_json(const Check& check);

// Throws Error (exit 2) naming `where` and the field on a wrong type, an unknown status or no id.
Check check_from_json(const nlohmann::json& object, const std::string& where);

}  // namespace readygate
