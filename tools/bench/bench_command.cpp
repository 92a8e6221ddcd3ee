#include "bench_command.hpp"

#include <thread>

#include "bench_outcome.hpp"
#include "bench_report.hpp"
#include "bench_run.hpp"
#include "bench_text.hpp"
#include "common/curl.hpp"
#include "common/http_syntax.hpp"
#include "common/json_stream.hpp"
#include "common/log.hpp"
#include "common/number_format.hpp"
#include "common/output.hpp"
#include "common/redact.hpp"

namespace readygate::bench {

Scenario build_scenario(const BenchCommand& c) {
  Scenario s;
  if (c.scenario_file) {
    if (!c.urls.empty()) throw_input_error("give --url or --scenario, not both");
    const auto documents = parse_json_documents(read_input(*c.scenario_file), *c.scenario_file);
    if (documents.size() != 1) throw_input_error(*c.scenario_file + ": expected one scenario document");
    s = parse_scenario(documents.front(), *c.scenario_file, c.base_url);
  } else {
    if (c.urls.empty()) throw_input_error("nothing to load: give --url URL (repeatable) or --scenario FILE");
    for (const auto& url : c.urls) {
      check_http_url(url, "--url");
      Endpoint e = c.endpoint_template;
      e.url = url;
      e.name = endpoint_name(e.method, url);
      s.endpoints.push_back(e);
    }
    Phase phase = c.phase;
    phase.name = "run";
    for (std::size_t i = 0; i < s.endpoints.size(); ++i) phase.endpoints.push_back(i);
    if (!phase.requests && !phase.duration) phase.requests = 1000;
    s.phases.push_back(phase);
  }
  if (c.timeout) s.timeout = *c.timeout;
  s.http2 = s.http2 || c.http2;
  s.insecure = s.insecure || c.insecure;
  if (s.http2 && !curl_has_http2()) throw_input_error("--http2: this libcurl was built without HTTP/2");
  for (const auto& t : c.thresholds) s.thresholds.push_back(parse_threshold(t));
  check_threshold_scopes(s);
  return c.shard ? shard_of(std::move(s), *c.shard) : s;
}

ExitCode run_bench_command(const BenchCommand& command, const CommonOptions& common, const RunInfo& run) {
  const Scenario scenario = build_scenario(command);
  install_interrupt_handler();
  const unsigned threads = command.threads ? command.threads : std::max(1u, std::thread::hardware_concurrency());
  const RunResult result = run_scenario(scenario, threads, common.progress_mode());

  const BenchMetrics metrics = bench_metrics(scenario, result);
  const std::vector<Check> checks = bench_checks(scenario, result, metrics);
  // A scenario run is about the scenario (its file), not the first of its URLs.
  json envelope = make_envelope("bench", run,
                                command.scenario_file ? "scenario " + *command.scenario_file
                                                      : redact_url_credentials(scenario.endpoints.front().url));
  const BenchFigures& overall = *metrics.overall;
  const double p95 = overall.latency.p95.value_or(0.0);
  envelope["summary"] = {{"requests", overall.requests},
                         {"errors", overall.errors},
                         {"error_rate", overall.error_rate.value_or(0.0)},
                         {"rps", overall.rps.value_or(0.0)},
                         {"p95_ms", p95},
                         {"phases", scenario.phases.size()},
                         {"endpoints", scenario.endpoints.size()},
                         {"partial", result.partial}};
  bool failed = false;
  for (const auto& check : checks) {
    envelope["checks"].push_back(to_json(check));
    failed = failed || is_failure(check.status);
    if (check.status == CheckStatus::warn && check.id == "bench.client") log_warning(check.message);
  }
  envelope["metrics"] = to_json(metrics);
  if (common.output_format() == OutputFormat::text) {
    write_text_output(render_bench_text(metrics, checks, TextStyle::for_output(common.output)), common.output);
  } else {
    write_json_output(envelope, common.output, common.pretty);
  }
  log_info(format_number(static_cast<double>(overall.requests)) + " requests, " +
           format_number(static_cast<double>(overall.errors)) + " errors, " + format_number(overall.rps.value_or(0.0)) +
           " rps, p95 " + format_number(p95) + " ms");
  if (result.partial) {
    log_error("interrupted: the figures gathered so far were written, marked partial");
    return ExitCode::runtime;
  }
  if (const std::string errors = errors_warning(overall); !errors.empty()) log_warning(errors);
  // Exit 1 says why, in every format: each threshold crossed, with its value and limit.
  for (const auto& line : failed_threshold_lines(checks)) log_error("threshold failed: " + line);
  if (scenario.thresholds.empty()) {
    // Without thresholds, a run that never succeeded must not pass: a wrong port or path.
    if (const auto reason = no_success_reason(overall, scenario)) {
      log_reason(*reason);
      return ExitCode::check_failed;
    }
  }
  return failed ? ExitCode::check_failed : ExitCode::ok;
}

}  // namespace readygate::bench
