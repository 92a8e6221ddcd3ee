#pragma once
// The report formats, one table entry each: the flag that asks for it, where ReportCommand
// keeps that flag's destination, and a function from the gathered envelopes to the file's
// text. Adding a format is a writer file (a function of EnvelopeSet) and one entry here; the
// flag itself is declared in main.cpp. --annotations is not in the table: it is always
// standard output, asked for by a switch.
#include <span>
#include <string>

#include "common/envelope_model.hpp"
#include "report_command.hpp"

namespace readygate::report {

struct ReportFormat {
  const char* flag;                         // "--sarif"
  std::string ReportCommand::*destination;  // "" when not asked for, "-" for stdout
  std::string (*render)(const EnvelopeSet& report, const ReportCommand& command, bool pretty);
};

std::span<const ReportFormat> report_formats();

}  // namespace readygate::report
