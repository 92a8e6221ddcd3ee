#pragma once
// GitLab Code Quality (the CodeClimate subset GitLab reads): a JSON array of
//   {"description", "check_name", "fingerprint", "severity", "location": {"path", "lines": {"begin"}}}
// severity is info, minor, major, critical or blocker. GitLab drops entries whose fingerprint
// repeats, so every fingerprint is unique; findings without a file location are left out
// (GitLab needs a path), and so are suppressed ones.
#include <nlohmann/json.hpp>

#include "common/envelope_model.hpp"

namespace readygate::report {

nlohmann::json to_codequality(const EnvelopeSet& report);

}  // namespace readygate::report
