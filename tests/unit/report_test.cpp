// ready-report: the model gathered from envelopes, and each writer's contract.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "annotations_writer.hpp"
#include "codequality_writer.hpp"
#include "common/envelope_model.hpp"
#include "common/error.hpp"
#include "junit_writer.hpp"
#include "markdown_writer.hpp"
#include "sarif_writer.hpp"

using namespace readygate;
using namespace readygate::report;
using nlohmann::json;

namespace {

json finding(const std::string& rule, const std::string& severity, const std::string& path, int line,
             const std::string& fingerprint) {
  return {
      {"rule", rule},
      {"title", "Title of " + rule},
      {"severity", severity},
      {"category", "security"},
      {"cwe", {"CWE-95"}},
      {"message", "message of " + rule},
      {"fix", "fix it"},
      {"location",
       {{"path", path}, {"line", line}, {"column", 3}, {"end_line", line}, {"end_column", 9}, {"snippet", "eval(x)"}}},
      {"fingerprint", fingerprint},
      {"suppressed", false}};
}

json envelope(const std::string& tool, json findings, json checks = json::array()) {
  return {{"readygate", 1},
          {"tool", tool},
          {"version", "0.1.0"},
          {"target", "src"},
          {"run", {{"started", "2026-11-28T00:00:00Z"}, {"duration_ms", 1500}}},
          {"summary", json::object()},
          {"metrics", json::object()},
          {"checks", checks},
          {"findings", findings}};
}

EnvelopeSet gather(std::vector<json> documents) {
  std::vector<SourcedEnvelope> sourced;
  sourced.reserve(documents.size());
  for (auto& d : documents) sourced.push_back({std::move(d), "test.json"});
  return gather_envelopes(sourced);
}

std::string error_of(json document) {
  try {
    gather({std::move(document)});
    return "";
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.what();
  }
}

}  // namespace

TEST_CASE("envelopes of one tool merge, most severe first, duplicates by fingerprint dropped") {
  const EnvelopeSet r =
      gather({envelope("scan", {finding("a", "low", "x.py", 1, "f1"), finding("b", "critical", "y.py", 9, "f2")}),
              envelope("scan", {finding("b", "critical", "y.py", 9, "f2")}),
              envelope("custom-linter", {finding("c", "info", "z.py", 2, "f3")})});
  REQUIRE(r.runs.size() == 2);
  CHECK(r.runs[0].tool == "custom-linter");  // unknown tools are rendered, not rejected
  CHECK(r.runs[1].tool == "scan");
  REQUIRE(r.runs[1].findings.size() == 2);
  CHECK(r.runs[1].findings[0].rule == "b");
  CHECK(r.runs[1].duration_ms == 3000);
}

TEST_CASE("a score envelope's embedded inputs are rendered, and its verdict read") {
  json score = envelope("score", json::array());
  score["score"] = {{"value", 72.5},
                    {"gate", "fail"},
                    {"min", 80},
                    {"blockers", {"1 critical finding"}},
                    {"categories", json::array()}};
  score["inputs"] = {envelope("scan", {finding("a", "high", "x.py", 1, "f1")})};
  const EnvelopeSet r = gather({score});
  REQUIRE(r.score);
  CHECK_FALSE(r.score->passed);
  CHECK(r.score->blockers == std::vector<std::string>{"1 critical finding"});
  CHECK(r.runs.size() == 2);
}

TEST_CASE("malformed envelopes are input errors naming the field") {
  CHECK(error_of(json{{"readygate", 2}, {"tool", "scan"}}).find("unsupported envelope version") != std::string::npos);
  json bad_findings = envelope("scan", json::array());
  bad_findings["findings"] = "none";
  CHECK(error_of(bad_findings).find("field \"findings\": expected an array") != std::string::npos);
  CHECK(error_of(envelope("scan", {finding("a", "severe", "x.py", 1, "f")})).find("unknown severity") !=
        std::string::npos);
  json bad_line = finding("a", "high", "x.py", 1, "f");
  bad_line["location"]["line"] = "twelve";
  CHECK(error_of(envelope("scan", {bad_line})).find("field \"line\"") != std::string::npos);
  CHECK(error_of(envelope("bench", json::array(), {{{"id", "x"}, {"status", "maybe"}}})).find("field \"status\"") !=
        std::string::npos);
}

