#pragma once
// SARIF 2.1.0 for GitHub code scanning. One run per tool, each with its own
// automationDetails.id ("readygate/scan/") so uploads of several tools do not replace each
// other; tool.driver.rules holds every rule a result uses (help from the rule's fix,
// security-severity from its severity); results carry a %SRCROOT%-relative location,
// partialFingerprints that survive lines moving, suppressions and baselineState; the
// invocation notes unreadable and skipped files.
// GitHub's limits hold by construction: at most 25,000 results per run (the most severe are
// kept and a notification counts the rest), at most 20 runs, and snippets and messages are
// bounded, so the file stays far below 10 MB gzipped.
#include <cstddef>
#include <nlohmann/json.hpp>

#include "common/envelope_model.hpp"

namespace readygate::report {

inline constexpr std::size_t sarif_max_results_per_run = 25000;
inline constexpr std::size_t sarif_max_runs = 20;

nlohmann::json to_sarif(const EnvelopeSet& report);

// A path as a SARIF artifact URI: relative paths percent-encoded (RFC 3986), absolute ones as
// file:// URIs.
std::string artifact_uri(std::string_view path);

}  // namespace readygate::report
