#pragma once
// People-facing output on stderr: "ready-scan: warning: …". stdout stays JSON only.
// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
#include <string>

namespace readygate {

enum class Verbosity { quiet, normal, verbose };

// Called once by the CLI layer; before that, messages go out with the name "readygate".
void configure_log(const std::string& program, Verbosity verbosity);

void log_error(const std::string& message);    // always shown
void log_reason(const std::string& message);   // always shown, no level: why the program exits 1
void log_warning(const std::string& message);  // hidden by -q
void log_info(const std::string& message);     // hidden by -q
void log_debug(const std::string& message);    // only with -v

bool stderr_is_terminal();
bool colour_enabled();  // stderr is a terminal and NO_COLOR is unset or empty

}  // namespace readygate
