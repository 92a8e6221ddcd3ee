// ready-score: the policy, each category's arithmetic, missing evidence, blockers, merging, and
// the test-report readers.
#include <doctest/doctest.h>

#include "category_scoring.hpp"
#include "common/error.hpp"
#include "common/histogram.hpp"
#include "load_figures.hpp"
#include "policy.hpp"
#include "scoring.hpp"
#include "temp_dir.hpp"
#include "test_reports.hpp"

using namespace readygate;
using namespace readygate::score;
using nlohmann::json;

namespace {

json envelope(const std::string& tool, json findings = json::array(), json metrics = json::object()) {
  return {{"readygate", 1}, {"tool", tool}, {"findings", findings}, {"metrics", metrics}};
}

json finding(const std::string& severity, int i, const std::string& category = "security", bool suppressed = false) {
  return {{"rule", "r." + severity},  {"severity", severity},
          {"category", category},     {"fingerprint", "fp" + std::to_string(i)},
          {"suppressed", suppressed}, {"location", {{"path", "a.py"}, {"line", i + 1}}}};
}

json bench_metrics(double p95, double rps, double error_rate, const json& extra = json::object()) {
  json m{{"overall",
          {{"requests", 1000},
           {"errors", static_cast<int>(error_rate * 1000)},
           {"rps", rps},
           {"latency_ms", {{"p50", p95 / 2}, {"p95", p95}}}}}};
  m.update(extra);
  return m;
}

Policy policy_of(json categories, json blockers = json::array(), double min = 80) {
  return parse_policy({{"min_score", min}, {"categories", categories}, {"blockers", blockers}}, "policy.json");
}

Evidence evidence_of(std::vector<json> envelopes) {
  Evidence e;
  std::vector<SourcedEnvelope> sourced;
  sourced.reserve(envelopes.size());
  for (auto& d : envelopes) sourced.push_back({std::move(d), "test"});
  e.envelopes = gather_envelopes(sourced);
  return e;
}

std::string policy_error(const json& category) {
  try {
    policy_of(json::array({category}));
    return "";
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.what();
  }
}

const json security{{"name", "security"},
                    {"weight", 30},
                    {"kind", "findings"},
                    {"points", {{"critical", 40}, {"high", 15}, {"medium", 5}, {"low", 1}, {"info", 0}}},
                    {"caps", {{"high", 30}}}};
const json performance{{"name", "performance"},
                       {"weight", 30},
                       {"kind", "load"},
                       {"targets",
                        {{{"threshold", "p95<100ms"}, {"limit", "1s"}, {"points", 50}},
                         {{"threshold", "rps>=50"}, {"limit", "10"}, {"points", 50}}}}};

}  // namespace

TEST_CASE("the default policy encodes the original targets") {
  const Policy& p = default_policy();
  CHECK(p.min_score == 80);
  std::vector<std::string> thresholds;
  for (const auto& c : p.categories) {
    for (const auto& t : c.targets) thresholds.push_back(t.threshold.text);
  }
  CHECK(thresholds == std::vector<std::string>{"p95<100ms", "rps>=50", "error_rate<0.1%", "query: p95<50ms"});
  const auto availability = std::find_if(p.categories.begin(), p.categories.end(),
                                         [](const Category& c) { return c.kind == CategoryKind::health; });
  REQUIRE(availability != p.categories.end());
  CHECK(availability->availability_target == doctest::Approx(0.999));
  CHECK(p.blockers.size() == 4);
}

TEST_CASE("policy mistakes name the category and the field") {
  json c = security;
  c["kind"] = "vibes";
  CHECK(policy_error(c).find("categories[0] (\"security\"): field \"kind\"") != std::string::npos);
  c = security;
  c["weight"] = -3;
  CHECK(policy_error(c).find("field \"weight\": must be a positive number") != std::string::npos);
  c = security;
  c["wieght"] = 3;
  CHECK(policy_error(c).find("unknown field \"wieght\"") != std::string::npos);
  c = performance;
  c["targets"][0]["threshold"] = "p59<100ms";
  CHECK(policy_error(c).find("unknown metric 'p59'") != std::string::npos);
  c = performance;
  c["targets"][0]["threshold"] = "p95 about 100ms";
  CHECK(policy_error(c).find("threshold 'p95 about 100ms'") != std::string::npos);
  c = performance;
  c["targets"][0]["limit"] = "50ms";
  CHECK(policy_error(c).find("field \"limit\": must be on the failing side") != std::string::npos);
  c = {{"name", "availability"}, {"weight", 10}, {"kind", "health"}, {"target", "99.9 percent"}};
  CHECK(policy_error(c).find("field \"target\"") != std::string::npos);
  for (const char* bad : {"nan", "nan%", "inf%", " 99%", "%", ""}) {
    CAPTURE(bad);
    c["target"] = bad;
    CHECK(policy_error(c).find("field \"target\"") != std::string::npos);
  }
  CHECK_THROWS_AS(policy_of(json::array({security}), json::array({"meteor_strike"})), Error);
  CHECK_THROWS_AS(policy_of(json::array({security, security})), Error);
}

