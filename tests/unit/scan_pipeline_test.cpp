// Fingerprints, baselines, diff filtering, the threaded scanner and the envelope it produces.
#include <doctest/doctest.h>

#include "baseline.hpp"
#include "common/error.hpp"
#include "diff_filter.hpp"
#include "engine.hpp"
#include "fingerprint.hpp"
#include "scan_report.hpp"
#include "scanner.hpp"
#include "temp_dir.hpp"

using namespace readygate;
using namespace readygate::scan;
using nlohmann::json;

namespace {
Rule eval_rule() {
  Rule r;
  r.id = "py.eval";
  r.title = "eval";
  r.category = "security";
  r.severity = Severity::high;
  r.pattern = "eval\\(";
  r.message = "m";
  return r;
}

std::vector<scan::Finding> scan_text(const RuleEngine& engine, const std::string& text) {
  auto findings = engine.scan("src/a.py", text);
  assign_fingerprints(findings, engine.rules());
  return findings;
}
}  // namespace

TEST_CASE("fingerprints survive lines moving and tell repeated lines apart") {
  const RuleEngine engine({eval_rule()});
  const auto before = scan_text(engine, "eval(x)\neval(x)\n");
  const auto after = scan_text(engine, "# a new comment\n\n  eval(x)\nprint(1)\neval(x)\n");
  REQUIRE(before.size() == 2);
  REQUIRE(after.size() == 2);
  CHECK(before[0].fingerprint == after[0].fingerprint);  // indentation is normalised away
  CHECK(before[1].fingerprint == after[1].fingerprint);
  CHECK(before[0].fingerprint != before[1].fingerprint);  // occurrence index
  CHECK(before[0].fingerprint.size() == 32);
  const auto changed = scan_text(engine, "eval(y)\n");
  CHECK(changed[0].fingerprint != before[0].fingerprint);
}

TEST_CASE("a baseline marks known findings as not new, and reads score envelopes' inputs too") {
  const RuleEngine engine({eval_rule()});
  auto findings = scan_text(engine, "eval(old)\neval(new)\n");
  const json scan{{"readygate", 1}, {"tool", "scan"}, {"findings", {{{"fingerprint", findings[0].fingerprint}}}}};
  const json score{{"readygate", 1}, {"tool", "score"}, {"inputs", {scan}}};
  for (const json& baseline : {scan, score}) {
    auto copy = findings;
    mark_new(copy, baseline_fingerprints({baseline}, "old.json"));
    CHECK(copy[0].is_new == false);
    CHECK(copy[1].is_new == true);
  }
  CHECK_THROWS_AS(baseline_fingerprints({json{{"not", "an envelope"}}}, "old.json"), Error);
}

TEST_CASE("unified diffs give the changed line ranges of the new files") {
  const std::string diff =
      "diff --git src/a.py src/a.py\n"
      "--- src/a.py\n"
      "+++ src/a.py\n"
      "@@ -3,0 +4,2 @@ def f():\n"
      "+x\n+y\n"
      "@@ -10 +12 @@\n"
      "-a\n+b\n"
      "@@ -20,3 +21,0 @@\n"
      "--- old.py\n"
      "+++ /dev/null\n"
      "@@ -1,2 +0,0 @@\n";
  const ChangedLines changed = parse_unified_diff(diff, "");
  REQUIRE(changed.count("src/a.py") == 1);
  CHECK(changed.at("src/a.py") == std::vector<std::pair<std::size_t, std::size_t>>{{4, 5}, {12, 12}});
  CHECK(changed.count("old.py") == 0);

  std::vector<scan::Finding> findings(4);
  findings[0].path = "src/a.py", findings[0].line = 4;
  findings[1].path = "src/a.py", findings[1].line = 6;
  findings[2].path = "src/a.py", findings[2].line = 12;
  findings[3].path = "src/b.py", findings[3].line = 1;
  keep_changed(findings, changed);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].line == 4);
  CHECK(findings[1].line == 12);
}

TEST_CASE("shards are K/N with 1 <= K <= N") {
  CHECK(parse_shard("2/4").index == 2);
  CHECK(parse_shard("1/1").count == 1);
  for (const char* bad : {"0/4", "5/4", "2", "a/b", "2/4x", "/4", ""}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_shard(bad), Error);
  }
}

