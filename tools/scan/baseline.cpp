#include "baseline.hpp"

#include "common/envelope.hpp"
#include "common/error.hpp"

namespace readygate::scan {

std::set<std::string> baseline_fingerprints(const std::vector<nlohmann::json>& envelopes, const std::string& source) {
  std::set<std::string> fingerprints;
  for (const auto& envelope : envelopes) {
    validate_envelope(envelope, source);
    // A score envelope embeds the scans it read: their findings count too.
    if (const auto inputs = envelope.find("inputs"); inputs != envelope.end() && inputs->is_array()) {
      for (const auto& fp : baseline_fingerprints(*inputs, source)) fingerprints.insert(fp);
    }
    const auto findings = envelope.find("findings");
    if (findings == envelope.end()) continue;
    if (!findings->is_array()) throw_input_error(source + ": \"findings\" must be an array");
    for (const auto& finding : *findings) {
      const auto fp = finding.find("fingerprint");
      if (fp != finding.end() && fp->is_string()) fingerprints.insert(fp->get<std::string>());
    }
  }
  return fingerprints;
}

void mark_new(std::vector<Finding>& findings, const std::set<std::string>& baseline) {
  for (auto& f : findings) f.is_new = baseline.count(f.fingerprint) == 0;
}

}  // namespace readygate::scan
