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

TEST_CASE("JUnit: a suite per tool, a case per check and finding, counts, escaped text") {
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
                                   {{"id", "bench.rps"}, {"status", "pass"}}});
  const std::string xml = to_junit(gather({envelope("scan", {f, suppressed}, checks)}));
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  const pugi::xml_node suite = doc.child("testsuites").child("testsuite");
  CHECK(std::string(suite.attribute("name").value()) == "readygate.scan");
  CHECK(suite.attribute("tests").as_int() == 4);
  CHECK(suite.attribute("failures").as_int() == 2);
  CHECK(suite.attribute("skipped").as_int() == 1);
  CHECK(std::string(suite.attribute("time").value()) == "1.500");
  const std::string check_failure = suite.child("testcase").child("failure").attribute("message").value();
  CHECK(check_failure == "p95 too slow (value 120.5 ms, limit < 100 ms)");
  CHECK(xml.find("bad &lt;tag&gt; &amp; \"quote\" \xEF\xBF\xBD control") != std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(xml.find("classname=\"src/a.py\"") != std::string::npos);
  CHECK(xml.find("src/a.py:4:3: [high]") != std::string::npos);
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
  CHECK(md.find("Open findings: 1 high.") != std::string::npos);
  CHECK(md.find("1 finding (1 high)") != std::string::npos);
  CHECK(md.find("1 already in the baseline") != std::string::npos);
  CHECK(md.find("py.known") == std::string::npos);
  const std::string xml = to_junit(set);
  CHECK(xml.find("already in the baseline") != std::string::npos);
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
