#pragma once
// --audit-headers: the original hardening recommendations as findings on a response's headers.
// A finding has no file location; its "target" is the URL (credentials redacted).
//   headers.hsts              https without Strict-Transport-Security, or max-age under 180 days
//   headers.csp               no Content-Security-Policy
//   headers.content-type-options  no X-Content-Type-Options: nosniff
//   headers.frame-protection  neither X-Frame-Options nor CSP frame-ancestors
//   headers.referrer-policy   no Referrer-Policy
//   headers.version-disclosure  Server or X-Powered-By naming a version
//   headers.cors-credentials  Access-Control-Allow-Origin: * with credentials allowed
//   headers.cookie-flags      a cookie without Secure (on https), HttpOnly or SameSite
//   headers.https-redirect    http that does not redirect to https, when an https twin is probed
#include <string>
#include <utility>
#include <vector>

#include "common/finding.hpp"

namespace readygate::healthcheck {

using HeaderList = std::vector<std::pair<std::string, std::string>>;  // names lower-case

// Findings for one response. `is_https` applies the https-only rules; `https_twin` asks for the
// redirect rule (an http target whose https twin was also probed); `status` is the HTTP status.
std::vector<Finding> audit_headers(const std::string& target, bool is_https, bool https_twin, long status,
                                   const HeaderList& headers);

}  // namespace readygate::healthcheck
