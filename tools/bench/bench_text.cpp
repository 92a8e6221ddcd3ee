#include "bench_text.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "common/number_format.hpp"

namespace readygate::bench {
namespace {

constexpr std::size_t histogram_height = 12;
constexpr std::size_t bar_width = 40;

std::string count(std::size_t n) { return format_number(static_cast<double>(n)); }

std::string latency_or_dash(const std::optional<double>& v) { return v ? format_number(*v) : "—"; }

std::string percent(double fraction) { return format_number(std::round(fraction * 100000.0) / 1000.0) + " %"; }

// A check's value or limit in its unit: "12.5 ms", "80 rps", "0.2 %" (a fraction).
std::string shown(double value, const std::string& unit) {
  return unit.empty() ? percent(value) : format_number(value) + " " + unit;
}

std::string requests_line(const BenchFigures& f, const TextStyle& style) {
  std::string errors = count(f.errors) + (f.errors == 1 ? " error" : " errors");
  if (f.errors > 0) errors = style.paint(Paint::red, errors);
  return count(f.requests) + " total · " + count(f.requests - std::min(f.errors, f.requests)) + " ok · " + errors +
         " (" + percent(f.error_rate.value_or(0.0)) + ")";
}

std::string errors_line(const BenchFigures& f) {
  static constexpr std::array<std::pair<const char*, const char*>, 5> classes{
      {{"connect", "connect"}, {"timeout", "timeout"}, {"http_4xx", "4xx"}, {"http_5xx", "5xx"}, {"other", "other"}}};
  std::string out;
  for (const auto& [key, label] : classes) {
    const auto it = f.errors_by_class.find(key);
    if (!out.empty()) out += " · ";
    out += std::string(label) + " " + count(it == f.errors_by_class.end() ? 0 : it->second);
  }
  return out;
}

void latency_table(std::string& out, const LatencySummary& l, const std::string& indent) {
  if (!l.max) {
    out += indent + "no latency measured (no request completed)\n";
    return;
  }
  static constexpr std::array<const char*, 8> names{"min", "mean", "p50", "p90", "p95", "p99", "p99.9", "max"};
  const std::array<std::optional<double>, 8> values{l.min, l.mean, l.p50, l.p90, l.p95, l.p99, l.p999, l.max};
  std::string head = indent, row = indent;
  for (std::size_t i = 0; i < names.size(); ++i) {
    head += pad_left(names[i], 9);
    row += pad_left(latency_or_dash(values[i]), 9);
  }
  out += head + "\n" + row + "\n";
}

void summary_block(std::string& out, const BenchFigures& f, std::optional<double> seconds, const TextStyle& style,
                   const std::string& indent) {
  const auto line = [&](const char* label, const std::string& value) {
    out += indent + pad_right(label, 13) + value + "\n";
  };
  line("Requests", requests_line(f, style));
  line("Errors", errors_line(f));
  line("Throughput", f.rps ? format_number(*f.rps) + " requests/s" : "—");
  line("Transferred", count(f.bytes) + " bytes");
  if (seconds) line("Duration", format_number(*seconds) + " s");
  if (f.open_model) line("Late", count(f.late) + " requests sent late (latency counts from the intended start)");
  if (f.drain) {
    line("Drain", count(f.drain->requests) + " requests completed in the " + format_number(f.drain->ms) +
                      " ms after the deadline (not in the rate)");
  }
  if (f.cut > 0 || f.drain) {
    std::string cut = count(f.cut) + " requests still in flight at the end, cancelled (neither ok nor errors)";
    if (f.cut > 0) cut = style.paint(Paint::yellow, cut);
    line("Cut", cut);
  }
}

}  // namespace

std::vector<HistogramRow> histogram_rows(const LatencyHistogram& histogram, std::size_t rows) {
  if (histogram.count() == 0 || rows == 0) return {};
  const double low = std::max(histogram.min_ms(), 0.001);
  const double high = std::max(histogram.max_ms(), low);
  const std::size_t n = high <= low * 1.0001 ? 1 : rows;
  const double ratio = high / low;
  std::vector<HistogramRow> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    out[i].low_ms = low * std::pow(ratio, static_cast<double>(i) / static_cast<double>(n));
    out[i].high_ms = i + 1 == n ? high : low * std::pow(ratio, static_cast<double>(i + 1) / static_cast<double>(n));
  }
  const nlohmann::json serialised = histogram.to_json();  // kept alive: the loop reads into it
  for (const auto& bucket : serialised.at("buckets")) {
    const double ms = LatencyHistogram::bucket_value_us(bucket.at(0).get<int>()) / 1000.0;
    const auto value = bucket.at(1).get<std::uint64_t>();
    std::size_t row = 0;
    if (n > 1 && ms > low) {
      const double at = std::log(ms / low) / std::log(ratio) * static_cast<double>(n);
      row = std::min(n - 1, static_cast<std::size_t>(std::max(0.0, std::floor(at))));
    }
    out[row].count += value;
  }
  return out;
}

