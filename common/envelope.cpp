#include "envelope.hpp"

#include <ctime>

#include "error.hpp"
#include "version.hpp"

namespace readygate {

std::string format_utc(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

json make_envelope(const std::string& tool, const RunInfo& run, const std::string& target) {
  const auto elapsed = std::chrono::steady_clock::now() - run.started_steady;
  return json{
      {"readygate", envelope_format},
      {"tool", tool},
      {"version", readygate_version},
      {"run",
       {{"started", format_utc(run.started)},
        {"duration_ms", std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()},
        {"args", run.args}}},
      {"target", target},
      {"summary", json::object()},
      {"checks", json::array()},
      {"findings", json::array()},
      {"metrics", json::object()},
  };
}

void validate_envelope(const json& document, const std::string& source) {
  if (!document.is_object()) {
    throw_input_error(source + ": expected a readygate envelope (a JSON object), got " +
                      std::string(document.type_name()));
  }
  const auto format = document.find("readygate");
  if (format == document.end()) {
    throw_input_error(source + ": not a readygate envelope: no \"readygate\" field");
  }
  if (!format->is_number_integer() || format->get<int>() != envelope_format) {
    throw_input_error(source + ": unsupported envelope version " + format->dump() + " (this build reads version " +
                      std::to_string(envelope_format) + ")");
  }
  const auto tool = document.find("tool");
  if (tool == document.end() || !tool->is_string()) {
    throw_input_error(source + ": envelope has no \"tool\" name");
  }
}

}  // namespace readygate