TEST_CASE("findings lose points by severity, up to each severity's cap; suppressed ones do not count") {
  const Policy p = policy_of(json::array({security}));
  json findings = json::array();
  for (int i = 0; i < 3; ++i) findings.push_back(finding("high", i));    // 45 points, capped at 30
  for (int i = 3; i < 5; ++i) findings.push_back(finding("medium", i));  // 10
  findings.push_back(finding("critical", 9, "security", true));          // suppressed
  const ScoreResult r = compute_score(p, evidence_of({envelope("scan", findings)}));
  const CategoryScore& s = r.categories[0];
  CHECK(s.score == doctest::Approx(60.0));
  CHECK(s.status == "scored");
  double listed = 0;
  for (const auto& d : s.deductions) listed += d.points;
  CHECK(listed == doctest::Approx(40.0));  // every point lost is listed
  CHECK(s.deductions.back().reason ==
        "1 more high findings not counted: the cap of 30 points for high findings is reached");
  CHECK(s.deductions.front().evidence == "scan:fp0");
  CHECK(r.value == doctest::Approx(60.0));
}

TEST_CASE("a clean scan is evidence of a perfect score; no scan at all is no evidence") {
  const Policy p = policy_of(json::array({security, performance}));
  const ScoreResult clean =
      compute_score(p, evidence_of({envelope("scan"), envelope("bench", {}, bench_metrics(10, 200, 0))}));
  CHECK(clean.value == 100.0);
  CHECK(clean.evidence_coverage == 1.0);
  const ScoreResult no_scan = compute_score(p, evidence_of({envelope("bench", {}, bench_metrics(10, 200, 0))}));
  CHECK(no_scan.categories[0].status == "no-evidence");
  CHECK(no_scan.value == 100.0);  // the mean of what had evidence, not a perfect security score
  CHECK(no_scan.evidence_coverage == doctest::Approx(0.5));
  CHECK(no_scan.checks[0].status == CheckStatus::skip);
}

TEST_CASE("a required category without evidence scores 0 and says so") {
  json required = security;
  required["required"] = true;
  const ScoreResult r = compute_score(policy_of(json::array({required, performance})),
                                      evidence_of({envelope("bench", {}, bench_metrics(10, 200, 0))}));
  CHECK(r.categories[0].status == "no-evidence");
  CHECK(r.categories[0].score == 0.0);
  CHECK(r.categories[0].deductions[0].reason == "no evidence, and the policy requires this category");
  CHECK(r.value == 50.0);
  CHECK(r.checks[0].status == CheckStatus::fail);
  CHECK_FALSE(r.pass);
}

TEST_CASE("load targets are graded linearly between the threshold and the limit") {
  const Policy p = policy_of(json::array({performance}));
  // p95 550 ms: half-way from 100 to 1000 -> 25 of 50; rps 30: (30-10)/(50-10) -> 25 of 50.
  const ScoreResult r = compute_score(p, evidence_of({envelope("bench", {}, bench_metrics(550, 30, 0))}));
  CHECK(r.categories[0].score == doctest::Approx(50.0));
  REQUIRE(r.categories[0].deductions.size() == 2);
  CHECK(r.categories[0].deductions[0].points == doctest::Approx(25.0));
  CHECK(r.categories[0].deductions[0].reason == "overall p95 = 550 ms, target < 100 ms (no points at 1000 ms)");
  // Beyond the limit: nothing for that target, never negative.
  CHECK(compute_score(p, evidence_of({envelope("bench", {}, bench_metrics(5000, 200, 0))})).categories[0].score ==
        doctest::Approx(50.0));
}

TEST_CASE("a scoped target without its endpoint is noted, not counted") {
  json c = performance;
  c["targets"].push_back({{"threshold", "query: p95<50ms"}, {"limit", "500ms"}, {"points", 50}});
  const ScoreResult r =
      compute_score(policy_of(json::array({c})), evidence_of({envelope("bench", {}, bench_metrics(10, 200, 0))}));
  CHECK(r.categories[0].score == 100.0);
  CHECK(r.categories[0].deductions.back().reason ==
        "no evidence for 'query: p95<50ms' (no p95 for query): not counted");
}

