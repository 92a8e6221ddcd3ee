#include <cmath>

#include "common/finding_counts.hpp"
#include "common/number_format.hpp"
#include "markdown_sections.hpp"

namespace readygate::report::markdown {
namespace {

using nlohmann::json;

inline constexpr std::size_t max_deduction_rows = 60;

std::string text_at(const json& object, const char* key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string();
}

std::optional<double> number_at(const json& object, const char* key) {
  if (object.contains(key) && object[key].is_number()) return object[key].get<double>();
  return std::nullopt;
}

std::string percent(double share) { return format_number(std::round(share * 1000.0) / 10.0) + " %"; }

std::size_t failed_checks(const EnvelopeSet& report) {
  std::size_t n = 0;
  for (const auto& run : report.runs) {
    for (const auto& c : run.checks) n += is_failure(c.status);
  }
  return n;
}

// The one count of findings a run shows everywhere (count_open, finding_counts.hpp): the same
// number as ready-scan's summary, the gate's log and READYGATE_FINDINGS.
std::string open_findings_line(const EnvelopeSet& report) {
  std::map<Severity, std::size_t> counts;
  std::size_t open = 0;
  for (const auto& run : report.runs) {
    for (const auto& f : run.findings) {
      if (!is_open(f)) continue;
      ++open;
      ++counts[f.severity];
    }
  }
  if (open == 0) return "Open findings: none.\n\n";
  return "Open findings: " + std::to_string(open) + " (" + severity_counts(counts) + ").\n\n";
}

// Without a score: the --fail-on decision when asked for, else only what there is.
void verdict_without_score(const EnvelopeSet& report, const MarkdownOptions& options, std::string& out) {
  std::size_t open = 0, gating = 0;
  for (const auto& run : report.runs) {
    for (const auto& f : run.findings) {
      if (!is_open(f)) continue;
      ++open;
      if (options.fail_on) gating += counts_against(f, *options.fail_on);
    }
  }
  const std::size_t failed = failed_checks(report);
  const std::string failed_text = failed == 0 ? "" : ", " + count_of(failed, "failed check", "failed checks");
  if (options.fail_on) {
    const std::string level(to_string(*options.fail_on));
    out += gating == 0 ? "## ✅ readygate report: ready — no findings at or above " + level
                       : "## ❌ readygate report: not ready — " +
                             count_of(gating, "finding at or above ", "findings at or above ") + level;
    out += " (`--fail-on " + level + "`)" + failed_text + "\n\n";
  } else {
    out += "## readygate report: " + count_of(open, "open finding", "open findings") + failed_text + ", no gate\n\n";
    out += "_No ready-score envelope and no `--fail-on`: nothing here decides pass or fail._\n\n";
  }
  out += open_findings_line(report);
}

}  // namespace

void verdict(const EnvelopeSet& report, const MarkdownOptions& options, std::string& out) {
  if (!report.score) {
    verdict_without_score(report, options, out);
    return;
  }
  const Score& s = *report.score;
  out += std::string("## ") + (s.passed ? "✅ readygate: ready" : "❌ readygate: not ready") + " — score " +
         format_number(s.value);
  if (s.min) out += " (minimum " + format_number(*s.min) + ")";
  out += "\n\n";
  if (s.passed) {
    out += "The gate passed: no blocker, and the score is at or above the minimum.\n\n";
  } else if (!s.blockers.empty()) {
    out += "The gate failed: " + count_of(s.blockers.size(), "blocker", "blockers") +
           " (a blocker fails the gate whatever the score)" +
           (s.min && s.value < *s.min ? ", and the score is below the minimum" : "") + ".\n\n";
  } else {
    out += "The gate failed: the score is below the minimum.\n\n";
  }
  out += open_findings_line(report);
}

void blockers(const Score& score, std::string& out) {
  if (score.blockers.empty()) return;
  out += "### Blockers\n\n";
  for (const auto& b : score.blockers) out += "- ❌ " + table_cell(b, 400) + "\n";
  out += "\n";
}

void categories(const Score& score, std::string& out) {
  if (score.categories.empty()) return;
  out +=
      "### Score by category\n\n| category | weight | score | status | evidence |\n| --- | ---: | ---: | --- | --- |\n";
  std::string without;  // categories that had no evidence
  std::size_t deductions = 0;
  for (const json& c : score.categories) {
    if (!c.is_object()) continue;
    const std::string name = text_at(c, "name").empty() ? "?" : text_at(c, "name");
    const std::string status = text_at(c, "status");
    const auto weight = number_at(c, "weight");
    const auto points = number_at(c, "score");
    out += "| " + table_cell(name) + " | " + (weight ? format_number(*weight) : "—") + " | " +
           (points ? format_number(*points) + " / 100" : "—") + " | " +
           table_cell(status == "no-evidence" ? "no evidence" : status) + " | " +
           table_cell(text_at(c, "evidence"), 200) + " |\n";
    if (status == "no-evidence") without += (without.empty() ? "" : ", ") + table_cell(name);
    if (c.contains("deductions") && c["deductions"].is_array()) deductions += c["deductions"].size();
  }
  out += "\n";
  if (score.evidence_coverage) {
    out += "**Evidence coverage: " + percent(*score.evidence_coverage) + "** of the weight that counts";
    out += without.empty() ? ".\n\n" : "; no evidence for " + without + ".\n\n";
  } else if (!without.empty()) {
    out += "No evidence for " + without + ".\n\n";
  }
  if (deductions == 0) return;
  out += "#### Points lost\n\n| category | points | reason | evidence |\n| --- | ---: | --- | --- |\n";
  std::size_t shown = 0;
  for (const json& c : score.categories) {
    if (!c.is_object() || !c.contains("deductions") || !c["deductions"].is_array()) continue;
    for (const json& d : c["deductions"]) {
      if (!d.is_object() || shown == max_deduction_rows) continue;
      ++shown;
      const auto lost = number_at(d, "points");
      const std::string evidence = text_at(d, "evidence");
      out += "| " + table_cell(text_at(c, "name")) + " | " +
             (lost && *lost > 0 ? "−" + format_number(*lost) : std::string("note")) + " | " +
             table_cell(text_at(d, "reason"), 300) + " | " +
             (evidence.empty() ? "" : "`" + table_cell(evidence, 80) + "`") + " |\n";
    }
  }
  if (deductions > shown) {
    out += "\n…and " + std::to_string(deductions - shown) + " more (`ready-score --explain` lists them all).\n";
  }
  out += "\n";
}

}  // namespace readygate::report::markdown
