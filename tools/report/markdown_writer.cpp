#include "markdown_writer.hpp"

#include <map>
#include <vector>

#include "check_text.hpp"
#include "common/bench_metrics.hpp"
#include "common/utf8.hpp"

namespace readygate::report {
namespace {

using nlohmann::json;

// A field that should be text, and "?" when it is missing or of another type.
std::string text_at(const json& object, const char* key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string("?");
}

const char* status_mark(CheckStatus status) {
  switch (status) {
    case CheckStatus::pass:
      return "✅";
    case CheckStatus::fail:
      return "❌";
    case CheckStatus::error:
      return "💥";
    case CheckStatus::warn:
      return "⚠️";
    case CheckStatus::skip:
      break;
  }
  return "⏭️";
}

std::size_t failed_checks(const EnvelopeSet& report) {
  std::size_t n = 0;
  for (const auto& run : report.runs) {
    for (const auto& c : run.checks) n += is_failure(c.status);
  }
  return n;
}

std::map<Severity, std::size_t> open_findings(const EnvelopeSet& report) {
  std::map<Severity, std::size_t> counts;
  for (const auto& run : report.runs) {
    for (const auto& f : run.findings) {
      if (is_open(f)) ++counts[f.severity];
    }
  }
  return counts;
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

void verdict(const EnvelopeSet& report, std::string& out) {
  if (report.score) {
    const Score& s = *report.score;
    const bool pass = s.passed;
    out += std::string("## ") + (pass ? "✅ readygate: ready" : "❌ readygate: not ready") + " — score " +
           format_number(s.value);
    if (s.min) out += " (minimum " + format_number(*s.min) + ")";
    out += "\n\n";
    if (!s.blockers.empty()) {
      out += "**Blockers** (the gate fails whatever the score):\n\n";
      for (const auto& b : s.blockers) out += "- " + table_cell(b, 400) + "\n";
      out += "\n";
    }
    if (!s.categories.empty()) {
      out += "| category | weight | score | status |\n| --- | ---: | ---: | --- |\n";
      for (const json& c : s.categories) {
        if (!c.is_object()) continue;
        const auto number = [&](const char* key) {
          return c.contains(key) && c[key].is_number() ? format_number(c[key].get<double>()) : std::string("—");
        };
        out += "| " + table_cell(text_at(c, "name")) + " | " + number("weight") + " | " + number("score") + " | " +
               table_cell(text_at(c, "status")) + " |\n";
      }
      out += "\n";
    }
    return;
  }
  const std::size_t failed = failed_checks(report);
  const auto counts = open_findings(report);
  out += std::string("## ") +
         (failed == 0 ? "readygate report" : "❌ readygate report: " + std::to_string(failed) + " failed checks") +
         "\n\nOpen findings: " + severity_counts(counts) + ".\n\n";
}

void findings_table(const ToolRun& run, std::string& out) {
  std::vector<const Finding*> open;
  std::size_t suppressed = 0, known = 0;
  for (const auto& f : run.findings) {
    if (is_open(f))
      open.push_back(&f);
    else
      ++(f.suppressed() ? suppressed : known);
  }
  std::map<Severity, std::size_t> counts;
  for (const auto* f : open) ++counts[f->severity];
  out += "**" + std::to_string(open.size()) + " findings** (" + severity_counts(counts) + ")";
  if (run.summary.contains("files") && run.summary["files"].is_number()) {
    // Any number may arrive here (1e30 once did): format it, never cast it to an integer.
    out += " in " + format_number(run.summary["files"].get<double>()) + " files";
  }
  if (suppressed > 0) out += "; " + std::to_string(suppressed) + " suppressed";
  if (known > 0) out += "; " + std::to_string(known) + " already in the baseline";
  out += ".\n\n";
  if (open.empty()) return;
  out += "| severity | where | rule | finding |\n| --- | --- | --- | --- |\n";
  for (std::size_t i = 0; i < open.size() && i < markdown_findings_per_tool; ++i) {
    const Finding& f = *open[i];
    const std::string where =
        f.location ? f.location->path + ":" + std::to_string(f.location->line) : (f.target.empty() ? "—" : f.target);
    std::string text = f.title.empty() ? f.message : f.title;
    if (f.baseline == BaselineState::fresh) text += " (new)";
    out += "| " + std::string(to_string(f.severity)) + " | `" + table_cell(where) + "` | `" + table_cell(f.rule) +
           "` | " + table_cell(text) + " |\n";
  }
  if (open.size() > markdown_findings_per_tool) {
    out += "\n…and " + std::to_string(open.size() - markdown_findings_per_tool) +
           " more (see the SARIF, JUnit or JSON report).\n";
  }
  out += "\n";
}

void checks_table(const ToolRun& run, std::string& out) {
  if (run.checks.empty()) return;
  out += "| | check | value | limit | |\n| --- | --- | ---: | ---: | --- |\n";
  for (const Check& c : run.checks) {
    const std::string unit = c.unit.empty() ? "" : " " + c.unit;
    out += std::string("| ") + status_mark(c.status) + " | `" + table_cell(c.id) + "` | " +
           (c.value ? format_number(*c.value) + unit : "—") + " | " +
           (c.limit ? table_cell(c.op) + " " + format_number(*c.limit) + unit : "—") + " | " +
           table_cell(c.message.empty() ? c.title : c.message) + " |\n";
  }
  out += "\n";
}

// ready-bench: percentiles per endpoint (a table and a bar chart) and the per-second timeline.
void latency_section(const ToolRun& run, std::string& out) {
  const BenchMetrics metrics = bench_metrics_from_json(run.metrics, run.tool + " metrics");
  const auto ms = [](const std::optional<double>& v) { return format_number(v.value_or(0.0)); };
  if (!metrics.endpoints.empty()) {
    out +=
        "| endpoint | requests | errors | rps | p50 ms | p90 ms | p95 ms | p99 ms | max ms |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    std::string labels, p50, p95, p99;
    for (const BenchEndpoint& e : metrics.endpoints) {
      const BenchFigures& f = e.figures;
      const LatencySummary& l = f.latency;
      const std::string name = e.name.empty() ? "?" : e.name;
      out += "| " + table_cell(name) + " | " + format_number(static_cast<double>(f.requests)) + " | " +
             format_number(static_cast<double>(f.errors)) + " | " + ms(f.rps) + " | " + ms(l.p50) + " | " + ms(l.p90) +
             " | " + ms(l.p95) + " | " + ms(l.p99) + " | " + ms(l.max) + " |\n";
      std::string label = name;
      for (char& c : label) {
        if (c == '"') c = '\'';
      }
      labels += (labels.empty() ? "" : ", ") + ("\"" + label + "\"");
      p50 += (p50.empty() ? "" : ", ") + ms(l.p50);
      p95 += (p95.empty() ? "" : ", ") + ms(l.p95);
      p99 += (p99.empty() ? "" : ", ") + ms(l.p99);
    }
    out += "\n```mermaid\nxychart-beta\n    title \"Latency by endpoint (ms): p50, p95, p99\"\n    x-axis [" + labels +
           "]\n    y-axis \"ms\"\n    bar [" + p99 + "]\n    bar [" + p95 + "]\n    bar [" + p50 + "]\n```\n\n";
  }
  if (metrics.timeline.size() > 1) {
    std::string seconds, requests;
    for (const TimelinePoint& point : metrics.timeline) {
      seconds += (seconds.empty() ? "" : ", ") + format_number(static_cast<double>(point.t));
      requests += (requests.empty() ? "" : ", ") + format_number(static_cast<double>(point.requests));
    }
    out += "```mermaid\nxychart-beta\n    title \"Requests per second\"\n    x-axis \"second\" [" + seconds +
           "]\n    y-axis \"requests\"\n    line [" + requests + "]\n```\n\n";
  }
}

}  // namespace

std::string table_cell(std::string_view text, std::size_t max_bytes) {
  std::string cell;
  for (const char c : repair_utf8(text)) {
    if (c == '|')
      cell += "\\|";
    else if (c == '\n' || c == '\r' || c == '\t')
      cell += ' ';
    else if (c == '`')
      cell += '\'';
    else
      cell += c;
  }
  if (cell.size() > max_bytes) cell = std::string(truncate_utf8(cell, max_bytes)) + "…";
  return cell;
}

std::string to_markdown(const EnvelopeSet& report) {
  std::string out;
  verdict(report, out);
  for (const ToolRun& run : report.runs) {
    if (run.tool == "score") continue;  // its verdict and categories lead the page
    out += "### " + table_cell(run.tool) + (run.target.empty() ? "" : " — `" + table_cell(run.target) + "`") + "\n\n";
    if (!run.findings.empty() || run.tool == "scan") findings_table(run, out);
    checks_table(run, out);
    if (run.tool == "bench") latency_section(run, out);
  }
  if (out.size() > max_markdown_bytes) {
    const std::string note =
        "\n\n_The summary was cut here: it would be longer than 1 MiB. The full results are in the "
        "SARIF, JUnit and JSON reports._\n";
    std::size_t cut = out.rfind('\n', max_markdown_bytes - note.size());
    out.resize(cut == std::string::npos ? 0 : cut);
    out += note;
  }
  return out;
}

}  // namespace readygate::report
