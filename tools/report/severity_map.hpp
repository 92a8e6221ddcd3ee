#pragma once
// How readygate severities map onto each output format's own scale.
#include <string_view>

#include "common/severity.hpp"

namespace readygate::report {

std::string_view sarif_level(Severity s);           // error, warning, note
std::string_view security_severity(Severity s);     // GitHub's 0.0–10.0 score, as a string
std::string_view codequality_severity(Severity s);  // blocker, critical, major, minor, info
std::string_view annotation_command(Severity s);    // error, warning, notice

}  // namespace readygate::report
