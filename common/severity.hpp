#pragma once
// Finding severities, ordered: info < low < medium < high < critical (DESIGN.md).
#include <optional>
#include <string>
#include <string_view>

namespace readygate {

enum class Severity { info = 0, low = 1, medium = 2, high = 3, critical = 4 };

std::optional<Severity> parse_severity(std::string_view text);
std::string_view to_string(Severity severity);

// parse_severity for a command-line flag: throws Error (exit 2) naming the flag.
Severity severity_flag(const std::string& flag, const std::string& text);

}  // namespace readygate
