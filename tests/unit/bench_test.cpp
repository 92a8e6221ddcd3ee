// ready-bench: the scenario model and its validation, error classes, and merging what threads record.
#include <doctest/doctest.h>

#include "common/error.hpp"
#include "scenario.hpp"
#include "stats.hpp"

using namespace readygate;
using namespace readygate::bench;
using nlohmann::json;

namespace {
json scenario_json() {
  return {{"base_url", "http://127.0.0.1:8080/"},
          {"endpoints",
           {{{"url", "/health"}},
            {{"name", "search"}, {"url", "/api/jobs/search?q=x"}, {"method", "POST"}, {"body", "{}"}}}},
          {"phases",
           {{{"name", "warm"}, {"requests", 10}},
            {{"name", "steady"}, {"endpoints", {"search"}}, {"rate", 50}, {"duration", "2s"}}}},
          {"thresholds", {"p95<100ms", "search: p95<50ms", "steady: rps>=40"}}};
}

std::string error_of(const json& document) {
  try {
    parse_scenario(document, "s.json", "");
    return "";
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.what();
  }
}
}  // namespace

TEST_CASE("a scenario resolves URLs, names endpoints and phases, and parses thresholds") {
  const Scenario s = parse_scenario(scenario_json(), "s.json", "");
  REQUIRE(s.endpoints.size() == 2);
  CHECK(s.endpoints[0].url == "http://127.0.0.1:8080/health");
  CHECK(s.endpoints[0].name == "GET /health");
  CHECK(s.endpoints[1].name == "search");
  CHECK(s.endpoints[1].method == "POST");
  REQUIRE(s.phases.size() == 2);
  CHECK(s.phases[0].endpoints == std::vector<std::size_t>{0, 1});  // none named: all, in turn
  CHECK(s.phases[1].endpoints == std::vector<std::size_t>{1});
  CHECK(s.phases[1].rate == 50.0);
  CHECK(s.phases[1].duration == std::chrono::milliseconds(2000));
  CHECK(s.thresholds.size() == 3);
  CHECK(parse_scenario(scenario_json(), "s.json", "http://10.0.0.1:9").endpoints[0].url == "http://10.0.0.1:9/health");
}

TEST_CASE("scenario mistakes are caught before any load, naming the field") {
  json s = scenario_json();
  s["phases"][0].erase("requests");
  CHECK(error_of(s).find("needs \"requests\" or \"duration\"") != std::string::npos);
  s = scenario_json();
  s["phases"][1]["endpoints"] = {"nope"};
  CHECK(error_of(s).find("no endpoint is named \"nope\"") != std::string::npos);
  s = scenario_json();
  s["thresholds"] = {"elsewhere: p95<5ms"};
  CHECK(error_of(s).find("no endpoint or phase is named \"elsewhere\"") != std::string::npos);
  s = scenario_json();
  s["thresholds"] = {"p95<5parsecs"};
  CHECK(error_of(s).find("threshold 'p95<5parsecs'") != std::string::npos);
  s = scenario_json();
  s["phases"][1]["duration"] = "soon";
  CHECK(error_of(s).find("field \"duration\"") != std::string::npos);
  s = scenario_json();
  s.erase("base_url");
  CHECK(error_of(s).find("is relative, and the scenario has no base_url") != std::string::npos);
  s = scenario_json();
  s["endpoints"][0]["headers"] = {"NoColonHere"};
  CHECK(error_of(s).find("field \"headers\"[0]: expected 'Name: value'") != std::string::npos);
  CHECK(error_of(s).find("NoColonHere") == std::string::npos);  // it may be a credential
  s = scenario_json();
  s["endpoints"][0]["headers"] = {"X-Token: a\r\nHost: evil"};
  CHECK(error_of(s).find("line break") != std::string::npos);
  s = scenario_json();
  s["endpoints"][0]["method"] = "GET /x HTTP/1.1\r\n";
  CHECK(error_of(s).find("field \"method\"") != std::string::npos);
  s = scenario_json();
  s["endpoints"][0]["url"] = "file:///etc/passwd";
  CHECK(error_of(s).find("unsupported scheme 'file'") != std::string::npos);
  s = scenario_json();
  s["timeout"] = "0s";
  CHECK(error_of(s).find("field \"timeout\": must be more than 0") != std::string::npos);
  s = scenario_json();
  s["phases"][0]["concurrency"] = 1.5;
  CHECK(error_of(s).find("field \"concurrency\": expected a whole number") != std::string::npos);
  s = scenario_json();
  s["endpoints"][0]["expect_status"] = 200.7;
  CHECK(error_of(s).find("field \"expect_status\": expected a whole number") != std::string::npos);
  s = scenario_json();
  s["phases"][0]["concurency"] = 5;
  CHECK(error_of(s).find("unknown field \"concurency\"") != std::string::npos);
}

