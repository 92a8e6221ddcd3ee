#pragma once
// What a load run does: endpoints, and phases run in order. Built from the command line (one
// phase) or from a scenario file (JSON, validated field by field):
//
// {"base_url": "http://127.0.0.1:8080",            relative endpoint URLs resolve against it
//  "timeout": "10s",                                 per request (default 10s)
//  "endpoints": [{"name": "GET /health", "url": "/health", "method": "GET",
//                 "headers": ["Accept: application/json"], "body": "…" | "@file",
//                 "expect_status": 200}, …],         any other status is an error (default: 2xx/3xx)
//  "phases": [{"name": "latency", "endpoints": ["GET /health"],
//              "concurrency": 1, "requests": 1000}, …   closed model: -c with -n or -d
//             {"name": "steady", "rate": 200, "duration": "30s", "concurrency": 100,
//              "warmup": "2s"}],                          open model: a timetable of R/s
//  "thresholds": ["p95<100ms", "query: p95<50ms"]}
// Users read the format in docs/SCENARIO.md; schemas/scenario.schema.json is written from this parser: change
// the three together (tests/e2e/file_schemas.sh runs both on the examples and on refused files).
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/threshold.hpp"

namespace readygate::bench {

struct Endpoint {
  std::string name;  // "GET /health" unless named
  std::string method = "GET";
  std::string url;
  std::vector<std::string> headers;
  std::string body;
  std::optional<long> expect_status;  // none: any 2xx or 3xx is a success
};

struct Phase {
  std::string name;
  std::vector<std::size_t> endpoints;  // indexes into Scenario::endpoints, taken in turn
  unsigned concurrency = 10;           // closed: in flight at once; open: the most in flight
  std::optional<double> rate;          // open model: requests per second on a timetable
  std::optional<std::uint64_t> requests;
  std::optional<std::chrono::milliseconds> duration;
  std::chrono::milliseconds warmup{0};
  double timetable_offset_s = 0;  // open model: where the timetable starts (a shard's place in the whole)
};

// `--shard K/N`: this load generator is the K-th of N (1-based) sending one share of the load.
struct Shard {
  unsigned index = 1, count = 1;
};

struct Scenario {
  std::vector<Endpoint> endpoints;
  std::vector<Phase> phases;
  std::vector<Threshold> thresholds;
  std::chrono::milliseconds timeout{10000};
  bool http2 = false;
  bool insecure = false;
  std::optional<Shard> shard;
};

// "GET /health" for http://host:8080/health?x=1 (path and query, never credentials).
std::string endpoint_name(const std::string& method, const std::string& url);

// Throws Error (exit 2) naming the file and the field.
Scenario parse_scenario(const nlohmann::json& document, const std::string& source,
                        const std::string& base_url_override);

// "K/N" with 1 <= K <= N <= 10000; throws Error (exit 2) otherwise.
Shard parse_shard(const std::string& text);

// The K-th of N shares of every phase, so that the N shares add up exactly to the whole:
// requests and concurrency are split with the remainders going to the first shards (each
// shard keeps at least one connection), the rate is divided by N, and the open model's
// timetable of shard K starts (K-1)/N of one inter-arrival period of the whole later, so the N
// timetables interleave as one machine's would. Durations and warm-ups stay whole; an rps
// threshold becomes 1/N of itself (latency and error-rate thresholds stay as they are). Throws
// Error (exit 2) when a phase has fewer requests than there are shards.
Scenario shard_of(Scenario scenario, Shard shard);

// Every threshold's scope must name an endpoint or a phase: checked before any load is sent.
void check_threshold_scopes(const Scenario& scenario);

}  // namespace readygate::bench