TEST_CASE("several load generators: histograms merged before percentiles") {
  LatencyHistogram fast, slow, all;
  for (int i = 0; i < 900; ++i) {
    fast.record_ms(10);
    all.record_ms(10);
  }
  for (int i = 0; i < 100; ++i) {
    slow.record_ms(400);
    all.record_ms(400);
  }
  const auto run = [](const LatencyHistogram& h, int requests) {
    return json{{"overall", {{"requests", requests}, {"errors", 0}, {"rps", 100}, {"histogram", h.to_json()}}}};
  };
  const auto figures = merge_load_figures({run(fast, 900), run(slow, 100)});
  const LoadFigures& overall = figures.at("");
  CHECK(overall.runs == 2);
  CHECK(overall.value("p95") == all.percentile_ms(95));  // 400: never the average of 10 and 400
  CHECK(overall.value("p50") == all.percentile_ms(50));
  CHECK(overall.value("rps") == 200.0);
  CHECK(overall.requests == 1000.0);
}

TEST_CASE("availability: the share of critical checks healthy") {
  const json health{{"name", "availability"}, {"weight", 25}, {"kind", "health"}, {"target", "99.9%"}};
  const json checks{{"checks",
                     {{{"name", "api"}, {"status", "healthy"}, {"critical", true}},
                      {{"name", "db"}, {"status", "unhealthy"}, {"critical", true}, {"error", "connection refused"}},
                      {{"name", "cdn"}, {"status", "unhealthy"}, {"critical", false}}}}};
  const ScoreResult r = compute_score(policy_of(json::array({health}), json::array({"critical_check_down"})),
                                      evidence_of({envelope("healthcheck", {}, checks)}));
  CHECK(r.categories[0].score == doctest::Approx(50.0));
  CHECK(r.categories[0].evidence == "1 of 2 critical checks healthy (50 %, target 99.9 %)");
  REQUIRE(r.blockers.size() == 1);
  CHECK(r.blockers[0].reason == "critical check db is unhealthy: connection refused");
  CHECK_FALSE(r.pass);
}

TEST_CASE("a degraded critical check loses availability but is not down: no blocker, as healthcheck says") {
  const json health{{"name", "availability"}, {"weight", 25}, {"kind", "health"}, {"target", "99.9%"}};
  const json checks{{"checks",
                     {{{"name", "api"}, {"status", "healthy"}, {"critical", true}},
                      {{"name", "slow"}, {"status", "degraded"}, {"critical", true}, {"error", "over budget"}}}}};
  const ScoreResult r = compute_score(policy_of(json::array({health}), json::array({"critical_check_down"})),
                                      evidence_of({envelope("healthcheck", {}, checks)}));
  CHECK(r.categories[0].score == doctest::Approx(50.0));
  CHECK(r.blockers.empty());
}

TEST_CASE("blockers fail the gate whatever the score") {
  const Policy p = policy_of(json::array({security, performance}),
                             json::array({"critical_finding", "error_rate_over_limit", "failing_tests"}), 10);
  json perf_with_errors = performance;
  const ScoreResult critical = compute_score(p, evidence_of({envelope("scan", {finding("critical", 1)})}));
  CHECK(critical.value == 60.0);
  REQUIRE(critical.blockers.size() == 1);
  CHECK(critical.blockers[0].reason == "critical finding r.critical at a.py:2");
  CHECK_FALSE(critical.pass);

  json with_limit = json::array({security, performance});
  with_limit[1]["targets"].push_back({{"threshold", "error_rate<0.1%"}, {"limit", "5%"}, {"points", 10}});
  const Policy p2 = policy_of(with_limit, json::array({"error_rate_over_limit"}), 10);
  const ScoreResult errors = compute_score(p2, evidence_of({envelope("bench", {}, bench_metrics(10, 200, 0.08))}));
  REQUIRE(errors.blockers.size() == 1);
  CHECK(errors.blockers[0].reason == "error rate 8 % is over its limit of 5 %");

  Evidence failing = evidence_of({envelope("scan")});
  failing.tests = TestResults{10, 1, 0, 0, {"t.a"}, {"junit.xml"}};
  const ScoreResult tests = compute_score(p, failing);
  CHECK(tests.value == 100.0);
  REQUIRE(tests.blockers.size() == 1);
  CHECK(tests.blockers[0].reason == "1 failing tests");
  CHECK_FALSE(tests.pass);
}

TEST_CASE("testing: pass rate and coverage, each an equal share") {
  const json testing{
      {"name", "testing"}, {"weight", 15}, {"kind", "tests"}, {"pass_rate_target", "100%"}, {"coverage_target", "80%"}};
  Evidence e = evidence_of({});
  e.tests = TestResults{27, 3, 0, 0, {"a", "b", "c"}, {"junit.xml"}};
  e.coverage = 0.6;
  const ScoreResult r = compute_score(policy_of(json::array({testing})), e);
  // (88.9 + 75) / 2
  CHECK(r.categories[0].score == doctest::Approx((24.0 / 27.0 * 100.0 + 75.0) / 2.0));
  CHECK(r.value == 81.9);
}

