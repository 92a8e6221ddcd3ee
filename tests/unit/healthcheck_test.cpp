// ready-healthcheck: check specs, verdicts, JSON paths and the header audit.
#include <doctest/doctest.h>

#include <algorithm>

#include "check_spec.hpp"
#include "common/error.hpp"
#include "header_audit.hpp"
#include "verdict.hpp"

using namespace readygate;
using namespace readygate::healthcheck;
using nlohmann::json;

namespace {
std::vector<std::string> rules(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  out.reserve(findings.size());
  for (const auto& f : findings) out.push_back(f.rule);
  std::sort(out.begin(), out.end());
  return out;
}

Attempt ok(long status, std::string body = "") {
  Attempt a;
  a.transport_ok = true;
  a.http_status = status;
  a.body = std::move(body);
  a.latency_ms = 10;
  return a;
}
}  // namespace

TEST_CASE("--check NAME=URL, with the schemes that are supported") {
  CHECK(parse_check_flag("api=https://h/health").kind == ProbeKind::http);
  CHECK(parse_check_flag("db=tcp://10.0.0.1:5432").kind == ProbeKind::tcp);
  for (const char* bad : {"api", "=http://h", "api=", "ftp=ftp://h/", "db=tcp://h", "db=tcp://h:port", "x=h:80"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_check_flag(bad), Error);
  }
  try {
    parse_check_flag("api=ftp://user:pw@h/");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("pw@") == std::string::npos);  // never the password, even in errors
  }
}

TEST_CASE("an unnamed check is named by the URL's host and path, without credentials or query") {
  const CheckSpec c = parse_check_flag("https://user:pw@h:8443/health?token=x#top");
  CHECK(c.name == "h:8443/health");
  CHECK(c.url == "https://user:pw@h:8443/health?token=x#top");
  CHECK(parse_check_flag("tcp://10.0.0.1:5432").name == "10.0.0.1:5432");
  CHECK(parse_check_flag("http://h/a@b?x=1").name == "h/a@b");   // an @ in the path is kept
  CHECK(parse_check_flag("http://h/q?name=v").name == "h/q");    // an = after :// is the query's
  CHECK(parse_check_flag("my api=http://h/").name == "my api");  // = before :// names it
  for (const char* bad : {"h/health", "http://", "ftp://user:pw@h/"}) {
    CAPTURE(bad);
    try {
      parse_check_flag(bad);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(std::string(e.what()).find("pw@") == std::string::npos);
    }
  }
}

TEST_CASE("a config is validated field by field, and relative URLs need a base") {
  const json good{{"base_url", "http://h:8/"},
                  {"checks", {{{"name", "a"}, {"url", "/x"}, {"expect_status", {200, 204}}, {"critical", false}}}}};
  const HealthConfig c = parse_health_config(good, "hc.json");
  CHECK(c.checks[0].url == "http://h:8/x");
  CHECK(c.checks[0].expect_status == std::pair<long, long>{200, 204});
  CHECK_FALSE(c.checks[0].critical);
  CHECK(parse_health_config(good, "hc.json", "http://other:9").checks[0].url == "http://other:9/x");
  const auto error_of = [](const json& document) {
    try {
      parse_health_config(document, "hc.json");
      return std::string();
    } catch (const Error& e) {
      return std::string(e.what());
    }
  };
  CHECK(error_of({{"checks", {{{"name", "a"}, {"url", "/x"}}}}}).find("there is no base_url") != std::string::npos);
  CHECK(error_of({{"checks", {{{"name", "a"}, {"url", "http://h"}, {"expect_status", "ok"}}}}})
            .find("field \"expect_status\"") != std::string::npos);
  CHECK(error_of({{"checks", {{{"name", "a"}, {"url", "http://h"}, {"jsn", {}}}}}}).find("unknown field \"jsn\"") !=
        std::string::npos);
  CHECK(error_of({{"checks", {{{"name", "a"}, {"url", "tcp://h:1"}, {"body_contains", "x"}}}}}).find("only connects") !=
        std::string::npos);
  CHECK(error_of({{"checks", json::array()}}).find("at least one check") != std::string::npos);
}

