#include "severity.hpp"

#include <array>

#include "error.hpp"

namespace readygate {
namespace {
constexpr std::array<std::string_view, 5> names{"info", "low", "medium", "high", "critical"};
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return static_cast<Severity>(i);
  }
  return std::nullopt;
}

std::string_view to_string(Severity severity) { return names[static_cast<std::size_t>(severity)]; }

Severity severity_flag(const std::string& flag, const std::string& text) {
  if (auto s = parse_severity(text)) return *s;
  throw_input_error(flag + ": expected one of info, low, medium, high, critical; got '" + text + "'");
}

}  // namespace readygate
