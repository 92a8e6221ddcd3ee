#include "check_spec.hpp"

#include <re2/re2.h>

#include "common/error.hpp"
#include "common/http_syntax.hpp"
#include "common/json_fields.hpp"
#include "common/redact.hpp"
#include "common/units.hpp"
#include "probe_docker.hpp"
#include "probe_postgres.hpp"
#include "probe_redis.hpp"

namespace readygate::healthcheck {
namespace {

using nlohmann::json;

enum class Zero { allowed, refused };

std::chrono::milliseconds duration_of(const JsonFields& f, std::string_view field, std::chrono::milliseconds fallback,
                                      Zero zero = Zero::allowed) {
  const json* value = f.find(field);
  if (!value) return fallback;
  const auto duration = parse_duration(f.where() + ": field \"" + std::string(field) + "\"",
                                       value->is_string() ? value->get<std::string>() : value->dump());
  // libcurl reads a timeout of 0 as "none": against a silent server the probe would never end.
  if (zero == Zero::refused && duration.count() == 0) f.fail(field, "must be more than 0");
  return duration;
}

CheckSpec parse_check(const json& value, const std::string& where, const std::string& base,
                      const std::vector<std::string>& shared_headers, std::chrono::milliseconds timeout,
                      unsigned retries) {
  const JsonFields first(value, where);
  CheckSpec c;
  c.name = first.text("name", Presence::required);
  const JsonFields f(value, where + " (\"" + c.name + "\")");
  f.only({"name", "url", "method", "headers", "expect_status", "body_contains", "body_regex", "json", "latency_budget",
          "critical", "timeout", "retries", "query"});
  c.url = f.text("url", Presence::required);
  if (!c.url.empty() && c.url.front() == '/') {
    if (base.empty()) f.fail("url", "\"" + c.url + "\" is relative, and there is no base_url (or --base-url)");
    std::string joined = base;
    while (!joined.empty() && joined.back() == '/') joined.pop_back();
    c.url = joined + c.url;
  }
  validate_target(c, f.where());
  c.method = f.text("method");
  if (c.method.empty()) c.method = "GET";
  check_method_syntax(c.method, f.where() + ": field \"method\"");
  const auto own_headers = f.texts("headers");
  for (std::size_t i = 0; i < own_headers.size(); ++i) {
    check_header_syntax(own_headers[i], f.where() + ": field \"headers\"[" + std::to_string(i) + "]");
  }
  c.headers = shared_headers;
  c.headers.insert(c.headers.end(), own_headers.begin(), own_headers.end());
  if (const json* status = f.find("expect_status")) {
    if (status->is_number_integer()) {
      c.expect_status = {status->get<long>(), status->get<long>()};
    } else if (status->is_array() && status->size() == 2 && (*status)[0].is_number_integer() &&
               (*status)[1].is_number_integer()) {
      c.expect_status = {(*status)[0].get<long>(), (*status)[1].get<long>()};
    } else {
      f.fail("expect_status", "expected a status (200) or a range ([200, 299])");
    }
    if (c.expect_status.first < 100 || c.expect_status.second > 599 || c.expect_status.first > c.expect_status.second) {
      f.fail("expect_status", "expected statuses between 100 and 599");
    }
  }
  c.body_contains = f.text("body_contains");
  c.body_regex = f.text("body_regex");
  if (!c.body_regex.empty()) {
    RE2::Options options;
    options.set_log_errors(false);
    const RE2 regex(c.body_regex, options);
    if (!regex.ok()) f.fail("body_regex", "invalid regular expression: " + regex.error());
  }
  if (const json* j = f.object("json")) {
    const JsonFields jf(*j, f.where() + ": field \"json\"");
    jf.only({"path", "equals"});
    const json* equals = jf.find("equals");
    if (!equals) jf.fail("equals", "is required");
    c.json_equals = std::make_pair(jf.text("path", Presence::required), *equals);
  }
  if (f.find("latency_budget")) c.latency_budget = duration_of(f, "latency_budget", {});
  c.critical = f.find("critical") ? f.flag("critical") : true;
  c.timeout = duration_of(f, "timeout", timeout, Zero::refused);
  c.retries = static_cast<unsigned>(f.whole("retries", 0, 100).value_or(retries));
  if (c.kind != ProbeKind::http && (!c.body_contains.empty() || !c.body_regex.empty() || c.json_equals)) {
    const char* what = c.kind == ProbeKind::tcp      ? " only connects"
                       : c.kind == ProbeKind::docker ? " reads the container's state"
                                                     : " asks the server itself";
    f.fail("url", "a " + kind_name(c) + ":// check" + what + ": it has no body to match");
  }
  c.query = f.text("query");
  if (f.find("query") && c.query.empty()) f.fail("query", "must not be empty");
  if (!c.query.empty() && c.kind != ProbeKind::postgres) f.fail("query", "only a postgres:// check runs a query");
  return c;
}

}  // namespace

void validate_target(CheckSpec& check, const std::string& where) {
  const std::string shown = redact_url_credentials(check.url);
  const std::size_t scheme_end = check.url.find("://");
  if (scheme_end == std::string::npos)
    throw_input_error(where + ": '" + shown + "' is not a URL (http://, https:// or tcp://host:port)");
  check_url_characters(check.url, where);
  const std::string scheme = url_scheme(check.url);
  if (scheme == "http" || scheme == "https") {
    check.kind = ProbeKind::http;
  } else if (scheme == "tcp") {
    check.kind = ProbeKind::tcp;
    const std::string rest = check.url.substr(scheme_end + 3);
    const std::size_t colon = rest.rfind(':');
    const std::string port = colon == std::string::npos ? "" : rest.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(port) < 1 || std::stoul(port) > 65535) {
      throw_input_error(where + ": '" + shown + "' needs a port from 1 to 65535: tcp://host:port");
    }
  } else if (scheme == "postgres" || scheme == "postgresql") {
    check.kind = ProbeKind::postgres;
    validate_postgres_url(check.url, where);
  } else if (scheme == "redis" || scheme == "rediss") {
    check.kind = ProbeKind::redis;
    (void)parse_redis_url(check.url, where);
  } else if (scheme == "docker") {
    check.kind = ProbeKind::docker;
    parse_docker_target(check.url, where);
  } else {
    throw_input_error(where + ": unsupported scheme '" + scheme + "' in '" + shown +
                      "' (http, https, tcp, postgres, redis or docker)");
  }
}

