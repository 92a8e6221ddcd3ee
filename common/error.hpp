#pragma once
// The one error type of readygate and the exit codes it maps to (DESIGN.md: 0/1/2/3).
// Outcomes a tool exists to report (a finding, an HTTP 503, an unreadable file) are data,
// never an Error. An Error ends the program with its message and code.
#include <stdexcept>
#include <string>

namespace readygate {

enum class ExitCode : int {
  ok = 0,            // ran fine, and the gate (if any) passed
  check_failed = 1,  // a --fail-on, threshold or gate failed
  usage = 2,         // bad flags or bad input: malformed JSON, invalid regex, missing path
  runtime = 3,       // could not finish: cannot write output, out of resources
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), m_code(code) {}
  ExitCode code() const noexcept { return m_code; }

 private:
  ExitCode m_code;
};

// Bad flags, bad configuration or bad input data: exit 2.
[[noreturn]] void throw_input_error(const std::string& message);
// The environment failed us (write error, resources): exit 3.
[[noreturn]] void throw_runtime_error(const std::string& message);

}  // namespace readygate