TEST_CASE("the scanner counts what it skips and gives the same result on any thread count") {
  test::TempDir dir;
  for (int i = 0; i < 40; ++i) dir.write("src/m" + std::to_string(i) + ".py", "x = 1\neval(x)\n");
  dir.write("bin/tool.py", std::string("eval(\0)", 7));
  dir.write("big/huge.py", std::string(2048, 'a') + "\neval(x)\n");
  const RuleEngine engine({eval_rule()});
  ScanOptions options;
  options.paths = {dir.path().string()};
  options.max_file_size = 1024;
  options.progress = ProgressMode::never;
  options.jobs = 1;
  const ScanResult one = scan_paths(engine, options);
  options.jobs = 4;
  const ScanResult four = scan_paths(engine, options);
  CHECK(one.stats.files == 40);
  CHECK(one.stats.skipped_binary == 1);
  CHECK(one.stats.skipped_too_large == 1);
  REQUIRE(one.findings.size() == 40);
  REQUIRE(four.findings.size() == 40);
  for (std::size_t i = 0; i < 40; ++i) CHECK(one.findings[i].path == four.findings[i].path);
  CHECK(std::is_sorted(one.findings.begin(), one.findings.end(),
                       [](const scan::Finding& a, const scan::Finding& b) { return a.path < b.path; }));

  // Shards partition the files: every file in exactly one shard.
  std::size_t total = 0;
  for (unsigned k = 1; k <= 3; ++k) {
    options.shard = Shard{k, 3};
    total += scan_paths(engine, options).stats.files;
  }
  CHECK(total == 40);
}

TEST_CASE("the envelope summarises files, findings and the --fail-on check") {
  const RuleEngine engine({eval_rule()});
  ScanResult result;
  result.findings = scan_text(engine, "eval(a)\neval(b)  # ready:ignore\n");
  result.stats.files = 1;
  result.stats.bytes = 30;
  result.stats.unreadable = {"secret.txt: Permission denied"};
  const json e = scan_envelope(RunInfo{}, "src", result, engine.rules(), {Severity::high, false});
  CHECK(e["tool"] == "scan");
  CHECK(e["summary"]["findings"] == 1);
  CHECK(e["summary"]["suppressed"] == 1);
  CHECK(e["summary"]["by_severity"]["high"] == 1);
  CHECK(e["summary"]["by_severity"]["critical"] == 0);
  CHECK(e["summary"]["by_category"]["security"] == 1);
  CHECK(e["summary"]["unreadable"] == 1);
  CHECK(e["summary"]["rules"] == 1);
  CHECK_FALSE(e["summary"].contains("new"));
  CHECK(e["findings"] == json::array());  // written one by one: see write_json_output
  REQUIRE(result.findings.size() == 2);
  const json f = finding_json(result.findings[0], engine.rules()[0]);
  CHECK(f["rule"] == "py.eval");
  CHECK(f["location"]["path"] == "src/a.py");
  CHECK(f["location"]["line"] == 1);
  CHECK(f["suppressed"] == false);
  CHECK(finding_json(result.findings[1], engine.rules()[0])["suppressed"] == true);
  REQUIRE(e["checks"].size() == 2);
  CHECK(e["checks"][0]["id"] == "scan.unreadable");
  CHECK(e["checks"][0]["status"] == "warn");
  CHECK(e["checks"][1]["id"] == "scan.fail_on");
  CHECK(e["checks"][1]["status"] == "fail");
  CHECK(count_gating(result.findings, engine.rules(), Severity::high) == 1);
  CHECK(count_gating(result.findings, engine.rules(), Severity::critical) == 0);
  result.findings[0].is_new = false;  // known from a baseline: no longer gating
  result.findings[1].is_new = true;
  CHECK(count_gating(result.findings, engine.rules(), Severity::high) == 0);
  const json with_baseline = scan_envelope(RunInfo{}, "src", result, engine.rules(), {std::nullopt, true});
  CHECK(with_baseline["summary"]["new"] == 0);  // the only new finding is suppressed
  // "findings" counts the open ones (count_open): neither suppressed nor unchanged.
  CHECK(with_baseline["summary"]["findings"] == 0);
  CHECK(with_baseline["summary"]["unchanged"] == 1);
  CHECK(with_baseline["summary"]["by_severity"]["high"] == 0);
  CHECK(finding_json(result.findings[0], engine.rules()[0])["baseline_state"] == "unchanged");
}
