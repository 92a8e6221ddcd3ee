#include "verdict.hpp"

#include <re2/re2.h>

#include "common/json_stream.hpp"
#include "common/number_format.hpp"
#include "probe_docker.hpp"

namespace readygate::healthcheck {

std::optional<nlohmann::json> json_at(const nlohmann::json& document, const std::string& path) {
  const nlohmann::json* at = &document;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = path.find('.', start);
    const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (at->is_object()) {
      const auto it = at->find(part);
      if (it == at->end()) return std::nullopt;
      at = &*it;
    } else if (at->is_array() && !part.empty() && part.find_first_not_of("0123456789") == std::string::npos) {
      const std::size_t index = std::stoul(part);
      if (index >= at->size()) return std::nullopt;
      at = &(*at)[index];
    } else {
      return std::nullopt;
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return *at;
}

Verdict judge(const CheckSpec& check, const Attempt& a, int cert_warn_days, int cert_fail_days) {
  const auto unhealthy = [](std::string reason) { return Verdict{Health::unhealthy, std::move(reason)}; };
  if (check.kind == ProbeKind::docker) {
    if (Verdict v = judge_docker(check, a); v.health != Health::healthy) return v;  // then the latency budget
  } else if (!a.transport_ok) {
    return unhealthy(a.error.empty() ? "no answer" : a.error);
  }
  if (a.tls && a.tls->cert_days_left) {
    const long days = *a.tls->cert_days_left;
    if (days < 0) return unhealthy("the certificate expired " + std::to_string(-days) + " day(s) ago");
    if (days < cert_fail_days) return unhealthy("the certificate expires in " + std::to_string(days) + " day(s)");
  }
  if (check.kind == ProbeKind::http) {
    const auto [low, high] = check.expect_status;
    if (a.http_status < low || a.http_status > high) {
      return unhealthy("status " + std::to_string(a.http_status) + ", expected " +
                       (low == high ? std::to_string(low) : std::to_string(low) + "–" + std::to_string(high)));
    }
    if (!check.body_contains.empty() && a.body.find(check.body_contains) == std::string::npos) {
      return unhealthy("the body does not contain \"" + check.body_contains + "\"");
    }
    if (!check.body_regex.empty()) {
      RE2::Options options;
      options.set_log_errors(false);
      const RE2 regex(check.body_regex, options);
      if (!RE2::PartialMatch(a.body, regex)) return unhealthy("the body does not match /" + check.body_regex + "/");
    }
    if (check.json_equals) {
      const auto& [path, expected] = *check.json_equals;
      const auto document = parse_json_untrusted(a.body);
      if (!document) {
        return unhealthy("the body is not JSON (or nests deeper than " + std::to_string(max_json_depth) +
                         " levels), so \"" + path + "\" cannot be read");
      }
      const auto value = json_at(*document, path);
      if (!value) return unhealthy("the JSON body has no \"" + path + "\"");
      if (*value != expected) {
        return unhealthy("\"" + path + "\" is " + value->dump().substr(0, 80) + ", expected " +
                         expected.dump().substr(0, 80));
      }
    }
  }
  if (check.latency_budget && a.latency_ms > static_cast<double>(check.latency_budget->count())) {
    return {Health::degraded, "answered in " + format_number(a.latency_ms) + " ms, over its budget of " +
                                  std::to_string(check.latency_budget->count()) + " ms"};
  }
  if (a.tls && a.tls->cert_days_left && *a.tls->cert_days_left < cert_warn_days) {
    return {Health::degraded, "the certificate expires in " + std::to_string(*a.tls->cert_days_left) + " day(s)"};
  }
  return {Health::healthy, ""};
}

}  // namespace readygate::healthcheck
