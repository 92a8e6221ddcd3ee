#pragma once
// The JSON envelope every readygate program writes (DESIGN.md, "The envelope"):
//   {"readygate": 1, "tool": "scan", "version": "0.1.0",
//    "run": {"started": "2026-11-28T01:02:03Z", "duration_ms": 812, "args": [...]},
//    "target": "src/", "summary": {...}, "checks": [...], "findings": [...], "metrics": {...}}
// Keys are written sorted (nlohmann's default), so the same data always gives the same bytes.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "check.hpp"

namespace readygate {

using nlohmann::json;

inline constexpr int envelope_format = 1;

// When and how a program was started; its duration is measured up to make_envelope().
struct RunInfo {
  std::chrono::system_clock::time_point started = std::chrono::system_clock::now();
  std::chrono::steady_clock::time_point started_steady = std::chrono::steady_clock::now();
  std::vector<std::string> args;  // argv[1..], redacted
};

// An envelope with empty summary/checks/findings/metrics for the caller to fill.
json make_envelope(const std::string& tool, const RunInfo& run, const std::string& target);

// "2026-11-28T01:02:03Z"
std::string format_utc(std::chrono::system_clock::time_point when);

// Throws Error (exit 2) unless `document` is an object with "readygate": 1 and a "tool".
void validate_envelope(const json& document, const std::string& source);

}  // namespace readygate
