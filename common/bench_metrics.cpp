#include "bench_metrics.hpp"

#include <array>
#include <utility>

#include "json_fields.hpp"

namespace readygate {
namespace {

using nlohmann::json;

using LatencyField = std::optional<double> LatencySummary::*;
constexpr std::array<std::pair<std::string_view, LatencyField>, 9> latency_fields{{{"min", &LatencySummary::min},
                                                                                   {"mean", &LatencySummary::mean},
                                                                                   {"stddev", &LatencySummary::stddev},
                                                                                   {"p50", &LatencySummary::p50},
                                                                                   {"p90", &LatencySummary::p90},
                                                                                   {"p95", &LatencySummary::p95},
                                                                                   {"p99", &LatencySummary::p99},
                                                                                   {"p999", &LatencySummary::p999},
                                                                                   {"max", &LatencySummary::max}}};

json latency_json(const LatencySummary& l) {
  json out = json::object();
  for (const auto& [name, field] : latency_fields) {
    if (l.*field) out[std::string(name)] = *(l.*field);
  }
  return out;
}

LatencySummary read_latency(const JsonFields& f, std::string_view field) {
  LatencySummary l;
  const json* object = f.object(field);
  if (!object) return l;
  const JsonFields fields(*object, f.where() + ": " + std::string(field));
  for (const auto& [name, member] : latency_fields) l.*member = fields.number(name, 0);
  return l;
}

json counts_json(const std::map<std::string, std::size_t>& counts) {
  json out = json::object();
  for (const auto& [name, n] : counts) out[name] = n;
  return out;
}

std::map<std::string, std::size_t> read_counts(const JsonFields& f, std::string_view field) {
  std::map<std::string, std::size_t> counts;
  const json* object = f.object(field);
  if (!object) return counts;
  const JsonFields fields(*object, f.where() + ": " + std::string(field));
  for (const auto& [name, value] : object->items()) counts[name] = fields.count(name);
  return counts;
}

void add_figures(json& out, const BenchFigures& f) {
  out["requests"] = f.requests;
  out["errors"] = f.errors;
  out["error_rate"] = f.error_rate.value_or(0.0);
  out["rps"] = f.rps.value_or(0.0);
  out["bytes"] = f.bytes;
  out["errors_by_class"] = counts_json(f.errors_by_class);
  out["latency_ms"] = latency_json(f.latency);
  out["histogram"] = f.histogram ? f.histogram->to_json() : LatencyHistogram().to_json();
  if (f.open_model) {
    out["late"] = f.late;
    out["latency_uncorrected_ms"] = latency_json(f.latency_uncorrected);
  }
  out["cut"] = f.cut;
  if (f.drain) out["drain"] = {{"requests", f.drain->requests}, {"ms", f.drain->ms}};
}

BenchFigures read_figures(const JsonFields& f) {
  BenchFigures out;
  out.requests = f.count("requests");
  out.errors = f.count("errors");
  if (out.errors > out.requests) {
    f.fail("errors", std::to_string(out.errors) + " errors in " + std::to_string(out.requests) + " requests");
  }
  out.error_rate = f.number("error_rate", 0, 1);
  out.rps = f.number("rps", 0);
  out.bytes = f.count("bytes");
  out.errors_by_class = read_counts(f, "errors_by_class");
  out.latency = read_latency(f, "latency_ms");
  if (const json* h = f.object("histogram")) {
    out.histogram = LatencyHistogram::from_json(*h, f.where() + ": histogram");
    if (f.find("requests") && out.histogram->count() > out.requests) {
      f.fail("histogram", "holds " + std::to_string(out.histogram->count()) + " latencies for " +
                              std::to_string(out.requests) + " requests");
    }
  }
  out.open_model = f.find("latency_uncorrected_ms") != nullptr;
  out.late = f.count("late");
  out.latency_uncorrected = read_latency(f, "latency_uncorrected_ms");
  out.cut = f.count("cut");
  if (const json* drain = f.object("drain")) {
    const JsonFields d(*drain, f.where() + ": drain");
    out.drain = BenchDrain{d.count("requests"), d.number("ms", 0).value_or(0.0)};
  }
  return out;
}

}  // namespace

std::optional<double> LatencySummary::value(std::string_view metric) const {
  for (const auto& [name, field] : latency_fields) {
    if (name == metric) return this->*field;
  }
  return std::nullopt;
}

const BenchFigures* BenchMetrics::figures(const std::string& scope) const {
  if (scope.empty()) return overall ? &*overall : nullptr;
  for (const auto& e : endpoints) {
    if (e.name == scope) return &e.figures;
  }
  for (const auto& p : phases) {
    if (p.name == scope) return &p.figures;
  }
  return nullptr;
}

json to_json(const BenchMetrics& m) {
  json overall = json::object();
  if (m.overall) add_figures(overall, *m.overall);
  json endpoints = json::array();
  for (const auto& e : m.endpoints) {
    json item{{"name", e.name}, {"method", e.method}, {"url", e.url}};
    add_figures(item, e.figures);
    endpoints.push_back(item);
  }
  json phases = json::array();
  for (const auto& p : m.phases) {
    json item{{"name", p.name}, {"model", p.model}, {"concurrency", p.concurrency}, {"duration_s", p.duration_s}};
    if (p.rate) item["rate"] = *p.rate;
    add_figures(item, p.figures);
    phases.push_back(item);
  }
  json timeline = json::array();
  for (const auto& s : m.timeline) {
    timeline.push_back({{"t", s.t}, {"requests", s.requests}, {"errors", s.errors}, {"p95_ms", s.p95_ms}});
  }
  json out{{"overall", overall},     {"protocols", counts_json(m.protocols)},
           {"endpoints", endpoints}, {"phases", phases},
           {"timeline", timeline},   {"partial", m.partial},
           {"threads", m.threads},   {"client_cpu", m.client_cpu}};
  if (m.shard) out["shard"] = {{"index", m.shard->index}, {"count", m.shard->count}};
  return out;
}

BenchMetrics bench_metrics_from_json(const json& metrics, const std::string& where) {
  const JsonFields m(metrics, where);
  BenchMetrics out;
  if (const json* overall = m.object("overall")) out.overall = read_figures(JsonFields(*overall, where + ": overall"));
  std::size_t i = 0;
  for (const json& item : m.array("endpoints")) {
    const JsonFields f(item, where + ": endpoints[" + std::to_string(i++) + "]");
    out.endpoints.push_back({f.text("name"), f.text("method"), f.text("url"), read_figures(f)});
  }
  i = 0;
  for (const json& item : m.array("phases")) {
    const JsonFields f(item, where + ": phases[" + std::to_string(i++) + "]");
    out.phases.push_back({f.text("name"), f.text("model"), f.count("concurrency"), f.number("rate", 0),
                          f.number("duration_s", 0).value_or(0.0), read_figures(f)});
  }
  i = 0;
  for (const json& item : m.array("timeline")) {
    const JsonFields f(item, where + ": timeline[" + std::to_string(i++) + "]");
    out.timeline.push_back({f.count("t"), f.count("requests"), f.count("errors"), f.number("p95_ms", 0).value_or(0.0)});
  }
  out.protocols = read_counts(m, "protocols");
  out.partial = m.flag("partial");
  out.threads = m.count("threads");
  out.client_cpu = m.number("client_cpu", 0).value_or(0.0);
  if (const json* shard = m.object("shard")) {
    const JsonFields f(*shard, where + ": shard");
    out.shard = BenchShard{f.count("index", 10000), f.count("count", 10000)};
    if (out.shard->index < 1 || out.shard->index > out.shard->count) {
      f.fail("index", "shard " + std::to_string(out.shard->index) + " of " + std::to_string(out.shard->count));
    }
  }
  return out;
}

}  // namespace readygate
