#include "scenario.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/http_syntax.hpp"
#include "common/json_fields.hpp"
#include "common/json_stream.hpp"
#include "common/redact.hpp"
#include "common/units.hpp"

namespace readygate::bench {
namespace {

using nlohmann::json;

std::string resolve(const std::string& base, const std::string& url, const JsonFields& f) {
  if (url.find("://") != std::string::npos) return url;
  if (base.empty()) f.fail("url", "\"" + url + "\" is relative, and the scenario has no base_url (or --base-url)");
  std::string joined = base;
  while (!joined.empty() && joined.back() == '/') joined.pop_back();
  return joined + (url.empty() || url.front() != '/' ? "/" : "") + url;
}

enum class Zero { allowed, refused };

std::chrono::milliseconds duration_field(const JsonFields& f, std::string_view field,
                                         std::chrono::milliseconds fallback, Zero zero = Zero::allowed) {
  const json* value = f.find(field);
  if (!value) return fallback;
  const std::string text = value->is_string() ? value->get<std::string>() : value->dump();
  const auto duration = parse_duration(f.where() + ": field \"" + std::string(field) + "\"", text);
  // libcurl reads a timeout of 0 as "none": against a silent server the run would never end.
  if (zero == Zero::refused && duration.count() == 0) f.fail(field, "must be more than 0");
  return duration;
}

Endpoint parse_endpoint(const json& value, const std::string& where, const std::string& base) {
  const JsonFields f(value, where);
  f.only({"name", "url", "method", "headers", "body", "expect_status"});
  Endpoint e;
  e.method = f.text("method");
  if (e.method.empty()) e.method = "GET";
  check_method_syntax(e.method, f.where() + ": field \"method\"");
  e.url = resolve(base, f.text("url", Presence::required), f);
  check_http_url(e.url, f.where() + ": field \"url\"");
  e.headers = f.texts("headers");
  for (std::size_t i = 0; i < e.headers.size(); ++i) {
    check_header_syntax(e.headers[i], f.where() + ": field \"headers\"[" + std::to_string(i) + "]");
  }
  e.body = f.text("body");
  if (!e.body.empty() && e.body.front() == '@') e.body = read_input(e.body.substr(1));
  if (const auto status = f.whole("expect_status", 100, 599)) e.expect_status = static_cast<long>(*status);
  e.name = f.text("name");
  if (e.name.empty()) e.name = endpoint_name(e.method, e.url);
  return e;
}

}  // namespace

std::string endpoint_name(const std::string& method, const std::string& url) {
  std::string rest = redact_url_credentials(url);  // the query may hold an api_key
  if (const auto scheme = rest.find("://"); scheme != std::string::npos) {
    const auto path = rest.find('/', scheme + 3);
    rest = path == std::string::npos ? "/" : rest.substr(path);
  }
  return method + " " + rest;
}

Scenario parse_scenario(const json& document, const std::string& source, const std::string& base_url_override) {
  const JsonFields f(document, source);
  f.only({"base_url", "timeout", "endpoints", "phases", "thresholds", "http2", "insecure"});
  Scenario s;
  const std::string base = base_url_override.empty() ? f.text("base_url") : base_url_override;
  s.timeout = duration_field(f, "timeout", s.timeout, Zero::refused);
  s.http2 = f.flag("http2");
  s.insecure = f.flag("insecure");
  std::size_t i = 0;
  for (const json& e : f.array("endpoints")) {
    Endpoint endpoint = parse_endpoint(e, source + ": endpoints[" + std::to_string(i++) + "]", base);
    for (const auto& other : s.endpoints) {
      if (other.name == endpoint.name) f.fail("endpoints", "two endpoints are named \"" + endpoint.name + "\"");
    }
    s.endpoints.push_back(std::move(endpoint));
  }
  if (s.endpoints.empty()) f.fail("endpoints", "a scenario needs at least one endpoint");
  i = 0;
  for (const json& p : f.array("phases")) {
    const JsonFields pf(p, source + ": phases[" + std::to_string(i++) + "]");
    pf.only({"name", "endpoints", "concurrency", "rate", "requests", "duration", "warmup"});
    Phase phase;
    phase.name = pf.text("name", Presence::required);
    for (const auto& name : pf.texts("endpoints")) {
      const auto it =
          std::find_if(s.endpoints.begin(), s.endpoints.end(), [&](const Endpoint& e) { return e.name == name; });
      if (it == s.endpoints.end()) pf.fail("endpoints", "no endpoint is named \"" + name + "\"");
      phase.endpoints.push_back(static_cast<std::size_t>(it - s.endpoints.begin()));
    }
    if (phase.endpoints.empty()) {
      for (std::size_t k = 0; k < s.endpoints.size(); ++k) phase.endpoints.push_back(k);
    }
    if (const auto c = pf.whole("concurrency", 1, 100000)) phase.concurrency = static_cast<unsigned>(*c);
    phase.rate = pf.number("rate", 0.001, 10'000'000);
    if (const auto n = pf.whole("requests", 1, 1'000'000'000'000)) phase.requests = static_cast<std::uint64_t>(*n);
    if (pf.find("duration")) phase.duration = duration_field(pf, "duration", {}, Zero::refused);
    phase.warmup = duration_field(pf, "warmup", {});
    if (!phase.requests && !phase.duration)
      pf.fail("requests", "a phase needs \"requests\" or \"duration\": every run must end by itself");
    if (phase.requests && phase.duration) pf.fail("duration", "give \"requests\" or \"duration\", not both");
    s.phases.push_back(std::move(phase));
  }
  if (s.phases.empty()) f.fail("phases", "a scenario needs at least one phase");
  for (const auto& t : f.texts("thresholds")) s.thresholds.push_back(parse_threshold(t));
  check_threshold_scopes(s);
  return s;
}

void check_threshold_scopes(const Scenario& s) {
  for (const auto& t : s.thresholds) {
    if (t.scope.empty()) continue;
    const bool endpoint =
        std::any_of(s.endpoints.begin(), s.endpoints.end(), [&](const Endpoint& e) { return e.name == t.scope; });
    const bool phase = std::any_of(s.phases.begin(), s.phases.end(), [&](const Phase& p) { return p.name == t.scope; });
    if (!endpoint && !phase) {
      std::string names;
      for (const auto& e : s.endpoints) names += (names.empty() ? "" : ", ") + e.name;
      for (const auto& p : s.phases) names += (names.empty() ? "" : ", ") + p.name;
      throw_input_error("threshold '" + t.text + "': no endpoint or phase is named \"" + t.scope +
                        "\" (there are: " + names + ")");
    }
  }
}

Shard parse_shard(const std::string& text) {
  const std::size_t slash = text.find('/');
  const auto number = [](const std::string& digits) -> std::optional<unsigned> {
    if (digits.empty() || digits.size() > 5 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return {};
    return static_cast<unsigned>(std::stoul(digits));
  };
  if (slash != std::string::npos) {
    const auto k = number(text.substr(0, slash)), n = number(text.substr(slash + 1));
    if (k && n && *k >= 1 && *k <= *n && *n <= 10000) return {*k, *n};
  }
  throw_input_error("--shard: expected K/N with 1 <= K <= N <= 10000 (for example 2/4), got '" + text + "'");
}

namespace {

// The K-th of N shares of `whole`, remainders to the first shards: the N shares add up to it.
std::uint64_t share_of(std::uint64_t whole, Shard shard) {
  return whole / shard.count + (shard.index - 1 < whole % shard.count ? 1 : 0);
}

}  // namespace

Scenario shard_of(Scenario s, Shard shard) {
  for (Phase& p : s.phases) {
    if (p.requests) {
      if (*p.requests < shard.count) {
        throw_input_error("--shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) + ": phase '" +
                          p.name + "' sends " + std::to_string(*p.requests) + " requests, fewer than " +
                          std::to_string(shard.count) + " shards");
      }
      p.requests = share_of(*p.requests, shard);
    }
    p.concurrency = std::max(1u, static_cast<unsigned>(share_of(p.concurrency, shard)));
    if (p.rate) {
      // Shard K takes slots K-1, K-1+N, K-1+2N, … of the whole timetable.
      p.timetable_offset_s = static_cast<double>(shard.index - 1) / *p.rate;
      p.rate = *p.rate / shard.count;
    }
  }
  // A rate target is the whole load's: each shard must make its share of it. Latency and error
  // rate targets hold for every share as they do for the whole.
  for (Threshold& t : s.thresholds) {
    if (t.metric == "rps") t.value /= shard.count;
  }
  s.shard = shard;
  return s;
}

}  // namespace readygate::bench
