#include "baseline.hpp"

#include "common/envelope.hpp"
#include "common/error.hpp"

namespace readygate::scan {

std::set<std::string> baseline_fingerprints(const std::vector<nlohmann::json>& envelopes, const std::string& source) {
  std::set<std::string> fingerprints;
  // A score envelope embeds the scans it read: their findings count too. A work list of
  // pointers, not recursion over copies: memory and stack stay flat however deep they nest.
  std::vector<const nlohmann::json*> pending;
  for (auto it = envelopes.rbegin(); it != envelopes.rend(); ++it) pending.push_back(&*it);
  while (!pending.empty()) {
    const nlohmann::json& envelope = *pending.back();
    pending.pop_back();
    validate_envelope(envelope, source);
    if (const auto inputs = envelope.find("inputs"); inputs != envelope.end() && inputs->is_array()) {
      for (auto it = inputs->rbegin(); it != inputs->rend(); ++it) pending.push_back(&*it);
    }
    const auto findings = envelope.find("findings");
    if (findings == envelope.end()) continue;
    if (!findings->is_array()) throw_input_error(source + ": \"findings\" must be an array");
    for (const auto& finding : *findings) {
      if (!finding.is_object()) throw_input_error(source + ": \"findings\" must be an array of objects");
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
