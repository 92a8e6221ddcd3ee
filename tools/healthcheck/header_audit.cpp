#include "header_audit.hpp"

#include <algorithm>
#include <cctype>

#include "common/fingerprint.hpp"

namespace readygate::healthcheck {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

const std::string* header(const HeaderList& headers, const std::string& name) {
  const auto it = std::find_if(headers.begin(), headers.end(), [&](const auto& h) { return h.first == name; });
  return it == headers.end() ? nullptr : &it->second;
}

Finding finding(const std::string& rule, const std::string& title, Severity severity, const std::string& target,
                const std::string& message, const std::string& fix, const std::vector<std::string>& cwe) {
  Finding f;
  f.rule = rule;
  f.title = title;
  f.severity = severity;
  f.category = "security";
  f.cwe = cwe;
  f.message = message;
  f.fix = fix;
  f.target = target;
  f.fingerprint = fingerprint({rule, target});
  return f;
}

bool has_version(const std::string& value) {
  return std::any_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

std::vector<Finding> audit_headers(const std::string& target, bool is_https, bool https_twin, long status,
                                   const HeaderList& headers) {
  std::vector<Finding> out;
  const std::string* csp = header(headers, "content-security-policy");
  if (is_https) {
    const std::string* hsts = header(headers, "strict-transport-security");
    if (!hsts) {
      out.push_back(
          finding("headers.hsts", "No Strict-Transport-Security", Severity::medium, target,
                  "The https response has no Strict-Transport-Security header: browsers may still try http first.",
                  "Send Strict-Transport-Security: max-age=31536000; includeSubDomains", {"CWE-319"}));
    } else {
      const std::string value = lower(*hsts);
      const auto at = value.find("max-age=");
      const long age = at == std::string::npos ? 0 : std::strtol(value.c_str() + at + 8, nullptr, 10);
      if (age < 15552000) {
        out.push_back(finding("headers.hsts", "Weak Strict-Transport-Security", Severity::low, target,
                              "Strict-Transport-Security has max-age=" + std::to_string(age) + ", under 180 days.",
                              "Use max-age=31536000 (a year) or more.", {"CWE-319"}));
      }
    }
  }
  if (!csp) {
    out.push_back(finding("headers.csp", "No Content-Security-Policy", Severity::medium, target,
                          "The response has no Content-Security-Policy: injected scripts run unhindered.",
                          "Send a Content-Security-Policy, starting from default-src 'self'.", {"CWE-1021"}));
  }
  const std::string* nosniff = header(headers, "x-content-type-options");
  if (!nosniff || lower(*nosniff).find("nosniff") == std::string::npos) {
    out.push_back(finding("headers.content-type-options", "No X-Content-Type-Options: nosniff", Severity::low, target,
                          "Without X-Content-Type-Options: nosniff, browsers may guess content types.",
                          "Send X-Content-Type-Options: nosniff", {"CWE-693"}));
  }
  if (!header(headers, "x-frame-options") && !(csp && lower(*csp).find("frame-ancestors") != std::string::npos)) {
    out.push_back(
        finding("headers.frame-protection", "No frame protection", Severity::medium, target,
                "Neither X-Frame-Options nor a CSP frame-ancestors directive: the page can be framed (clickjacking).",
                "Send Content-Security-Policy: frame-ancestors 'none' (or X-Frame-Options: DENY).", {"CWE-1021"}));
  }
  if (!header(headers, "referrer-policy")) {
    out.push_back(finding("headers.referrer-policy", "No Referrer-Policy", Severity::low, target,
                          "Without a Referrer-Policy, full URLs (with their query strings) can leak to other sites.",
                          "Send Referrer-Policy: strict-origin-when-cross-origin (or no-referrer).", {"CWE-200"}));
  }
  for (const char* name : {"server", "x-powered-by"}) {
    if (const std::string* value = header(headers, name); value && has_version(*value)) {
      out.push_back(finding("headers.version-disclosure", "Version disclosed", Severity::low, target,
                            std::string(name == std::string("server") ? "Server" : "X-Powered-By") + ": " + *value +
                                " tells attackers which exploits to try.",
                            "Hide versions (nginx: server_tokens off; Express: app.disable('x-powered-by')).",
                            {"CWE-200"}));
    }
  }
  const std::string* origin = header(headers, "access-control-allow-origin");
  const std::string* credentials = header(headers, "access-control-allow-credentials");
  if (origin && *origin == "*" && credentials && lower(*credentials) == "true") {
    out.push_back(finding("headers.cors-credentials", "Any origin may read credentialed responses", Severity::high,
                          target,
                          "Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true.",
                          "Allow only known origins, and credentials only for them.", {"CWE-942"}));
  }
  for (const auto& [name, value] : headers) {
    if (name != "set-cookie") continue;
    const std::string v = lower(value);
    std::vector<std::string> missing;
    if (is_https && v.find("secure") == std::string::npos) missing.emplace_back("Secure");
    if (v.find("httponly") == std::string::npos) missing.emplace_back("HttpOnly");
    if (v.find("samesite") == std::string::npos) missing.emplace_back("SameSite");
    if (missing.empty()) continue;
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    const std::string cookie = value.substr(0, value.find('='));
    out.push_back(finding("headers.cookie-flags", "Cookie without " + list, Severity::medium, target,
                          "The cookie " + cookie + " is set without " + list + ".",
                          "Set cookies with Secure; HttpOnly; SameSite=Lax (or Strict).", {"CWE-614"}));
  }
  if (https_twin) {
    const std::string* location = header(headers, "location");
    const bool redirects = status >= 300 && status < 400 && location && lower(*location).rfind("https://", 0) == 0;
    if (!redirects) {
      out.push_back(finding("headers.https-redirect", "http does not redirect to https", Severity::medium, target,
                            "The http address answers with status " + std::to_string(status) +
                                " instead of redirecting to its https twin.",
                            "Answer http with 301 to the https address (and send HSTS there).", {"CWE-319"}));
    }
  }
  return out;
}

}  // namespace readygate::healthcheck
