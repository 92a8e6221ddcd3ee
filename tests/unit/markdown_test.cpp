// ready-report --markdown: the summary's sections in their order, the header audit grouped by
// header, the verdict of runs without a score, and the charts (docs/REPORT.md). The golden file
// tests/fixtures/report/summary.md is the whole page for a gate-like run; to regenerate it after
// an intended change: READYGATE_UPDATE_GOLDEN=1 build/dev/bin/unit_tests -tc='Markdown golden*'.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/envelope_model.hpp"
#include "markdown_writer.hpp"

using namespace readygate;
using namespace readygate::report;
using nlohmann::json;

namespace {

json envelope(const std::string& tool, const std::string& target, json findings = json::array(),
              json checks = json::array(), json metrics = json::object()) {
  return {{"readygate", 1},
          {"tool", tool},
          {"version", "0.1.0"},
          {"target", target},
          {"run", {{"started", "2026-11-28T00:00:00Z"}, {"duration_ms", 1500}}},
          {"summary", json::object()},
          {"metrics", metrics},
          {"checks", checks},
          {"findings", findings}};
}

json code_finding(const std::string& rule, const std::string& severity, const std::string& category,
                  const std::string& path, int line) {
  return {{"rule", rule},
          {"title", "Title of " + rule},
          {"severity", severity},
          {"category", category},
          {"message", "message of " + rule},
          {"location", {{"path", path}, {"line", line}, {"column", 1}, {"snippet", "x = 1"}}},
          {"fingerprint", rule + path + std::to_string(line)},
          {"suppressed", false}};
}

json header_finding(const std::string& rule, const std::string& title, const std::string& severity,
                    const std::string& url) {
  return {{"rule", rule},       {"title", title},    {"severity", severity}, {"category", "security"},
          {"message", "m"},     {"fix", "Send it."}, {"target", url},        {"fingerprint", rule + url},
          {"suppressed", false}};
}

json figures(int requests, int errors, double rps, double p50, double p95, double p99) {
  return {{"requests", requests},
          {"errors", errors},
          {"error_rate", errors / static_cast<double>(requests)},
          {"rps", rps},
          {"bytes", requests * 10},
          {"latency_ms", {{"min", 1}, {"p50", p50}, {"p90", p95 - 1}, {"p95", p95}, {"p99", p99}, {"max", p99 + 5}}}};
}

json with_fields(json object, const json& fields) {
  object.update(fields);
  return object;
}

EnvelopeSet gather(std::vector<json> documents) {
  std::vector<SourcedEnvelope> sourced;
  sourced.reserve(documents.size());
  for (auto& d : documents) sourced.push_back({std::move(d), "test.json"});
  return gather_envelopes(sourced);
}

// A gate-like run: a scan with a leaked key, a health check with a header audit over three
// URLs, a two-phase load scenario, and the score of it all.
std::vector<json> gate_like() {
  json scan = envelope("scan", "src",
                       {code_finding("py.print", "low", "quality", "src/app.py", 3),
                        code_finding("secrets.aws-access-key", "critical", "secrets", "config/.env", 2),
                        code_finding("py.query-in-loop", "medium", "performance", "src/jobs.py", 9),
                        code_finding("py.eval", "high", "security", "src/app.py", 12)});
  scan["summary"] = {{"files", 12}, {"findings", 4}};
  json health_findings = json::array();
  for (const std::string url : {"http://svc/", "http://svc/api", "http://svc/health"}) {
    health_findings.push_back(header_finding("headers.csp", "No Content-Security-Policy", "medium", url));
    health_findings.push_back(header_finding("headers.referrer-policy", "No Referrer-Policy", "low", url));
  }
  health_findings.push_back(header_finding("headers.version-disclosure", "Version disclosed", "low", "http://svc/"));
  json health = envelope("healthcheck", "http://svc/", health_findings,
                         {{{"id", "healthcheck.api"},
                           {"title", "api is healthy"},
                           {"status", "pass"},
                           {"message", "api: healthy, HTTP 200 in 3 ms"}}});
  json bench_metrics = {
      {"overall", figures(300, 3, 150, 7, 20, 40)},
      {"endpoints",
       {with_fields(figures(200, 0, 100, 5, 10, 18), {{"name", "GET /health"}, {"url", "http://svc/health"}}),
        with_fields(figures(100, 3, 50, 20, 45, 60), {{"name", "GET /api/jobs"}, {"url", "http://svc/api/jobs"}})}},
      {"phases",
       {with_fields(figures(100, 0, 100, 6, 12, 20), {{"name", "warm"}, {"model", "closed"}, {"concurrency", 2}}),
        with_fields(figures(200, 3, 150, 8, 22, 41), {{"name", "sustained"}, {"model", "open"}, {"rate", 150}})}},
      {"timeline",
       {{{"t", 0}, {"requests", 100}, {"errors", 0}, {"p95_ms", 12}},
        {{"t", 1}, {"requests", 150}, {"errors", 1}, {"p95_ms", 21}},
        {{"t", 2}, {"requests", 50}, {"errors", 2}, {"p95_ms", 30}}}}};
  json bench = envelope("bench", "http://svc/health", json::array(),
                        {{{"id", "bench.threshold.1"},
                          {"title", "p95 < 100 ms"},
                          {"status", "pass"},
                          {"message", "overall p95 = 20 ms, within < 100 ms"},
                          {"value", 20},
                          {"limit", 100},
                          {"op", "<"},
                          {"unit", "ms"}},
                         {{"id", "bench.threshold.2"},
                          {"title", "error_rate < 0.1 %"},
                          {"status", "fail"},
                          {"message", "overall error_rate = 1 %, not < 0.1 %"},
                          {"value", 0.01},
                          {"limit", 0.001},
                          {"op", "<"}}},
                        bench_metrics);
  json score = envelope("score", "");
  score["score"] = {
      {"value", 41.5},
      {"gate", "fail"},
      {"min", 80},
      {"evidence_coverage", 0.85},
      {"blockers",
       {{{"kind", "critical_finding"},
         {"reason", "critical finding secrets.aws-access-key at config/.env:2"},
         {"evidence", "scan:abc"}}}},
      {"categories",
       {{{"name", "security"},
         {"weight", 30},
         {"status", "scored"},
         {"score", 45},
         {"evidence", "4 scan findings"},
         {"deductions",
          {{{"points", 40}, {"reason", "1 critical finding: secrets.aws-access-key"}, {"evidence", "scan:abc"}},
           {{"points", 15}, {"reason", "1 high finding: py.eval"}, {"evidence", "scan:def"}}}}},
        {{"name", "performance"},
         {"weight", 30},
         {"status", "scored"},
         {"score", 75},
         {"evidence", "bench: 300 requests"},
         {"deductions", {{{"points", 25}, {"reason", "error rate 1 % over 0.1 %"}, {"evidence", "bench: overall"}}}}},
        {{"name", "testing"},
         {"weight", 15},
         {"status", "no-evidence"},
         {"score", 0},
         {"evidence", "no JUnit report"},
         {"deductions", json::array()}}}}};
  score["inputs"] = {scan, health, bench};
  return {score};
}

std::size_t at(const std::string& text, const std::string& what) {
  const std::size_t where = text.find(what);
  CHECK_MESSAGE(where != std::string::npos, "missing: " << what);
  return where;
}

}  // namespace

