// ready-bench: HTTP load on libcurl, with honest percentiles and thresholds as checks.
#include "bench_command.hpp"
#include "common/cli.hpp"
#include "common/http_syntax.hpp"
#include "common/json_stream.hpp"
#include "common/units.hpp"

using namespace readygate;

int main(int argc, char* argv[]) {
  return run_main("ready-bench", [&] {
    bench::BenchCommand command;
    std::string scenario, duration, warmup, timeout, body, shard;
    std::uint64_t requests = 0;
    double rate = 0;
    long expect_status = 0;
    po::options_description load("Load");
    load.add_options()("url", po::value(&command.urls)->value_name("URL"),
                       "an endpoint to load (repeatable: taken in turn; also positional, as hey and wrk take it)")(
        "scenario", po::value(&scenario)->value_name("FILE"), "a scenario of endpoints and phases (JSON)")(
        "base-url", po::value(&command.base_url)->value_name("URL"), "where a scenario's relative URLs point")(
        "concurrency,c", po::value(&command.phase.concurrency)->value_name("N"),
        "requests in flight at once (default 10)")("requests,n", po::value(&requests)->value_name("N"),
                                                   "send exactly N requests (default 1000)")(
        "duration,d", po::value(&duration)->value_name("D"),
        "send for D (250ms, 30s, 2m) instead of a count; then a grace of at most 1 s, and the rest is cut")(
        "rate", po::value(&rate)->value_name("R"),
        "open model: R requests/s on a timetable; -c caps what is in flight")(
        "warmup", po::value(&warmup)->value_name("D"), "load for D first, and leave it out of the figures")(
        "threads", po::value(&command.threads)->value_name("N"), "event-loop threads (default: one per core)")(
        "shard", po::value(&shard)->value_name("K/N"),
        "be the K-th of N load generators: send 1/N of the requests, rate and connections");
    po::options_description request("Requests");
    request.add_options()("timeout", po::value(&timeout)->value_name("D"), "per request (default 10s)")(
        "method,X", po::value(&command.endpoint_template.method)->value_name("METHOD"), "HTTP method (default GET)")(
        "header,H", po::value(&command.endpoint_template.headers)->value_name("'Name: value'"),
        "a request header (repeatable)")("body", po::value(&body)->value_name("TEXT|@FILE"), "the request body")(
        "expect-status", po::value(&expect_status)->value_name("CODE"),
        "only this status is a success (default: 2xx, 3xx)")("http2", po::bool_switch(&command.http2),
                                                             "use HTTP/2 where the server offers it")(
        "insecure", po::bool_switch(&command.insecure), "do not verify TLS certificates");
    po::options_description thresholds("Thresholds");
    thresholds.add_options()("threshold", po::value(&command.thresholds)->value_name("EXPR"),
                             "p95<100ms, rps>50, error_rate<0.1%, 'NAME: p95<50ms' (repeatable)");
    po::options_description options;
    options.add(load).add(request).add(thresholds);
    po::positional_options_description positional;
    positional.add("url", -1);
    const ToolSpec spec{
        "ready-bench",
        "load HTTP endpoints and report honest latency percentiles, throughput and errors",
        "ready-bench (URL... | --scenario FILE) [-c N] [-n N | -d D] [--rate R] [--threshold EXPR]...",
        "Drives HTTP(S) endpoints with libcurl, closed model (-c connections, -n requests or -d time) or "
        "open model (--rate requests per second on a timetable, latency measured from the intended "
        "start). Reports latency percentiles from a mergeable histogram, throughput and errors by class, "
        "per endpoint, per phase and overall, and a per-second timeline. Every run ends by itself; "
        "thresholds (p95<100ms, error_rate<0.1%) become checks.\n\n"
        "Header values and credentials in URLs are never written. SIGINT or SIGTERM stops the run and "
        "still writes the figures so far.",
        {{0, "the run finished and every threshold held"},
         {1, "a threshold failed, or (no threshold given) no request succeeded"},
         {2, "bad usage, checked before any load"},
         {3, "interrupted (partial figures still written) or runtime error"}},
        {{"ready-bench http://127.0.0.1:8080/health -c 50 -d 10s", "50 connections for 10 seconds"},
         {"ready-bench --url http://127.0.0.1:8080/api --rate 200 -d 30s --threshold 'p95<100ms'",
          "200 requests per second, failing when p95 is 100 ms or more"},
         {"ready-bench --scenario load.json --base-url http://127.0.0.1:8080", "phases from a scenario file"},
         {"ready-bench --scenario load.json --shard 2/4 -o bench-2.json",
          "the second of four load generators; ready-score merges bench-*.json"}}};
    CommonOptions common;
    common.offers_text = true;
    const auto values = parse_command_line(argc, argv, spec, options, positional, common);
    if (!values) return ExitCode::ok;
    bench::Phase& phase = command.phase;
    if (values->count("concurrency") && (phase.concurrency < 1 || phase.concurrency > 100000)) {
      throw_input_error("--concurrency: expected 1 to 100000");
    }
    if (values->count("requests")) {
      if (requests == 0) throw_input_error("--requests: expected at least 1");
      phase.requests = requests;
    }
    if (!duration.empty()) {
      phase.duration = parse_duration("--duration", duration);
      if (phase.duration->count() == 0) throw_input_error("--duration: must be more than 0");
    }
    if (phase.requests && phase.duration) throw_input_error("give --requests or --duration, not both");
    if (values->count("rate")) {
      if (!(rate > 0 && rate <= 10'000'000)) {  // nan and inf too
        throw_input_error("--rate: expected a positive number of requests per second, at most 10000000");
      }
      phase.rate = rate;
      if (!values->count("concurrency")) phase.concurrency = 1000;
    }
    if (!warmup.empty()) phase.warmup = parse_duration("--warmup", warmup);
    if (!timeout.empty()) command.timeout = parse_duration("--timeout", timeout);
    if (command.timeout && command.timeout->count() == 0) throw_input_error("--timeout: must be more than 0");
    if (!scenario.empty()) command.scenario_file = scenario;
    if (values->count("shard")) command.shard = bench::parse_shard(shard);
    if (!body.empty()) command.endpoint_template.body = body.front() == '@' ? read_input(body.substr(1)) : body;
    if (values->count("expect-status")) {
      if (expect_status < 100 || expect_status > 599)
        throw_input_error("--expect-status: expected a status from 100 to 599");
      command.endpoint_template.expect_status = expect_status;
    }
    for (const auto& h : command.endpoint_template.headers) check_header_syntax(h, "--header");
    check_method_syntax(command.endpoint_template.method, "--method");
    if (command.threads > 1024) throw_input_error("--threads: at most 1024");
    RunInfo run;
    run.args = program_arguments(argc, argv);
    return bench::run_bench_command(command, common, run);
  });
}
