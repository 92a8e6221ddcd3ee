#include "scan_report.hpp"

#include <algorithm>

#include "common/finding_counts.hpp"

namespace readygate::scan {

using nlohmann::json;

readygate::Finding to_finding(const Finding& f, const Rule& rule) {
  readygate::Finding out;
  out.rule = rule.id;
  out.title = rule.title;
  out.category = rule.category;
  out.message = rule.message;
  out.fix = rule.fix;
  out.help = rule.help;
  out.cwe = rule.cwe;
  out.severity = f.severity;
  out.role = f.role;
  out.location = Location{f.path, f.line, f.column, f.end_line, f.end_column, f.snippet};
  out.fingerprint = f.fingerprint;
  if (f.suppressed) out.suppression = Suppression::in_source;
  if (f.is_new) out.baseline = *f.is_new ? BaselineState::fresh : BaselineState::unchanged;
  out.commit = f.commit;
  return out;
}

json finding_json(const Finding& f, const Rule& rule) { return to_json(to_finding(f, rule)); }

namespace {

Check unreadable_check(const ScanStats& stats) {
  Check check{"scan.unreadable",
              "Every file could be read",
              CheckStatus::pass,
              "all files were readable",
              0.0,
              0.0,
              "<=",
              "files"};
  check.value = static_cast<double>(stats.unreadable.size());
  if (!stats.unreadable.empty()) {
    check.status = CheckStatus::warn;
    check.message = std::to_string(stats.unreadable.size()) +
                    " file(s) or folder(s) could not be read, first: " + stats.unreadable.front();
  }
  return check;
}

Check fail_on_check(std::size_t gating, Severity threshold) {
  const std::string level(to_string(threshold));
  Check check{"scan.fail_on",
              "No findings at or above " + level,
              pass_or_fail(gating == 0),
              "",
              static_cast<double>(gating),
              0.0,
              "<=",
              "findings"};
  check.message = std::to_string(gating) + " unsuppressed" + " finding(s) at or above " + level;
  return check;
}

}  // namespace

std::size_t count_gating(const std::vector<Finding>& findings, const std::vector<Rule>& rules, Severity threshold) {
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.severity >= threshold && counts_against(to_finding(f, rules[f.rule]), threshold);
  }));
}

json scan_envelope(const RunInfo& run, const std::string& target, const ScanResult& result,
                   const std::vector<Rule>& rules, const ReportOptions& options) {
  json envelope = make_envelope("scan", run, target);
  const ScanStats& stats = result.stats;
  json by_severity = json::object();
  for (const auto s : {Severity::critical, Severity::high, Severity::medium, Severity::low, Severity::info}) {
    by_severity[std::string(to_string(s))] = 0;
  }
  json by_category = json::object();
  json by_role = json::object();
  std::size_t reported = 0, suppressed = 0, fresh = 0, unchanged = 0, over_cap_findings = 0;
  for (const auto& [path, count] : stats.over_cap) over_cap_findings += count;
  for (const auto& f : result.findings) {
    const Rule& rule = rules[f.rule];
    // "findings" counts the open ones (count_open, common/finding_counts.hpp), as every reader does.
    if (f.suppressed) {
      ++suppressed;
      continue;
    }
    if (!f.is_new.value_or(true)) {
      ++unchanged;
      continue;
    }
    ++reported;
    if (f.is_new.value_or(false)) ++fresh;
    by_severity[std::string(to_string(f.severity))] = by_severity[std::string(to_string(f.severity))].get<int>() + 1;
    by_role[std::string(to_string(f.role))] = by_role.value(std::string(to_string(f.role)), 0) + 1;
    by_category[rule.category] = by_category.value(rule.category, 0) + 1;
  }
  json summary{{"files", stats.files},
               {"bytes", stats.bytes},
               {"skipped",
                {{"binary", stats.skipped_binary},
                 {"too_large", stats.skipped_too_large},
                 {"excluded", stats.excluded},
                 {"symlinks", stats.symlinks},
                 {"special", stats.special},
                 {"other_shards", stats.other_shards},
                 {"vendored", stats.vendored},
                 {"generated", stats.generated}}},
               {"unreadable", stats.unreadable.size()},
               {"over_cap", {{"files", stats.over_cap.size()}, {"findings", over_cap_findings}}},
               {"findings", reported},
               {"by_severity", by_severity},
               {"by_category", by_category},
               {"by_role", by_role},
               {"suppressed", suppressed},
               {"rules", rules.size()},
               {"duration_ms", envelope["run"]["duration_ms"]}};
  if (options.baseline) {
    summary["new"] = fresh;
    summary["unchanged"] = unchanged;
  }
  envelope["summary"] = summary;
  envelope["checks"].push_back(to_json(unreadable_check(stats)));
  if (!stats.over_cap.empty()) {
    envelope["checks"].push_back(
        to_json(Check{"scan.over_cap", "Every finding was reported", CheckStatus::warn,
                      std::to_string(over_cap_findings) + " finding(s) in " + std::to_string(stats.over_cap.size()) +
                          " file(s) past the per-file cap were not reported, first: " + stats.over_cap.front().first,
                      static_cast<double>(over_cap_findings), 0.0, "<=", "findings"}));
  }
  if (options.fail_on) {
    const std::size_t gating = count_gating(result.findings, rules, *options.fail_on);
    envelope["checks"].push_back(to_json(fail_on_check(gating, *options.fail_on)));
  }
  return envelope;
}

json rules_envelope(const RunInfo& run, const std::vector<Rule>& rules) {
  json envelope = make_envelope("scan", run, "");
  json list = json::array();
  for (const auto& rule : rules) list.push_back(to_json(rule));
  envelope["summary"] = {{"rules", rules.size()}};
  envelope["rules"] = std::move(list);
  return envelope;
}

}  // namespace readygate::scan