TEST_CASE("Markdown: the sections come in the order a reader needs them") {
  const std::string md = to_markdown(gather(gate_like()));
  CHECK(md.rfind("## ❌ readygate: not ready — score 41.5 (minimum 80)\n", 0) == 0);
  const std::size_t blockers = at(md, "### Blockers"), categories = at(md, "### Score by category"),
                    lost = at(md, "#### Points lost"), findings = at(md, "### Findings"),
                    security = at(md, "#### Secrets and security (2)"), other = at(md, "#### Other findings (2)"),
                    checks = at(md, "### Checks"), load = at(md, "### Load figures"),
                    headers = at(md, "### Security headers");
  CHECK(blockers < categories);
  CHECK(categories < lost);
  CHECK(lost < findings);
  CHECK(findings < security);
  CHECK(security < other);
  CHECK(other < checks);
  CHECK(checks < load);
  CHECK(load < headers);
  // The secret leads the findings; the header audit is not among them.
  CHECK(at(md, "`secrets.aws-access-key`") < at(md, "`py.eval`"));
  CHECK(at(md, "`py.eval`") < at(md, "`py.query-in-loop`"));
  CHECK(md.find("`headers.csp`") == std::string::npos);
  // Every point lost, with its evidence, and how much of the policy had evidence.
  at(md, "| security | −40 | 1 critical finding: secrets.aws-access-key | `scan:abc` |");
  at(md, "| security | 30 | 45 / 100 | scored | 4 scan findings |");
  at(md, "| testing | 15 | 0 / 100 | no evidence | no JUnit report |");
  at(md, "**Evidence coverage: 85 %** of the weight that counts; no evidence for testing.");
  at(md, "- ❌ critical finding secrets.aws-access-key at config/.env:2");
}

TEST_CASE("Markdown: the header audit has one row per header, with the URLs it affects") {
  const std::string md = to_markdown(gather(gate_like()));
  const std::string headers = md.substr(at(md, "### Security headers"));
  at(headers,
     "| medium | No Content-Security-Policy | 3 URLs: `http://svc/`, `http://svc/api`, `http://svc/health` | Send it. "
     "|");
  at(headers, "| low | No Referrer-Policy | 3 URLs:");
  at(headers, "| low | Version disclosed | 1 URL: `http://svc/` |");
  std::size_t rows = 0;
  for (std::size_t i = headers.find("\n| "); i != std::string::npos; i = headers.find("\n| ", i + 1)) ++rows;
  CHECK(rows == 5);  // the header and separator rows and three headers, not seven URL × header rows

  json many = json::array();
  for (int i = 0; i < 9; ++i)
    many.push_back(
        header_finding("headers.csp", "No Content-Security-Policy", "medium", "http://h/" + std::to_string(i)));
  const std::string long_list = to_markdown(gather({envelope("healthcheck", "http://h/", many)}));
  at(long_list,
     "| medium | No Content-Security-Policy | 9 URLs: `http://h/0`, `http://h/1`, `http://h/2`, `http://h/3`, "
     "`http://h/4` and 4 more |");
}