TEST_CASE("endpoint names show method and path, never credentials") {
  CHECK(endpoint_name("GET", "http://u:p@h:8080/a/b?c=1") == "GET /a/b?c=1");
  CHECK(endpoint_name("POST", "https://h") == "POST /");
}

TEST_CASE("outcomes fall into error classes") {
  CHECK(classify(CURLE_OK, 200, std::nullopt) == ErrorClass::none);
  CHECK(classify(CURLE_OK, 302, std::nullopt) == ErrorClass::none);
  CHECK(classify(CURLE_OK, 404, std::nullopt) == ErrorClass::http_4xx);
  CHECK(classify(CURLE_OK, 503, std::nullopt) == ErrorClass::http_5xx);
  CHECK(classify(CURLE_OK, 200, 201L) == ErrorClass::other);
  CHECK(classify(CURLE_OK, 201, 201L) == ErrorClass::none);
  CHECK(classify(CURLE_COULDNT_CONNECT, 0, std::nullopt) == ErrorClass::connect);
  CHECK(classify(CURLE_OPERATION_TIMEDOUT, 0, std::nullopt) == ErrorClass::timeout);
  CHECK(classify(CURLE_GOT_NOTHING, 0, std::nullopt) == ErrorClass::other);
  CHECK(classify(CURLE_RECV_ERROR, 0, std::nullopt) == ErrorClass::other);
}

TEST_CASE("what threads record merges into the same figures as one recording") {
  Recording a(1, 2), b(1, 2), one(1, 2);
  for (int i = 0; i < 100; ++i) {
    Outcome o;
    o.latency_ms = o.service_ms = 1.0 + i;
    o.bytes = 10;
    o.error = i % 10 == 0 ? ErrorClass::http_5xx : ErrorClass::none;
    (i % 2 ? a : b).record(0, static_cast<std::size_t>(i % 2), static_cast<std::size_t>(i / 50), o);
    one.record(0, static_cast<std::size_t>(i % 2), static_cast<std::size_t>(i / 50), o);
  }
  a.merge(b);
  for (std::size_t e = 0; e < 2; ++e) {
    const Stats& merged = a.by_phase_endpoint[0][e];
    const Stats& single = one.by_phase_endpoint[0][e];
    CHECK(merged.requests == single.requests);
    CHECK(merged.errors == single.errors);
    CHECK(merged.bytes == single.bytes);
    CHECK(merged.latency.percentile_ms(95) == single.latency.percentile_ms(95));
  }
  REQUIRE(a.timeline.size() == 2);
  CHECK(a.timeline[0].requests == 50);
  CHECK(a.timeline[1].errors == 5);
}

TEST_CASE("a refused connection counts as a request and an error, but has no latency") {
  Stats s;
  Outcome refused;
  refused.error = ErrorClass::connect;
  s.record(refused);
  CHECK(s.requests == 1);
  CHECK(s.errors_by_class[static_cast<std::size_t>(ErrorClass::connect)] == 1);
  CHECK(s.latency.count() == 0);
}
