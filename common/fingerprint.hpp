#pragma once
// The one fingerprint recipe (docs/ENVELOPE.md, "fingerprint"): 32 hex digits of SHA-256 over
// the parts joined by NUL. Callers pass what identifies a finding and never a line number, so
// a fingerprint survives code moving:
//   ready-scan          rule id, path, SHA-256 of the line with white space folded, occurrence
//   header audit        rule id, target URL
// SARIF's partialFingerprints and GitLab Code Quality's fingerprint are the finding's own.
#include <initializer_list>
#include <string>
#include <string_view>

#include "finding.hpp"

namespace readygate {

std::string fingerprint(std::initializer_list<std::string_view> parts);

// The finding's fingerprint; for one another tool wrote without any, the recipe over its rule,
// path (or target) and snippet.
std::string fingerprint_of(const Finding& finding);

}  // namespace readygate