TEST_CASE("Markdown: checks by their names, load figures by the scenario, units kept apart") {
  const std::string md = to_markdown(gather(gate_like()));
  // The failed check first, named by what it checks, in the producer's words and units.
  CHECK(at(md, "| ❌ | bench | error_rate < 0.1 % | overall error_rate = 1 %, not < 0.1 % |") <
        at(md, "| ✅ | healthcheck | api is healthy |"));
  CHECK(md.find("bench.threshold.") == std::string::npos);
  CHECK(md.find("< 0.001") == std::string::npos);
  at(md, "### Load figures — scenario of 2 phases: warm, sustained\n\nAgainst `http://svc`.");
  at(md, "| sustained | 200 | 3 | 1.5 % | 150 | 8 | 21 | 22 | 41 | 46 |");
  at(md, "| GET /api/jobs | 100 | 3 | 3 % | 50 | 20 | 44 | 45 | 60 | 65 |");
  at(md, "**Overall:** 300 requests, 3 errors (1 %), 150 req/s; p50 7 ms, p95 20 ms, p99 40 ms.");
  // Charts: distinct colours, a y-axis from zero to a round top, a legend for the bars.
  at(md, "\"plotColorPalette\": \"#d62728, #ff7f0e, #1f77b4\"");
  at(md,
     "x-axis [\"GET /health\", \"GET /api/jobs\"]\n    y-axis \"latency (ms)\" 0 --> 100\n    bar [18, 60]\n    bar "
     "[10, 45]\n    bar [5, 20]\n");
  at(md, "Legend: 🟦 p50 · 🟧 p95 · 🟥 p99");
  at(md, "y-axis \"requests\" 0 --> 200\n    line [100, 150, 50]\n    line [0, 1, 2]\n");
  at(md, "Legend: 🟦 requests · 🟥 errors");
}

TEST_CASE("Markdown: a chart only where it says something") {
  json timeline = {{{"t", 0}, {"requests", 5}}, {{"t", 1}, {"requests", 5}}};
  json one = envelope("bench", "http://svc/health", json::array(), json::array(),
                      {{"overall", figures(10, 0, 5, 1, 2, 3)},
                       {"endpoints", {with_fields(figures(10, 0, 5, 1, 2, 3), {{"name", "GET /health"}})}},
                       {"timeline", timeline}});
  const std::string md = to_markdown(gather({one}));
  CHECK(md.find("```mermaid") == std::string::npos);  // one endpoint, two seconds: the tables say it
  at(md, "### Load figures — GET /health\n");
  at(md, "| GET /health | 10 | 0 | 0 % | 5 | 1 | 1 | 2 | 3 | 8 |");
}

TEST_CASE("Markdown: a run without a score still has a verdict") {
  json scan = envelope(
      "scan", "src",
      {code_finding("py.eval", "high", "security", "a.py", 1), code_finding("py.print", "low", "quality", "a.py", 2)});
  const EnvelopeSet set = gather({scan});
  const std::string no_gate = to_markdown(set);
  CHECK(no_gate.rfind("## readygate report: 2 open findings, no gate\n", 0) == 0);
  at(no_gate, "Open findings: 2 (1 high, 1 low).");
  CHECK(to_markdown(set, {Severity::high})
            .rfind("## ❌ readygate report: not ready — 1 finding at or above high (`--fail-on high`)\n", 0) == 0);
  CHECK(to_markdown(set, {Severity::critical})
            .rfind("## ✅ readygate report: ready — no findings at or above critical (`--fail-on critical`)\n", 0) == 0);
  json clean = envelope("scan", "src");
  CHECK(to_markdown(gather({clean})).rfind("## readygate report: 0 open findings, no gate\n", 0) == 0);
}

TEST_CASE("Markdown golden: a gate-like run renders to the reviewed page") {
  const std::string md = to_markdown(gather(gate_like()));
  const std::string golden = std::string(READYGATE_FIXTURES) + "/report/summary.md";
  if (std::getenv("READYGATE_UPDATE_GOLDEN")) {
    std::ofstream(golden, std::ios::binary) << md;
  }
  std::ifstream in(golden, std::ios::binary);
  REQUIRE_MESSAGE(in, "no golden file " << golden);
  std::stringstream expected;
  expected << in.rdbuf();
  CHECK(md == expected.str());
}
