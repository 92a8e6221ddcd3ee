#include "severity_map.hpp"

namespace readygate::report {

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::critical:
    case Severity::high:
      return "error";
    case Severity::medium:
      return "warning";
    case Severity::low:
    case Severity::info:
      return "note";
  }
  return "note";
}

// GitHub buckets: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
std::string_view security_severity(Severity s) {
  switch (s) {
    case Severity::critical:
      return "9.5";
    case Severity::high:
      return "8.0";
    case Severity::medium:
      return "5.5";
    case Severity::low:
      return "3.0";
    case Severity::info:
      return "0.0";
  }
  return "0.0";
}

std::string_view codequality_severity(Severity s) {
  switch (s) {
    case Severity::critical:
      return "blocker";
    case Severity::high:
      return "critical";
    case Severity::medium:
      return "major";
    case Severity::low:
      return "minor";
    case Severity::info:
      return "info";
  }
  return "info";
}

std::string_view annotation_command(Severity s) {
  switch (s) {
    case Severity::critical:
    case Severity::high:
      return "error";
    case Severity::medium:
      return "warning";
    case Severity::low:
    case Severity::info:
      return "notice";
  }
  return "notice";
}

}  // namespace readygate::report