TEST_CASE("verdicts: status, body, JSON field, latency budget, certificate days") {
  CheckSpec c;
  c.kind = ProbeKind::http;
  CHECK(judge(c, ok(200), 30, 7).health == Health::healthy);
  CHECK(judge(c, ok(302), 30, 7).health == Health::healthy);
  CHECK(judge(c, ok(503), 30, 7).reason == "status 503, expected 200–399");
  Attempt refused;
  refused.error = "Couldn't connect to server";
  CHECK(judge(c, refused, 30, 7).reason == "Couldn't connect to server");

  c.json_equals = std::make_pair(std::string("data.status"), json("ok"));
  CHECK(judge(c, ok(200, R"({"data": {"status": "ok"}})"), 30, 7).health == Health::healthy);
  CHECK(judge(c, ok(200, R"({"data": {"status": "down"}})"), 30, 7).reason ==
        "\"data.status\" is \"down\", expected \"ok\"");
  CHECK(judge(c, ok(200, "<html>"), 30, 7).reason ==
        "the body is not JSON (or nests deeper than 256 levels), so \"data.status\" cannot be read");
  // A hostile server's deeply nested body is refused, not recursed into.
  const std::string deep = R"({"data": {"status": )" + std::string(500000, '[') + std::string(500000, ']') + "}}";
  CHECK(judge(c, ok(200, deep), 30, 7).health == Health::unhealthy);
  c.json_equals.reset();
  c.body_contains = "ready";
  CHECK(judge(c, ok(200, "not yet"), 30, 7).health == Health::unhealthy);
  c.body_contains.clear();
  c.latency_budget = std::chrono::milliseconds(5);
  CHECK(judge(c, ok(200), 30, 7).health == Health::degraded);
  c.latency_budget.reset();

  Attempt tls = ok(200);
  tls.tls = TlsFacts{"TLSv1.3", "TLS_AES_256_GCM_SHA384", "CN=ca", 20};
  CHECK(judge(c, tls, 30, 7).health == Health::degraded);
  tls.tls->cert_days_left = 3;
  CHECK(judge(c, tls, 30, 7).reason == "the certificate expires in 3 day(s)");
  tls.tls->cert_days_left = -2;
  CHECK(judge(c, tls, 30, 7).reason == "the certificate expired 2 day(s) ago");
}

TEST_CASE("JSON paths through objects and arrays") {
  const json doc = json::parse(R"({"a": {"b": [10, {"c": "x"}]}})");
  CHECK(json_at(doc, "a.b.0") == json(10));
  CHECK(json_at(doc, "a.b.1.c") == json("x"));
  CHECK_FALSE(json_at(doc, "a.z"));
  CHECK_FALSE(json_at(doc, "a.b.9"));
}

TEST_CASE("the header audit") {
  const HeaderList good{{"strict-transport-security", "max-age=63072000"},
                        {"content-security-policy", "default-src 'self'; frame-ancestors 'none'"},
                        {"x-content-type-options", "nosniff"},
                        {"referrer-policy", "no-referrer"},
                        {"server", "nginx"},
                        {"set-cookie", "id=1; Secure; HttpOnly; SameSite=Strict"}};
  CHECK(audit_headers("https://h/", true, false, 200, good).empty());
  const HeaderList bad{{"strict-transport-security", "max-age=300"},
                       {"server", "nginx/1.22.1"},
                       {"access-control-allow-origin", "*"},
                       {"access-control-allow-credentials", "true"},
                       {"set-cookie", "id=1; HttpOnly"}};
  CHECK(rules(audit_headers("https://h/", true, false, 200, bad)) ==
        std::vector<std::string>{"headers.content-type-options", "headers.cookie-flags", "headers.cors-credentials",
                                 "headers.csp", "headers.frame-protection", "headers.hsts", "headers.referrer-policy",
                                 "headers.version-disclosure"});
  // On http, HSTS and Secure are not asked for; a twin makes the redirect rule apply.
  const auto plain = audit_headers("http://h/", false, true, 200, good);
  CHECK(rules(plain) == std::vector<std::string>{"headers.https-redirect"});
  const HeaderList redirect{{"location", "https://h/"},
                            {"content-security-policy", "frame-ancestors 'none'"},
                            {"x-content-type-options", "nosniff"},
                            {"referrer-policy", "no-referrer"}};
  CHECK(audit_headers("http://h/", false, true, 301, redirect).empty());
  const auto f = audit_headers("https://h/", true, false, 200, bad).front();
  CHECK(f.target == "https://h/");
  CHECK_FALSE(f.location);
  CHECK(f.fingerprint.size() == 32);
  CHECK_FALSE(to_json(f).contains("role"));  // the wire as before: no role, no location
}