std::vector<std::string> failed_threshold_lines(const std::vector<Check>& checks) {
  std::vector<std::string> out;
  for (const auto& c : checks) {
    if (c.id.rfind("bench.threshold.", 0) == 0 && is_failure(c.status)) out.push_back(c.title + ": " + c.message);
  }
  return out;
}

std::string render_bench_text(const BenchMetrics& m, const std::vector<Check>& checks, const TextStyle& style) {
  std::string out;
  double seconds = 0;
  for (const auto& p : m.phases) seconds += p.duration_s;
  if (!m.overall) return style.paint(Paint::bold, "ready-bench") + ": no figures\n";
  const BenchFigures& all = *m.overall;
  out += style.paint(Paint::bold, "ready-bench") + "  " + count(all.requests) + " requests in " +
         format_number(seconds) + " s";
  if (m.phases.size() == 1) {
    const BenchPhase& p = m.phases.front();
    out += " · " + p.model + " model, " + count(p.concurrency) + (p.concurrency == 1 ? " connection" : " connections");
    if (p.rate) out += ", " + format_number(*p.rate) + " requests/s offered";
  } else {
    out += " · " + count(m.phases.size()) + " phases";
  }
  out += "\n";
  if (m.partial) out += style.paint(Paint::yellow, "interrupted: the figures are partial") + "\n";

  out += style.section("Summary");
  summary_block(out, all, seconds, style, "  ");

  out += style.section("Latency (ms)");
  latency_table(out, all.latency, "  ");

  if (all.histogram && all.histogram->count() > 0) {
    out += style.section("Latency histogram (ms)");
    const auto rows = histogram_rows(*all.histogram, histogram_height);
    std::uint64_t most = 0;
    for (const auto& r : rows) most = std::max(most, r.count);
    for (const auto& r : rows) {
      std::size_t bar =
          most == 0 ? 0
                    : static_cast<std::size_t>(std::llround(
                          static_cast<double>(r.count) * static_cast<double>(bar_width) / static_cast<double>(most)));
      if (r.count > 0 && bar == 0) bar = 1;
      std::string bars;
      for (std::size_t i = 0; i < bar; ++i) bars += "■";
      out += "  " + pad_left(format_number(r.low_ms), 9) + " – " + pad_left(format_number(r.high_ms), 9) + "  " +
             pad_left(format_number(static_cast<double>(r.count)), 8) + " " + style.paint(Paint::cyan, bars) + "\n";
    }
  }

  if (m.endpoints.size() > 1) {
    out += style.section("Endpoints");
    std::size_t width = 8;
    for (const auto& e : m.endpoints) width = std::max(width, display_width(e.name) + 2);
    // A cut column only when a duration's end cut requests: most runs have none.
    const bool any_cut =
        std::any_of(m.endpoints.begin(), m.endpoints.end(), [](const BenchEndpoint& e) { return e.figures.cut > 0; });
    out += "  " + pad_right("endpoint", width) + pad_left("requests", 10) + pad_left("errors", 8) +
           (any_cut ? pad_left("cut", 8) : "") + pad_left("rps", 10) + pad_left("p50", 9) + pad_left("p95", 9) +
           pad_left("p99", 9) + pad_left("max", 9) + "\n";
    for (const auto& e : m.endpoints) {
      const BenchFigures& f = e.figures;
      out += "  " + pad_right(e.name, width) + pad_left(count(f.requests), 10) + pad_left(count(f.errors), 8) +
             (any_cut ? pad_left(count(f.cut), 8) : "") + pad_left(f.rps ? format_number(*f.rps) : "—", 10) +
             pad_left(latency_or_dash(f.latency.p50), 9) + pad_left(latency_or_dash(f.latency.p95), 9) +
             pad_left(latency_or_dash(f.latency.p99), 9) + pad_left(latency_or_dash(f.latency.max), 9) + "\n";
    }
  }

  if (m.phases.size() > 1) {
    for (const auto& p : m.phases) {
      std::string title = "Phase " + p.name + " · " + p.model + " model, " + count(p.concurrency) +
                          (p.concurrency == 1 ? " connection" : " connections");
      if (p.rate) title += ", " + format_number(*p.rate) + " requests/s offered";
      out += style.section(title);
      summary_block(out, p.figures, p.duration_s, style, "  ");
      latency_table(out, p.figures.latency, "  ");
    }
  }

  if (!checks.empty()) {
    out += style.section("Thresholds");
    std::size_t width = 0;
    for (const auto& c : checks) width = std::max(width, display_width(c.title));
    for (const auto& c : checks) {
      std::string mark = style.pass(c.status == CheckStatus::pass);
      if (c.status == CheckStatus::warn || c.status == CheckStatus::skip) mark = style.paint(Paint::yellow, "!");
      std::string detail;
      if (c.value && c.limit && c.status != CheckStatus::error) {
        detail = shown(*c.value, c.unit) + ", limit " + shown(*c.limit, c.unit);
        if (c.status == CheckStatus::warn) detail += " — " + c.message;
      } else {
        detail = c.message;
      }
      out += "  " + mark + " " + pad_right(c.title, width) + "  " + detail + "\n";
    }
  }
  return out;
}

}  // namespace readygate::bench
