#pragma once
// The report formats, one table entry each: the flag that asks for it, where ReportCommand
// keeps that flag's destination, and a function from the gathered envelopes to the file's
// text. Adding a format is a writer file (a function of EnvelopeSet) and one entry here; the
// flag itself is declared in main.cpp. --annotations is not in the table: it is always
// standard output, asked for by a switch.
#include <optional>
#include <span>
#include <string>

#include "common/envelope_model.hpp"
#include "report_command.hpp"

namespace readygate::report {

// What a writer may need besides the envelopes.
struct RenderOptions {
  bool pretty = false;
  std::optional<Severity> fail_on;  // --fail-on: JUnit fails the cases that cross it
};

struct ReportFormat {
  const char* flag;                         // "--sarif"
  std::string ReportCommand::*destination;  // "" when not asked for, "-" for stdout
  std::string (*render)(const EnvelopeSet& report, const RenderOptions& options);
};

std::span<const ReportFormat> report_formats();

}  // namespace readygate::report
