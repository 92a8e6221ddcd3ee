#include <algorithm>
#include <cmath>
#include <vector>

#include "common/bench_metrics.hpp"
#include "common/number_format.hpp"
#include "markdown_sections.hpp"

namespace readygate::report::markdown {
namespace {

// The bars of a latency chart, tallest first so that each shorter one is drawn in front of it,
// with the colours the legend names (Mermaid's xychart has no legend of its own).
struct Series {
  const char* name;
  std::optional<double> LatencySummary::*field;
  const char* colour;
  const char* swatch;
};
constexpr Series latency_series[] = {
    {"p99", &LatencySummary::p99, "#d62728", "🟥"},
    {"p95", &LatencySummary::p95, "#ff7f0e", "🟧"},
    {"p50", &LatencySummary::p50, "#1f77b4", "🟦"},
};
constexpr const char* requests_colour = "#1f77b4";
constexpr const char* errors_colour = "#d62728";
// Charts with more points than this are unreadable on a summary page: the table says it.
constexpr std::size_t max_chart_endpoints = 12;
constexpr std::size_t max_timeline_points = 600;

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

// What a check found, in the producer's own words and units; value and limit only without them.
std::string check_result(const Check& c) {
  if (!c.message.empty()) return c.message;
  if (!c.value) return "—";
  const std::string unit = c.unit.empty() ? "" : " " + c.unit;
  std::string text = format_number(*c.value) + unit;
  if (c.limit) text += " (limit " + (c.op.empty() ? "" : c.op + " ") + format_number(*c.limit) + unit + ")";
  return text;
}

std::string ms(const std::optional<double>& v) { return v ? format_number(*v) : std::string("—"); }

std::string rate_percent(const BenchFigures& f) {
  if (f.error_rate) return format_number(*f.error_rate * 100.0) + " %";
  if (f.requests == 0) return "—";
  return format_number(static_cast<double>(f.errors) * 100.0 / static_cast<double>(f.requests)) + " %";
}

std::string figures_row(const std::string& name, const BenchFigures& f) {
  const LatencySummary& l = f.latency;
  return "| " + table_cell(name) + " | " + format_number(static_cast<double>(f.requests)) + " | " +
         format_number(static_cast<double>(f.errors)) + " | " + rate_percent(f) + " | " + ms(f.rps) + " | " +
         ms(l.p50) + " | " + ms(l.p90) + " | " + ms(l.p95) + " | " + ms(l.p99) + " | " + ms(l.max) + " |\n";
}

constexpr const char* figures_header =
    " | requests | errors | error rate | req/s | p50 ms | p90 ms | p95 ms | p99 ms | max ms |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";

// A round top for a y-axis that starts at zero: 1, 2 or 5 times a power of ten.
double axis_top(double highest) {
  if (!(highest > 0) || !std::isfinite(highest)) return 1;
  const double power = std::pow(10.0, std::floor(std::log10(highest)));
  for (const double step : {1.0, 2.0, 5.0, 10.0}) {
    if (step * power >= highest) return step * power;
  }
  return 10 * power;
}

std::string chart_label(const std::string& text) {
  std::string label;
  for (const char c : table_cell(text, 40)) label += c == '"' ? '\'' : c;
  return "\"" + label + "\"";
}

std::string init_directive(const std::string& palette) {
  return "%%{init: {\"theme\": \"base\", \"themeVariables\": {\"xyChart\": {\"plotColorPalette\": \"" + palette +
         "\"}}}}%%\n";
}

void endpoint_chart(const std::vector<BenchEndpoint>& endpoints, std::string& out) {
  // One endpoint is one row of the table: a chart of it adds nothing.
  if (endpoints.size() < 2 || endpoints.size() > max_chart_endpoints) return;
  std::string labels, palette, legend;
  double highest = 0;
  for (const BenchEndpoint& e : endpoints) {
    labels += (labels.empty() ? "" : ", ") + chart_label(e.name.empty() ? "?" : e.name);
    for (const Series& s : latency_series) highest = std::max(highest, (e.figures.latency.*s.field).value_or(0.0));
  }
  std::string bars;
  for (const Series& s : latency_series) {
    std::string values;
    for (const BenchEndpoint& e : endpoints) {
      values += (values.empty() ? "" : ", ") + format_number((e.figures.latency.*s.field).value_or(0.0));
    }
    bars += "    bar [" + values + "]\n";
    palette += (palette.empty() ? "" : ", ") + std::string(s.colour);
  }
  for (auto it = std::rbegin(latency_series); it != std::rend(latency_series); ++it) {
    legend += (legend.empty() ? "" : " · ") + std::string(it->swatch) + " " + it->name;
  }
  out += "```mermaid\n" + init_directive(palette) +
         "xychart-beta\n    title \"Latency by endpoint (ms)\"\n    x-axis [" + labels +
         "]\n    y-axis \"latency (ms)\" 0 --> " + format_number(axis_top(highest)) + "\n" + bars + "```\n\n";
  out += "Legend: " + legend + " (bars overlap; each starts at zero).\n\n";
}

void timeline_chart(const std::vector<TimelinePoint>& timeline, std::string& out) {
  // Two points are a table's worth; a chart starts to say something from three seconds on.
  if (timeline.size() < 3 || timeline.size() > max_timeline_points) return;
  std::string seconds, requests, errors;
  double highest = 0;
  std::size_t error_total = 0;
  for (const TimelinePoint& point : timeline) {
    seconds += (seconds.empty() ? "" : ", ") + format_number(static_cast<double>(point.t));
    requests += (requests.empty() ? "" : ", ") + format_number(static_cast<double>(point.requests));
    errors += (errors.empty() ? "" : ", ") + format_number(static_cast<double>(point.errors));
    highest = std::max(highest, static_cast<double>(point.requests));
    error_total += point.errors;
  }
  const bool with_errors = error_total > 0;
  out += "```mermaid\n" +
         init_directive(with_errors ? std::string(requests_colour) + ", " + errors_colour : requests_colour) +
         "xychart-beta\n    title \"Requests per second\"\n    x-axis \"second\" [" + seconds +
         "]\n    y-axis \"requests\" 0 --> " + format_number(axis_top(highest)) + "\n    line [" + requests + "]\n" +
         (with_errors ? "    line [" + errors + "]\n" : "") + "```\n\n";
  out +=
      std::string("Legend: 🟦 requests") + (with_errors ? " · 🟥 errors" : "") + " in each second of the run.\n\n";
}

// What the section is about: the scenario's phases, or the endpoints of a --url run.
std::string load_title(const BenchMetrics& metrics) {
  std::string names;
  std::size_t n = 0;
  const auto add = [&](const std::string& name) {
    if (++n <= 4) names += (names.empty() ? "" : ", ") + table_cell(name, 60);
  };
  if (!metrics.phases.empty()) {
    for (const BenchPhase& p : metrics.phases) add(p.name);
    if (n > 4) names += " and " + std::to_string(n - 4) + " more";
    return "scenario of " + count_of(n, "phase", "phases") + ": " + names;
  }
  for (const BenchEndpoint& e : metrics.endpoints) add(e.name);
  if (n > 4) names += " and " + std::to_string(n - 4) + " more";
  return names;
}

// scheme://host[:port] of a URL: the server under load, without the path of its first endpoint.
std::string origin_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  return url.substr(0, url.find('/', scheme + 3));
}

}  // namespace

