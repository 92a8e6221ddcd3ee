#include "envelope_model.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <cstdint>

#include "envelope.hpp"
#include "error.hpp"
#include "json_fields.hpp"

namespace readygate {
namespace {

using nlohmann::json;

Finding read_finding(const json& object, const std::string& where) {
  const JsonFields f(object, where);
  Finding finding;
  finding.rule = f.text("rule");
  if (finding.rule.empty()) finding.rule = "unknown";
  finding.title = f.text("title");
  finding.category = f.text("category");
  finding.message = f.text("message");
  finding.fix = f.text("fix");
  finding.help = f.text("help");
  finding.fingerprint = f.text("fingerprint");
  finding.cwe = f.texts("cwe");
  finding.suppressed = f.flag("suppressed");
  finding.baseline_state = f.text("baseline_state");
  finding.target = f.text("target");
  if (const json* commit = f.object("commit")) {
    const JsonFields c(*commit, where + ": commit");
    finding.commit = Finding::Commit{c.text("id", Presence::required), c.text("author"), c.text("date"),
                                     std::max<std::size_t>(1, c.count("count"))};
  }
  if (const std::string role = f.text("role"); !role.empty()) {
    static const std::set<std::string> roles{"product", "test", "example", "vendored", "generated"};
    if (!roles.count(role)) throw_input_error(where + ": field \"role\": expected product, test, example, vendored or generated, got \"" + role + "\"");
    finding.role = role;
  }
  const std::string severity = f.text("severity");
  const auto parsed = parse_severity(severity.empty() ? "medium" : severity);
  if (!parsed) throw_input_error(where + ": field \"severity\": unknown severity \"" + severity + "\"");
  finding.severity = *parsed;
  if (const json* location = f.object("location")) {
    const JsonFields l(*location, where + ": location");
    Location loc;
    loc.path = l.text("path");
    // SARIF and editors take 32-bit positions; no file has two billion lines.
    constexpr std::uint64_t most = 2'147'483'647;
    loc.line = l.count("line", most);
    loc.column = l.count("column", most);
    loc.end_line = l.count("end_line", most);
    loc.end_column = l.count("end_column", most);
    loc.snippet = l.text("snippet");
    if (!loc.path.empty()) finding.location = std::move(loc);
  }
  return finding;
}

Check read_check(const json& object, const std::string& where) {
  const JsonFields f(object, where);
  Check check{f.text("id"), f.text("title"), f.text("status"), f.text("message"), f.number("value"), f.number("limit"),
              f.text("op"), f.text("unit")};
  static const std::set<std::string> statuses{"pass", "warn", "fail", "skip", "error"};
  if (!statuses.count(check.status)) {
    throw_input_error(where + ": field \"status\": expected pass, warn, fail, skip or error, got \"" + check.status + "\"");
  }
  if (check.id.empty()) throw_input_error(where + ": field \"id\": a check needs an id");
  return check;
}

Score read_score(const json& object, const std::string& where) {
  const JsonFields f(object, where + ": score");
  Score score;
  score.value = f.number("value").value_or(0.0);
  score.gate = f.text("gate");
  score.min = f.number("min");
  std::size_t index = 0;
  for (const json& blocker : f.array("blockers")) {
    const std::string at = where + ": score: blockers[" + std::to_string(index++) + "]";
    if (blocker.is_string()) {
      score.blockers.push_back(blocker.get<std::string>());
    } else if (blocker.is_object()) {
      score.blockers.push_back(JsonFields(blocker, at).text("reason", Presence::required));
    } else {
      throw_input_error(at + ": expected a string or {\"reason\": …}, got " + std::string(blocker.type_name()));
    }
  }
  score.categories = f.array("categories");
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
  for (const json& c : e.array("checks")) run.checks.push_back(read_check(c, source + ": checks[" + std::to_string(index++) + "]"));
  index = 0;
  for (const json& f : e.array("findings")) {
    run.findings.push_back(read_finding(f, source + ": findings[" + std::to_string(index++) + "]"));
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
    std::stable_sort(run.findings.begin(), run.findings.end(), before);
    std::set<std::string> seen;
    std::erase_if(run.findings, [&](const Finding& f) { return !f.fingerprint.empty() && !seen.insert(f.fingerprint).second; });
    report.runs.push_back(std::move(run));
  }
  return report;
}

bool counts_for_gate(const Finding& finding) { return finding.role == "product" || finding.category == "secrets"; }

bool counts_against(const Finding& finding, Severity threshold) {
  return !finding.suppressed && finding.baseline_state != "unchanged" && finding.severity >= threshold &&
         counts_for_gate(finding);
}

}  // namespace readygate