TEST_CASE("informational categories are shown, never counted") {
  json info = security;
  info["name"] = "code-health";
  info["informational"] = true;
  const ScoreResult r = compute_score(
      policy_of(json::array({performance, info})),
      evidence_of({envelope("scan", {finding("high", 1)}), envelope("bench", {}, bench_metrics(10, 200, 0))}));
  CHECK(r.categories[1].status == "informational");
  CHECK(r.categories[1].score == 85.0);
  CHECK(r.value == 100.0);
  CHECK(r.checks[1].status == CheckStatus::pass);
}

TEST_CASE("the score is the weighted mean, to one decimal") {
  json other = security;
  other["name"] = "other";
  other["weight"] = 70;
  const Policy p = policy_of(json::array({security, other}));
  // both 100 - 15 = 85 ... then make them differ: security loses 1 more (low).
  const ScoreResult r = compute_score(p, evidence_of({envelope("scan", {finding("high", 1), finding("low", 2)})}));
  CHECK(r.categories[0].score == 84.0);
  CHECK(r.value == 84.0);
  const json j = to_json(r);
  CHECK(j["gate"] == "pass");
  CHECK(j["categories"][0]["deductions"].size() == 2);
}

TEST_CASE("JUnit reports are counted by their test cases; malformed XML is an input error") {
  test::TempDir dir;
  const auto a =
      dir.write("a.xml",
                "<testsuites><testsuite name=\"x\" tests=\"99\">"
                "<testcase classname=\"c\" name=\"ok\"/>"
                "<testcase classname=\"c\" name=\"bad\"><failure/></testcase>"
                "<testsuite name=\"nested\"><testcase classname=\"d\" name=\"err\"><error/></testcase></testsuite>"
                "<testcase classname=\"c\" name=\"skip\"><skipped/></testcase>"
                "</testsuite></testsuites>");
  const auto b = dir.write("b.xml", "<testsuite><testcase classname=\"e\" name=\"ok\"/></testsuite>");
  const TestResults r = read_junit({a.string(), b.string()});
  CHECK(r.tests == 5);
  CHECK(r.failures == 1);
  CHECK(r.errors == 1);
  CHECK(r.skipped == 1);
  CHECK(r.passed() == 2);
  CHECK(r.failed == std::vector<std::string>{"c.bad", "d.err"});
  const auto broken = dir.write("broken.xml", "<testsuites>\n  <testsuite>\n    <testcase name=\"x\">\n</testsuites>");
  try {
    read_junit({broken.string()});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("broken.xml:4:") != std::string::npos);
    CHECK(std::string(e.what()).find("malformed XML") != std::string::npos);
  }
  CHECK_THROWS_AS(read_junit({dir.write("html.xml", "<html/>").string()}), Error);
}

TEST_CASE("coverage from Cobertura or lcov") {
  test::TempDir dir;
  CHECK(read_coverage(
            dir.write("c.xml", "<?xml version=\"1.0\"?><coverage line-rate=\"0.83\" branch-rate=\"0.5\"/>").string()) ==
        doctest::Approx(0.83));
  CHECK(read_coverage(dir.write("l.info", "SF:a.c\nLF:10\nLH:7\nend_of_record\nSF:b.c\nLF:30\nLH:13\nend_of_record\n")
                          .string()) == doctest::Approx(0.5));
  CHECK_THROWS_AS(read_coverage(dir.write("x.txt", "hello").string()), Error);
  CHECK_THROWS_AS(read_coverage(dir.write("bad.info", "LF:ten\n").string()), Error);
}

TEST_CASE("with new_only, findings already in the baseline cost nothing") {
  json baseline_aware = security;
  baseline_aware["new_only"] = true;
  json known = finding("high", 1);
  known["baseline_state"] = "unchanged";
  json fresh = finding("medium", 2);
  fresh["baseline_state"] = "new";
  const ScoreResult r =
      compute_score(policy_of(json::array({baseline_aware})), evidence_of({envelope("scan", {known, fresh})}));
  CHECK(r.categories[0].score == 95.0);
  CHECK(r.categories[0].evidence == "1 open findings from scan, 1 known from the baseline");
  const ScoreResult all =
      compute_score(policy_of(json::array({security})), evidence_of({envelope("scan", {known, fresh})}));
  CHECK(all.categories[0].score == 80.0);
}