TEST_CASE("SARIF: one run per tool with its own category, rules with security-severity, stable fingerprints") {
  const json sarif = to_sarif(gather({envelope("scan", {finding("py.eval", "critical", "src/my app.py", 12, "abc123"),
                                                        finding("py.eval", "medium", "src/b.py", 3, "def456")})}));
  CHECK(sarif["version"] == "2.1.0");
  REQUIRE(sarif["runs"].size() == 1);
  const json& run = sarif["runs"][0];
  CHECK(run["automationDetails"]["id"] == "readygate/scan/");
  CHECK(run["tool"]["driver"]["name"] == "ready-scan");
  REQUIRE(run["tool"]["driver"]["rules"].size() == 1);
  const json& rule = run["tool"]["driver"]["rules"][0];
  CHECK(rule["id"] == "py.eval");
  CHECK(rule["name"] == "PyEval");
  CHECK(rule["properties"]["security-severity"] == "9.5");
  CHECK(rule["properties"]["tags"] == json::array({"security", "external/cwe/cwe-95"}));
  CHECK(rule["help"]["text"] == "fix it");
  REQUIRE(run["results"].size() == 2);
  const json& result = run["results"][0];
  CHECK(result["level"] == "error");
  CHECK(run["results"][1]["level"] == "warning");
  CHECK(result["ruleIndex"] == 0);
  CHECK(result["partialFingerprints"]["primaryLocationLineHash"] == "abc123");
  const json& location = result["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "src/my%20app.py");
  CHECK(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(location["region"]["startLine"] == 12);
  CHECK(location["region"]["startColumn"] == 3);
  CHECK(location["region"]["endColumn"] == 9);
}

TEST_CASE("SARIF: suppressions, baseline state, absolute paths, notifications") {
  json suppressed = finding("a", "high", "/abs/x.py", 1, "f1");
  suppressed["suppressed"] = true;
  json known = finding("b", "high", "y.py", 1, "f2");
  known["baseline_state"] = "unchanged";
  json no_location = finding("c", "low", "z.py", 1, "f3");
  no_location.erase("location");
  const json checks =
      json::array({{{"id", "scan.unreadable"}, {"status", "warn"}, {"message", "1 file could not be read"}}});
  json scan = envelope("scan", {suppressed, known, no_location}, checks);
  scan["summary"] = {{"skipped", {{"binary", 2}, {"too_large", 1}, {"symlinks", 0}, {"excluded", 9}}}};
  const json sarif = to_sarif(gather({scan}));
  const json& run = sarif["runs"][0];
  REQUIRE(run["results"].size() == 2);
  CHECK(run["results"][0]["suppressions"][0]["kind"] == "inSource");
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file:///abs/x.py");
  CHECK_FALSE(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"].contains("uriBaseId"));
  CHECK(run["results"][1]["baselineState"] == "unchanged");
  const json& notifications = run["invocations"][0]["toolExecutionNotifications"];
  REQUIRE(notifications.size() == 3);  // unreadable files, skipped files, the finding without a location
  CHECK(notifications[1]["message"]["text"] == "files not analysed: 2 binary, 1 too_large");
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("SARIF: at most 25,000 results per run, the most severe kept, the rest counted") {
  json findings = json::array();
  for (int i = 0; i < 25010; ++i)
    findings.push_back(finding("r", i < 5 ? "critical" : "low", "f.py", i + 1, "fp" + std::to_string(i)));
  const json sarif = to_sarif(gather({envelope("scan", findings)}));
  const json& run = sarif["runs"][0];
  CHECK(run["results"].size() == sarif_max_results_per_run);
  CHECK(run["results"][0]["level"] == "error");
  const std::string note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"];
  CHECK(note.find("10 less severe results were left out") == 0);
}

TEST_CASE("JUnit: a suite per tool, a case per check and per rule, counts, escaped text") {
  json f = finding("py.eval", "high", "src/a.py", 4, "f1");
  f["message"] = "bad <tag> & \"quote\" \x01 control";
  json suppressed = finding("py.eval", "high", "src/b.py", 1, "f2");
  suppressed["suppressed"] = true;
  const json checks = json::array({{{"id", "bench.p95"},
                                    {"title", "P95"},
                                    {"status", "fail"},
                                    {"value", 120.5},
                                    {"limit", 100},
                                    {"op", "<"},
                                    {"unit", "ms"},
                                    {"message", "p95 too slow"}},
                                   {{"id", "bench.rps"}, {"status", "pass"}},
                                   {{"id", "bench.other"}, {"status", "skip"}}});
  // No score, no --fail-on: the producers' verdicts stand (the failed threshold fails).
  const std::string xml = to_junit(gather({envelope("scan", {f, suppressed}, checks)}));
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  const pugi::xml_node suite = doc.child("testsuites").child("testsuite");
  CHECK(std::string(suite.attribute("name").value()) == "readygate.scan");
  CHECK(suite.attribute("tests").as_int() == 4);  // three checks, one rule
  CHECK(suite.attribute("failures").as_int() == 1);
  CHECK(suite.attribute("errors").as_int() == 0);
  CHECK(suite.attribute("skipped").as_int() == 1);
  CHECK(std::string(suite.attribute("time").value()) == "1.500");
  CHECK(doc.child("testsuites").attribute("tests").as_int() == 4);
  CHECK(doc.child("testsuites").attribute("failures").as_int() == 1);
  const std::string check_failure = suite.child("testcase").child("failure").attribute("message").value();
  CHECK(check_failure == "p95 too slow (value 120.5 ms, limit < 100 ms)");
  CHECK(xml.find("bad &lt;tag&gt; &amp; \"quote\" \xEF\xBF\xBD control") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  const pugi::xml_node rule = suite.find_child_by_attribute("testcase", "name", "py.eval: Title of py.eval");
  REQUIRE(rule);
  CHECK(std::string(rule.attribute("classname").value()) == "readygate.scan");
  CHECK_FALSE(rule.child("failure"));
  const std::string out = rule.child("system-out").text().get();
  CHECK(out.find("src/a.py:4:3 high Title of py.eval: bad") == 0);
  CHECK(out.find("src/b.py:1:3 high Title of py.eval: message of py.eval (suppressed in the source)") !=
        std::string::npos);
}

namespace {

struct JunitShape {
  pugi::xml_document doc;
  explicit JunitShape(const std::string& xml) { REQUIRE(doc.load_string(xml.c_str())); }
  pugi::xml_node suites() const { return doc.child("testsuites"); }
  pugi::xml_node suite(const std::string& name) const {
    return suites().find_child_by_attribute("testsuite", "name", name.c_str());
  }
  std::vector<std::string> failing() const {
    std::vector<std::string> names;
    for (const auto& s : suites().children("testsuite")) {
      for (const auto& c : s.children("testcase")) {
        if (c.child("failure") || c.child("error")) names.emplace_back(c.attribute("name").value());
      }
    }
    return names;
  }
};

json score_envelope(bool passed, json blockers, const std::vector<json>& inputs) {
  json score = envelope("score", json::array(),
                        json::array({{{"id", "score.security"}, {"title", "Readiness: security"}, {"status", "fail"}},
                                     {{"id", "score.gate"},
                                      {"title", "Readiness gate"},
                                      {"status", passed ? "pass" : "fail"},
                                      {"message", "score 85, minimum 80"}}}));
  score["score"] = {{"value", 85},
                    {"gate", passed ? "pass" : "fail"},
                    {"min", 80},
                    {"blockers", blockers},
                    {"categories", json::array()}};
  score["inputs"] = inputs;
  return score;
}

}  // namespace

TEST_CASE("JUnit: a passing gate has no failing case, whatever its findings and checks") {
  std::vector<json> lows;
  for (int i = 1; i <= 5; ++i) lows.push_back(finding("py.print", "low", "a.py", i, "p" + std::to_string(i)));
  lows.push_back(finding("py.eval", "high", "b.py", 1, "e1"));
  const json bench = envelope("bench", json::array(),
                              json::array({{{"id", "bench.p95"}, {"status", "fail"}, {"message", "p95 too slow"}}}));
  const EnvelopeSet set = gather({score_envelope(true, json::array(), {envelope("scan", lows), bench})});
  const JunitShape shape(to_junit(set));
  CHECK(shape.failing().empty());
  CHECK(shape.suites().attribute("failures").as_int() == 0);
  CHECK(shape.suites().attribute("errors").as_int() == 0);
  // One case per rule, not per finding: the five low findings are one passing case.
  CHECK(shape.suite("readygate.scan").attribute("tests").as_int() == 2);
  const pugi::xml_node print =
      shape.suite("readygate.scan").find_child_by_attribute("testcase", "name", "py.print: Title of py.print");
  REQUIRE(print);
  const std::string out = print.child("system-out").text().get();
  CHECK(out.find("a.py:1:3 low Title of py.print") == 0);
  CHECK(out.find("a.py:5:3 low") != std::string::npos);
  const std::string p95 = shape.suite("readygate.bench").child("testcase").child("system-out").text().get();
  CHECK(p95.find("fail: p95 too slow") == 0);
  CHECK(p95.find("does not decide it") != std::string::npos);
}

TEST_CASE("JUnit: --fail-on high fails one case for the rule, listing its finding; low findings pass") {
  json high = finding("py.eval", "high", "src/app.py", 12, "e1");
  high["location"]["snippet"] = "eval(****)";
  const EnvelopeSet set = gather({envelope("scan", {high, finding("py.print", "low", "src/app.py", 3, "p1"),
                                                    finding("py.print", "low", "src/util.py", 9, "p2")})});
  const JunitShape shape(to_junit(set, JunitOptions{Severity::high}));
  CHECK(shape.failing() == std::vector<std::string>{"py.eval: Title of py.eval"});
  const pugi::xml_node suite = shape.suite("readygate.scan");
  CHECK(suite.attribute("tests").as_int() == 2);
  CHECK(suite.attribute("failures").as_int() == 1);
  const pugi::xml_node failure = suite.child("testcase").child("failure");
  CHECK(std::string(failure.attribute("type").value()) == "high");
  CHECK(std::string(failure.attribute("message").value()) == "1 finding at or above high");
  CHECK(std::string(failure.text().get()) ==
        "src/app.py:12:3 high Title of py.eval: message of py.eval\n    eval(****)\n    fix: fix it\n");
  const pugi::xml_node print = suite.find_child_by_attribute("testcase", "name", "py.print: Title of py.print");
  CHECK_FALSE(print.child("failure"));
  CHECK(std::string(print.child("system-out").text().get()).find("src/util.py:9:3 low") != std::string::npos);
  // The same findings under --fail-on critical: nothing fails.
  CHECK(JunitShape(to_junit(set, JunitOptions{Severity::critical})).failing().empty());
}

TEST_CASE("JUnit: a failed score fails its gate, each blocker and the blocked findings' rule") {
  json critical = finding("secret.aws", "critical", ".env", 2, "s1");
  critical["category"] = "secrets";
  const json health =
      envelope("healthcheck", json::array(),
               json::array({{{"id", "health.api"}, {"status", "fail"}, {"message", "connection refused"}},
                            {{"id", "health.cache"}, {"status", "warn"}, {"message", "down (not critical)"}},
                            {{"id", "health.web"}, {"status", "pass"}}}));
  const json blockers = json::array(
      {{{"kind", "critical_finding"}, {"reason", "critical finding secret.aws at .env:2"}, {"evidence", "scan:s1"}},
       {{"kind", "critical_check_down"}, {"reason", "critical check api is down"}, {"evidence", "healthcheck:api"}}});
  const EnvelopeSet set = gather({score_envelope(
      false, blockers, {envelope("scan", {critical, finding("py.print", "low", "a.py", 1, "p")}), health})});
  const JunitShape shape(to_junit(set));
  // Suites in tool order (healthcheck, scan, score); in the score's, checks before blockers.
  const std::vector<std::string> expected{"health.api",
                                          "secret.aws: Title of secret.aws",
                                          "score.security: Readiness: security",
                                          "score.gate: Readiness gate",
                                          "blocker: critical finding secret.aws at .env:2",
                                          "blocker: critical check api is down"};
  CHECK(shape.failing() == expected);
  // Checks: one case each, the non-critical one passes with its status in system-out.
  const pugi::xml_node suite = shape.suite("readygate.healthcheck");
  CHECK(suite.attribute("tests").as_int() == 3);
  CHECK(suite.attribute("failures").as_int() == 1);
  CHECK(
      std::string(suite.find_child_by_attribute("testcase", "name", "health.cache").child("system-out").text().get()) ==
      "warn: down (not critical)");
  CHECK(shape.suites().attribute("failures").as_int() == 6);
  const pugi::xml_node secret =
      shape.suite("readygate.scan").find_child_by_attribute("testcase", "name", "secret.aws: Title of secret.aws");
  CHECK(std::string(secret.child("failure").attribute("message").value()) == "1 finding blocking the gate");
}

TEST_CASE("JUnit: without a score or --fail-on, the scan's own --fail-on and failed checks decide") {
  const json checks = json::array({{{"id", "scan.fail_on"},
                                    {"title", "No findings at or above high"},
                                    {"status", "fail"},
                                    {"message", "1 finding(s) at or above high"}},
                                   {{"id", "scan.other"}, {"status", "error"}, {"message", "could not run"}}});
  const EnvelopeSet set = gather({envelope(
      "scan", {finding("py.eval", "high", "a.py", 1, "e1"), finding("py.print", "low", "a.py", 2, "p1")}, checks)});
  const JunitShape shape(to_junit(set));
  CHECK(shape.failing() == std::vector<std::string>{"scan.fail_on: No findings at or above high", "scan.other",
                                                    "py.eval: Title of py.eval"});
  const pugi::xml_node suite = shape.suite("readygate.scan");
  CHECK(suite.attribute("tests").as_int() == 4);
  CHECK(suite.attribute("failures").as_int() == 2);
  CHECK(suite.attribute("errors").as_int() == 1);
  CHECK(shape.suites().attribute("errors").as_int() == 1);
}

TEST_CASE("Code Quality: GitLab's fields, severities mapped, fingerprints unique, suppressed left out") {
  json suppressed = finding("b", "low", "y.py", 1, "f2");
  suppressed["suppressed"] = true;
  json no_fingerprint = finding("c", "medium", "z.py", 7, "");
  const json cq = to_codequality(gather(
      {envelope("scan", {finding("a", "critical", "x.py", 3, "f1"), suppressed, no_fingerprint, no_fingerprint})}));
  REQUIRE(cq.size() == 2);
  CHECK(cq[0]["severity"] == "blocker");
  CHECK(cq[0]["check_name"] == "a");
  CHECK(cq[0]["location"]["path"] == "x.py");
  CHECK(cq[0]["location"]["lines"]["begin"] == 3);
  CHECK(cq[1]["severity"] == "major");
  CHECK(cq[1]["fingerprint"].get<std::string>().size() == 32);
}

TEST_CASE("annotations: GitHub's escaping") {
  CHECK(escape_annotation_data("50% done\r\nnext") == "50%25 done%0D%0Anext");
  CHECK(escape_annotation_property("a:b,c%") == "a%3Ab%2Cc%25");
}

TEST_CASE("annotations: most severe first, at most 10 per level, then one notice with the rest") {
  json findings = json::array();
  for (int i = 0; i < 12; ++i) findings.push_back(finding("e", "high", "a.py", i + 1, "h" + std::to_string(i)));
  for (int i = 0; i < 3; ++i) findings.push_back(finding("w", "medium", "b.py", i + 1, "m" + std::to_string(i)));
  for (int i = 0; i < 10; ++i) findings.push_back(finding("n", "low", "c.py", i + 1, "l" + std::to_string(i)));
  const std::string out = to_annotations(gather({envelope("scan", findings)}));
  const auto count = [&](const std::string& prefix) {
    std::size_t n = 0;
    for (std::size_t at = out.find(prefix); at != std::string::npos; at = out.find(prefix, at + 1)) ++n;
    return n;
  };
  CHECK(count("::error ") == 10);
  CHECK(count("::warning ") == 3);
  CHECK(count("::notice ") == 10);  // 9 findings and the closing notice
  CHECK(out.find(
            "::error file=a.py,line=1,col=3,endLine=1,endColumn=9,title=e%3A Title of e::message of e%0AFix: fix it") ==
        0);
  CHECK(out.find("3 more findings are not annotated") != std::string::npos);
  CHECK(out.rfind("::notice title=readygate::", 0) == std::string::npos);
}

TEST_CASE("Markdown: the verdict first, tables of findings and checks, bench charts, bounded size") {
  json score = envelope("score", json::array());
  score["score"] = {{"value", 93.2},
                    {"gate", "pass"},
                    {"min", 80},
                    {"blockers", json::array()},
                    {"categories", {{{"name", "security"}, {"weight", 30}, {"score", 85}, {"status", "scored"}}}}};
  json bench = envelope("bench", json::array());
  bench["metrics"] = {{"endpoints",
                       {{{"name", "GET /health"},
                         {"requests", 1000},
                         {"errors", 0},
                         {"rps", 179.9},
                         {"latency_ms", {{"p50", 7.41}, {"p95", 10.3}, {"p99", 18.31}}}}}},
                      {"timeline", {{{"t", 0}, {"requests", 207}}, {{"t", 1}, {"requests", 210}}}}};
  json f = finding("py.eval", "high", "src/a.py", 4, "f1");
  f["title"] = "a | pipe";
  const std::string md = to_markdown(gather({score, bench, envelope("scan", {f})}));
  CHECK(md.rfind("## ✅ readygate: ready — score 93.2 (minimum 80)", 0) == 0);
  CHECK(md.find("| security | 30 | 85 / 100 | scored |  |") != std::string::npos);
  CHECK(md.find("| high | `src/a.py:4` | `py.eval` | a \\| pipe |") != std::string::npos);
  // What was not measured is a dash, never a 0 that looks like a figure.
  CHECK(md.find("| GET /health | 1000 | 0 | 0 % | 179.9 | 7.41 | — | 10.3 | 18.31 | — |") != std::string::npos);
  CHECK(md.find("```mermaid") == std::string::npos);  // one endpoint, two seconds: no chart to draw

  json many = json::array();
  for (int i = 0; i < 20000; ++i) {
    json g = finding("r" + std::to_string(i), "high", std::string(200, 'p') + ".py", i + 1, "g" + std::to_string(i));
    many.push_back(g);
  }
  json checks = json::array();
  for (int i = 0; i < 20000; ++i)
    checks.push_back({{"id", "check." + std::to_string(i)}, {"status", "pass"}, {"message", std::string(100, 'm')}});
  const std::string big = to_markdown(gather({envelope("scan", many, checks)}));
  CHECK(big.size() <= max_markdown_bytes);
  CHECK(big.find("The summary was cut here") != std::string::npos);
}

TEST_CASE("every view counts the same findings as open: baseline ones are not") {
  json known = finding("py.known", "high", "a.py", 1, "f1");
  known["baseline_state"] = "unchanged";
  json fresh = finding("py.fresh", "high", "b.py", 2, "f2");
  fresh["baseline_state"] = "new";
  const EnvelopeSet set = gather({envelope("scan", {known, fresh})});
  const std::string md = to_markdown(set);
  CHECK(md.find("Open findings: 1 (1 high).") != std::string::npos);
  CHECK(md.find("1 finding (1 high)") != std::string::npos);
  CHECK(md.find("1 already in the baseline") != std::string::npos);
  CHECK(md.find("py.known") == std::string::npos);
  const std::string xml = to_junit(set);
  CHECK(xml.find("already in the baseline") != std::string::npos);
  CHECK(xml.find("<skipped message=\"1 finding(s), all suppressed or already in the baseline\"") != std::string::npos);
  const json cq = to_codequality(set);
  REQUIRE(cq.size() == 1);
  CHECK(cq[0]["fingerprint"] == "f2");  // the finding's own
  CHECK(to_annotations(set).find("py.known") == std::string::npos);
}

TEST_CASE("a finding survives its wire form unchanged") {
  json f = finding("py.eval", "high", "src/a.py", 3, "abc");
  f["role"] = "test";
  f["baseline_state"] = "new";
  f["help"] = "see the docs";
  f["commit"] = {{"id", std::string(40, 'a')}, {"author", "A"}, {"date", "2026-01-01"}, {"count", 2}};
  CHECK(to_json(finding_from_json(f, "f")) == f);
  CHECK(to_json(check_from_json({{"id", "x"}, {"title", "X"}, {"status", "warn"}, {"message", "m"}}, "c")) ==
        json{{"id", "x"}, {"title", "X"}, {"status", "warn"}, {"message", "m"}});
  CHECK_THROWS_AS(check_from_json({{"id", "x"}, {"status", "passed"}}, "c"), Error);
}