std::string kind_name(const CheckSpec& check) {
  switch (check.kind) {
    case ProbeKind::http:
      return check.url.rfind("https", 0) == 0 ? "https" : "http";
    case ProbeKind::tcp:
      return "tcp";
    case ProbeKind::postgres:
      return "postgres";
    case ProbeKind::redis:
      return "redis";
    case ProbeKind::docker:
      return "docker";
  }
  return "http";
}

std::string check_name_of(const std::string& url) {
  const std::size_t scheme = url.find("://");
  std::string name = url.substr(scheme == std::string::npos ? 0 : scheme + 3);
  if (name.rfind('?', 0) == 0) return name.substr(1);  // docker://?label=…: the filter names it
  name = name.substr(0, name.find_first_of("?#"));
  const std::size_t slash = name.find('/');
  const std::size_t at = name.rfind('@', slash);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) name.erase(0, at + 1);
  return name;
}

CheckSpec parse_check_flag(const std::string& text) {
  // NAME=URL when an "=" comes before the scheme's "://"; otherwise the whole text is the URL.
  const std::size_t equals = text.find('='), scheme = text.find("://");
  const bool named = equals != std::string::npos && (scheme == std::string::npos || equals < scheme);
  CheckSpec c;
  c.name = named ? text.substr(0, equals) : check_name_of(text);
  c.url = named ? text.substr(equals + 1) : text;
  if (c.name.empty() || c.url.empty() || (!named && scheme == std::string::npos)) {
    throw_input_error("--check: expected URL or NAME=URL, got '" + redact_url_credentials(text) + "'");
  }
  validate_target(c, "--check " + c.name);
  return c;
}

HealthConfig parse_health_config(const json& document, const std::string& source,
                                 const std::string& base_url_override) {
  const JsonFields f(document, source);
  f.only({"base_url", "checks", "timeout", "retries", "interval", "cert_warn_days", "cert_fail_days", "headers",
          "insecure", "cacert"});
  HealthConfig config;
  const auto timeout = duration_of(f, "timeout", std::chrono::milliseconds(5000), Zero::refused);
  const auto retries = static_cast<unsigned>(f.whole("retries", 0, 100).value_or(2));
  config.interval = duration_of(f, "interval", config.interval);
  config.cert_warn_days = static_cast<int>(f.whole("cert_warn_days", 0, 3650).value_or(30));
  config.cert_fail_days = static_cast<int>(f.whole("cert_fail_days", 0, 3650).value_or(7));
  config.insecure = f.flag("insecure");
  config.cacert = f.text("cacert");
  const auto shared_headers = f.texts("headers");
  for (std::size_t i = 0; i < shared_headers.size(); ++i) {
    check_header_syntax(shared_headers[i], source + ": field \"headers\"[" + std::to_string(i) + "]");
  }
  const std::string base = base_url_override.empty() ? f.text("base_url") : base_url_override;
  std::size_t i = 0;
  for (const json& c : f.array("checks")) {
    CheckSpec check =
        parse_check(c, source + ": checks[" + std::to_string(i++) + "]", base, shared_headers, timeout, retries);
    for (const auto& other : config.checks) {
      if (other.name == check.name) f.fail("checks", "two checks are named \"" + check.name + "\"");
    }
    config.checks.push_back(std::move(check));
  }
  if (config.checks.empty()) f.fail("checks", "a config needs at least one check");
  return config;
}

}  // namespace readygate::healthcheck