void checks(const EnvelopeSet& report, std::string& out) {
  std::vector<std::pair<const ToolRun*, const Check*>> rows;
  for (const ToolRun& run : report.runs) {
    if (run.tool == "score") continue;  // its checks are the categories and the gate, above
    for (const Check& c : run.checks) rows.emplace_back(&run, &c);
  }
  if (rows.empty()) return;
  // What failed first; otherwise the producers' order.
  std::stable_partition(rows.begin(), rows.end(), [](const auto& row) { return is_failure(row.second->status); });
  out += "### Checks\n\n| | tool | check | result |\n| --- | --- | --- | --- |\n";
  for (const auto& [run, c] : rows) {
    out += std::string("| ") + status_mark(c->status) + " | " + table_cell(run->tool) + " | " +
           table_cell(c->title.empty() ? c->id : c->title) + " | " + table_cell(check_result(*c), 300) + " |\n";
  }
  out += "\n";
}

void load_figures(const ToolRun& bench, std::string& out) {
  const BenchMetrics metrics = bench_metrics_from_json(bench.metrics, bench.tool + " metrics");
  if (!metrics.overall && metrics.endpoints.empty() && metrics.phases.empty()) return;
  const std::string title = load_title(metrics);
  out += "### Load figures" + (title.empty() ? "" : " — " + title) + "\n\n";
  if (!bench.target.empty()) out += "Against `" + table_cell(origin_of(bench.target)) + "`";
  if (metrics.partial) out += std::string(bench.target.empty() ? "" : "; ") + "**interrupted: partial figures**";
  if (!bench.target.empty() || metrics.partial) out += ".\n\n";
  if (metrics.overall) {
    const BenchFigures& f = *metrics.overall;
    out += "**Overall:** " + format_number(static_cast<double>(f.requests)) + " requests, " +
           format_number(static_cast<double>(f.errors)) + " errors (" + rate_percent(f) + "), " + ms(f.rps) +
           " req/s; p50 " + ms(f.latency.p50) + " ms, p95 " + ms(f.latency.p95) + " ms, p99 " + ms(f.latency.p99) +
           " ms.";
    std::string classes;
    for (const auto& [name, count] : f.errors_by_class) {
      if (count > 0) classes += (classes.empty() ? "" : ", ") + std::to_string(count) + " " + table_cell(name, 40);
    }
    out += (classes.empty() ? "" : " Errors: " + classes + ".") + std::string("\n\n");
  }
  if (!metrics.phases.empty()) {
    out += std::string("| phase") + figures_header;
    for (const BenchPhase& p : metrics.phases) out += figures_row(p.name.empty() ? "?" : p.name, p.figures);
    out += "\n";
  }
  if (!metrics.endpoints.empty()) {
    out += std::string("| endpoint") + figures_header;
    for (const BenchEndpoint& e : metrics.endpoints) out += figures_row(e.name.empty() ? "?" : e.name, e.figures);
    out += "\n";
  }
  endpoint_chart(metrics.endpoints, out);
  timeline_chart(metrics.timeline, out);
}

}  // namespace readygate::report::markdown
