#pragma once
// From an attempt to a verdict: unhealthy when the transport failed, the status is not the
// expected one, the body or JSON field does not match, or the certificate expires within
// cert_fail_days; degraded when slower than its latency budget or the certificate expires
// within cert_warn_days; healthy otherwise.
#include "check_spec.hpp"
#include "probe_result.hpp"

namespace readygate::healthcheck {

Verdict judge(const CheckSpec& check, const Attempt& attempt, int cert_warn_days, int cert_fail_days);

// The value at a dotted path ("data.status", "items.0.id") in a JSON document, if any.
std::optional<nlohmann::json> json_at(const nlohmann::json& document, const std::string& path);

}  // namespace readygate::healthcheck
