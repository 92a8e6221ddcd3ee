#include "codequality_writer.hpp"

#include <set>

#include "common/hash.hpp"
#include "common/utf8.hpp"
#include "severity_map.hpp"

namespace readygate::report {

nlohmann::json to_codequality(const EnvelopeSet& report) {
  nlohmann::json entries = nlohmann::json::array();
  std::set<std::string> fingerprints;
  for (const ToolRun& run : report.runs) {
    for (const Finding& f : run.findings) {
      if (!f.location || f.suppressed) continue;
      // Our fingerprints are unique already; a finding without one gets a stable digest.
      std::string fingerprint = f.fingerprint.empty()
                                    ? sha256_hex(run.tool + '\0' + f.rule + '\0' + f.location->path + '\0' +
                                                 std::to_string(f.location->line)).substr(0, 32)
                                    : f.fingerprint;
      if (!fingerprints.insert(fingerprint).second) continue;
      const std::string title = f.title.empty() ? f.rule : f.title;
      entries.push_back({{"description", repair_utf8(f.message.empty() ? title : title + ": " + f.message)},
                         {"check_name", f.rule},
                         {"fingerprint", fingerprint},
                         {"severity", codequality_severity(f.severity)},
                         {"categories", nlohmann::json::array({f.category == "performance" ? "Performance"
                                                               : f.category == "quality"     ? "Style"
                                                                                             : "Security"})},
                         {"location", {{"path", f.location->path}, {"lines", {{"begin", std::max<std::size_t>(1, f.location->line)}}}}}});
    }
  }
  return entries;
}

}  // namespace readygate::report
