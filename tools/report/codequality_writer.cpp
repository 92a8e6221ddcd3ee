#include "codequality_writer.hpp"

#include <set>

#include "common/fingerprint.hpp"
#include "common/utf8.hpp"
#include "severity_map.hpp"

namespace readygate::report {

nlohmann::json to_codequality(const EnvelopeSet& report) {
  nlohmann::json entries = nlohmann::json::array();
  std::set<std::string> fingerprints;
  for (const ToolRun& run : report.runs) {
    for (const Finding& f : run.findings) {
      if (!f.location || !is_open(f)) continue;
      const std::string id = fingerprint_of(f);
      if (!fingerprints.insert(id).second) continue;
      const std::string title = f.title.empty() ? f.rule : f.title;
      entries.push_back(
          {{"description", repair_utf8(f.message.empty() ? title : title + ": " + f.message)},
           {"check_name", f.rule},
           {"fingerprint", id},
           {"severity", codequality_severity(f.severity)},
           {"categories", nlohmann::json::array({f.category == "performance" ? "Performance"
                                                 : f.category == "quality"   ? "Style"
                                                                             : "Security"})},
           {"location",
            {{"path", f.location->path}, {"lines", {{"begin", std::max<std::size_t>(1, f.location->line)}}}}}});
    }
  }
  return entries;
}

}  // namespace readygate::report
