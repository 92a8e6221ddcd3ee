#include "envelope_model.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "bench_merge.hpp"
#include "envelope.hpp"
#include "error.hpp"
#include "json_fields.hpp"
#include "log.hpp"

namespace readygate {
namespace {

using nlohmann::json;

Score read_score(const json& object, const std::string& where) {
  const JsonFields f(object, where + ": score");
  Score score;
  score.value = f.number("value").value_or(0.0);
  score.passed = f.text("gate") == "pass";
  score.min = f.number("min");
  std::size_t index = 0;
  for (const json& blocker : f.array("blockers")) {
    const std::string at = where + ": score: blockers[" + std::to_string(index++) + "]";
    if (blocker.is_string()) {
      score.blockers.push_back(blocker.get<std::string>());
    } else if (blocker.is_object()) {
      const JsonFields b(blocker, at);
      score.blockers.push_back(b.text("reason", Presence::required));
      if (std::string evidence = b.text("evidence"); !evidence.empty()) score.blocker_evidence.push_back(evidence);
    } else {
      throw_input_error(at + ": expected a string or {\"reason\": …}, got " + std::string(blocker.type_name()));
    }
  }
  score.categories = f.array("categories");
  score.evidence_coverage = f.number("evidence_coverage", 0, 1);
  return score;
}

// Recursion over embedded inputs is bounded: the reader refuses documents nested deeper than
// max_json_depth, so a score can embed scores at most max_json_depth / 2 times.
void add_envelope(const json& document, const std::string& source, std::map<std::string, ToolRun>& runs,
                  std::optional<Score>& score) {
  validate_envelope(document, source);
  const JsonFields e(document, source);
  const std::string tool = e.text("tool");
  // A score envelope carries what it read: render those too.
  std::size_t index = 0;
  for (const json& input : e.array("inputs")) {
    add_envelope(input, source + ": inputs[" + std::to_string(index++) + "]", runs, score);
  }
  if (const json* s = e.object("score")) score = read_score(*s, source);

  ToolRun& run = runs[tool];
  run.tool = tool;
  if (run.version.empty()) run.version = e.text("version");
  if (run.target.empty()) run.target = e.text("target");
  if (const json* r = e.object("run")) {
    const JsonFields rf(*r, source + ": run");
    if (run.started.empty()) run.started = rf.text("started");
    // Up to ~31,000 years: a double past that would overflow the integer cast.
    run.duration_ms += static_cast<long long>(rf.number("duration_ms", 0, 1e15).value_or(0));
  }
  if (const json* summary = e.object("summary")) {
    if (run.summary.empty()) run.summary = *summary;
  }
  if (const json* metrics = e.object("metrics")) {
    if (run.metrics.empty()) run.metrics = *metrics;
    if (!metrics->empty()) run.all_metrics.push_back(*metrics);
  }
  index = 0;
  for (const json& c : e.array("checks"))
    run.checks.push_back(check_from_json(c, source + ": checks[" + std::to_string(index++) + "]"));
  index = 0;
  for (const json& f : e.array("findings")) {
    run.findings.push_back(finding_from_json(f, source + ": findings[" + std::to_string(index++) + "]"));
  }
}

// Several bench envelopes (load generators side by side, shards) become one run's figures, as
// one machine would have measured them (common/bench_merge.hpp). A single unsharded envelope is
// left as it is, byte for byte.
void merge_bench_run(ToolRun& run) {
  const bool sharded = std::any_of(run.all_metrics.begin(), run.all_metrics.end(),
                                   [](const json& m) { return m.is_object() && m.contains("shard"); });
  if (run.all_metrics.size() < 2 && !sharded) return;
  std::vector<BenchMetrics> parsed;
  for (std::size_t i = 0; i < run.all_metrics.size(); ++i) {
    parsed.push_back(bench_metrics_from_json(run.all_metrics[i], "bench metrics [" + std::to_string(i) + "]"));
  }
  const ShardCoverage coverage = check_shards(parsed);
  for (const auto& warning : coverage.warnings) log_warning("bench: " + warning);
  std::vector<json> kept_json;
  std::vector<BenchMetrics> kept;
  for (const std::size_t i : coverage.keep) {
    kept_json.push_back(run.all_metrics[i]);
    kept.push_back(std::move(parsed[i]));
  }
  run.all_metrics = std::move(kept_json);
  if (kept.size() < 2) return;
  const BenchMetrics merged = merge_bench_metrics(kept);
  run.metrics = to_json(merged);
  if (merged.overall && run.summary.is_object()) {
    const BenchFigures& o = *merged.overall;
    run.summary["requests"] = o.requests;
    run.summary["errors"] = o.errors;
    run.summary["error_rate"] = o.error_rate.value_or(0.0);
    run.summary["rps"] = o.rps.value_or(0.0);
    run.summary["p95_ms"] = o.latency.p95.value_or(0.0);
    run.summary["partial"] = merged.partial;
  }
}

bool before(const Finding& a, const Finding& b) {
  const auto key = [](const Finding& f) {
    const Location empty;
    const Location& l = f.location ? *f.location : empty;
    return std::make_tuple(-static_cast<int>(f.severity), l.path, l.line, l.column, f.rule, f.fingerprint);
  };
  return key(a) < key(b);
}

}  // namespace

EnvelopeSet gather_envelopes(const std::vector<SourcedEnvelope>& envelopes) {
  std::map<std::string, ToolRun> runs;
  EnvelopeSet report;
  for (const auto& e : envelopes) add_envelope(e.document, e.source, runs, report.score);
  for (auto& [name, run] : runs) {
    if (name == "bench") merge_bench_run(run);
    std::stable_sort(run.findings.begin(), run.findings.end(), before);
    std::set<std::string> seen;
    std::erase_if(run.findings,
                  [&](const Finding& f) { return !f.fingerprint.empty() && !seen.insert(f.fingerprint).second; });
    report.runs.push_back(std::move(run));
  }
  return report;
}

}  // namespace readygate
