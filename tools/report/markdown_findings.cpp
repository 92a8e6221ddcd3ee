#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "common/finding_counts.hpp"
#include "common/number_format.hpp"
#include "markdown_sections.hpp"

namespace readygate::report::markdown {
namespace {

inline constexpr std::size_t urls_per_header_row = 5;

struct Listed {
  const ToolRun* run;
  const Finding* finding;
};

bool secret_or_security(const Finding& f) { return f.category == "secrets" || f.category == "security"; }

// One line per tool that found something (or scanned): how many, and what was left out.
void tool_line(const ToolRun& run, std::string& out) {
  std::map<Severity, std::size_t> counts;
  std::size_t open = 0, suppressed = 0, known = 0;
  for (const auto& f : run.findings) {
    if (is_header_finding(run.tool, f)) continue;
    if (is_open(f)) {
      ++open;
      ++counts[f.severity];
    } else {
      ++(f.suppressed() ? suppressed : known);
    }
  }
  if (open + suppressed + known == 0 && run.tool != "scan") return;
  out += "- **" + table_cell(run.tool) + "**" + (run.target.empty() ? "" : " `" + table_cell(run.target) + "`") + ": " +
         count_of(open, "finding", "findings") + " (" + severity_counts(counts) + ")";
  if (run.summary.contains("files") && run.summary["files"].is_number()) {
    // Any number may arrive here (1e30 once did): format it, never cast it to an integer.
    out += " in " + format_number(run.summary["files"].get<double>()) + " files";
  }
  if (suppressed > 0) out += "; " + std::to_string(suppressed) + " suppressed";
  if (known > 0) out += "; " + std::to_string(known) + " already in the baseline";
  out += "\n";
}

void findings_table(const char* heading, const std::vector<Listed>& listed, std::string& out) {
  if (listed.empty()) return;
  out += std::string("#### ") + heading + " (" + std::to_string(listed.size()) + ")\n\n";
  out += "| severity | where | rule | finding |\n| --- | --- | --- | --- |\n";
  for (std::size_t i = 0; i < listed.size() && i < markdown_findings_per_tool; ++i) {
    const Finding& f = *listed[i].finding;
    const std::string where =
        f.location ? f.location->path + ":" + std::to_string(f.location->line) : (f.target.empty() ? "—" : f.target);
    std::string text = f.title.empty() ? f.message : f.title;
    if (f.baseline == BaselineState::fresh) text += " (new)";
    out += "| " + std::string(to_string(f.severity)) + " | `" + table_cell(where) + "` | `" + table_cell(f.rule) +
           "` | " + table_cell(text) + " |\n";
  }
  if (listed.size() > markdown_findings_per_tool) {
    out += "\n…and " + std::to_string(listed.size() - markdown_findings_per_tool) +
           " more (see the SARIF, JUnit or JSON report).\n";
  }
  out += "\n";
}

}  // namespace

bool is_header_finding(const std::string& tool, const Finding& finding) {
  return tool == "healthcheck" && finding.rule.rfind("headers.", 0) == 0;
}

std::string severity_counts(const std::map<Severity, std::size_t>& counts) {
  std::string text;
  for (const auto s : {Severity::critical, Severity::high, Severity::medium, Severity::low, Severity::info}) {
    const auto it = counts.find(s);
    if (it == counts.end() || it->second == 0) continue;
    text += (text.empty() ? "" : ", ") + std::to_string(it->second) + " " + std::string(to_string(s));
  }
  return text.empty() ? "none" : text;
}

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void findings(const EnvelopeSet& report, std::string& out) {
  std::vector<Listed> first, rest;
  std::string lines;
  for (const ToolRun& run : report.runs) {
    if (run.tool == "score") continue;
    tool_line(run, lines);
    for (const Finding& f : run.findings) {
      if (!is_open(f) || is_header_finding(run.tool, f)) continue;
      (secret_or_security(f) ? first : rest).push_back({&run, &f});
    }
  }
  if (lines.empty()) return;
  out += "### Findings\n\n" + lines + "\n";
  // Each run's findings are sorted most severe first; across tools, keep that.
  const auto by_severity = [](const Listed& a, const Listed& b) { return a.finding->severity > b.finding->severity; };
  std::stable_sort(first.begin(), first.end(), by_severity);
  std::stable_sort(rest.begin(), rest.end(), by_severity);
  findings_table("Secrets and security", first, out);
  findings_table("Other findings", rest, out);
}

void header_audit(const EnvelopeSet& report, std::string& out) {
  struct Row {
    Severity severity = Severity::info;
    std::string title, fix;
    std::set<std::string> urls;  // sorted, each once
  };
  std::map<std::pair<std::string, std::string>, Row> grouped;  // by rule and title ("No …", "Weak …")
  for (const ToolRun& run : report.runs) {
    for (const Finding& f : run.findings) {
      if (!is_open(f) || !is_header_finding(run.tool, f)) continue;
      const std::string title = f.title.empty() ? f.rule : f.title;
      Row& row = grouped[{f.rule, title}];
      if (row.urls.empty()) row = Row{f.severity, title, f.fix, {}};
      row.severity = std::max(row.severity, f.severity);
      row.urls.insert(f.target.empty() ? "—" : f.target);
    }
  }
  if (grouped.empty()) return;
  std::vector<const Row*> rows;
  rows.reserve(grouped.size());
  for (const auto& entry : grouped) rows.push_back(&entry.second);
  std::stable_sort(rows.begin(), rows.end(), [](const Row* a, const Row* b) { return a->severity > b->severity; });
  out += "### Security headers\n\n_ready-healthcheck's header audit: one row per missing or weak header._\n\n";
  out += "| severity | header | URLs | fix |\n| --- | --- | --- | --- |\n";
  for (const Row* row : rows) {
    std::string urls = count_of(row->urls.size(), "URL", "URLs") + ":";
    std::size_t shown = 0;
    for (const std::string& url : row->urls) {
      if (shown == urls_per_header_row) break;
      urls += (shown++ == 0 ? " `" : ", `") + table_cell(url, 120) + "`";
    }
    if (row->urls.size() > shown) urls += " and " + std::to_string(row->urls.size() - shown) + " more";
    out += "| " + std::string(to_string(row->severity)) + " | " + table_cell(row->title) + " | " + urls + " | " +
           table_cell(row->fix, 200) + " |\n";
  }
  out += "\n";
}

}  // namespace readygate::report::markdown
