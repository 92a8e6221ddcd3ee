#pragma once
// GitLab Code Quality (the CodeClimate subset GitLab reads): a JSON array of
//   {"description", "check_name", "fingerprint", "severity", "location": {"path", "lines": {"begin"}}}
// severity is info, minor, major, critical or blocker. The fingerprint is the finding's own
// (common/fingerprint.hpp), so it survives lines moving; GitLab drops entries whose fingerprint
// repeats, so each is written once. Findings without a file location are left out (GitLab
// needs a path), and so are those that are not open (suppressed, or already in the baseline).
#include <nlohmann/json.hpp>

#include "common/envelope_model.hpp"

namespace readygate::report {

nlohmann::json to_codequality(const EnvelopeSet& report);

}  // namespace readygate::report
