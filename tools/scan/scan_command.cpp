#include "scan_command.hpp"

#include "baseline.hpp"
#include "common/fail_on_reason.hpp"
#include "common/json_stream.hpp"
#include "common/log.hpp"
#include "common/output.hpp"
#include "diff_base.hpp"
#include "diff_filter.hpp"
#include "engine.hpp"
#include "fingerprint.hpp"
#include "ignore_file.hpp"
#include "scan_report.hpp"
#include "scan_text.hpp"
#include "staged.hpp"

namespace readygate::scan {
namespace {

std::vector<Rule> load_rules(const ScanCommand& command) {
  std::vector<Rule> rules = command.builtin_rules ? builtin_rules() : std::vector<Rule>{};
  for (const auto& file : command.rule_files) {
    const auto documents = parse_json_documents(read_input(file), file);
    std::size_t in_file = 0;
    for (const auto& document : documents) {
      auto parsed = parse_rules(document, file);
      in_file += parsed.size();
      rules = merge_rules(std::move(rules), parsed);
    }
    // An empty file would silently run none of the rules its author meant to add.
    if (in_file == 0)
      throw_input_error(file + ": no rules in this file (expected {\"rules\": [...]} with at least one)");
  }
  // --history looks for secrets (code rules on lines torn from their files would only guess).
  const std::vector<std::string> secrets_only{"secrets"};
  const auto& enable_only = command.history && command.enable_only.empty() ? secrets_only : command.enable_only;
  rules = select_rules(std::move(rules), enable_only, command.disable);
  if (rules.empty()) throw_input_error("no rules to run (check --rules, --enable-only and --disable)");
  return rules;
}

std::string describe_target(const std::vector<std::string>& paths) {
  std::string target;
  for (const auto& p : paths) target += (target.empty() ? "" : " ") + p;
  return target;
}

}  // namespace

ExitCode run_scan_command(const ScanCommand& command, const CommonOptions& common, const RunInfo& run) {
  const OutputFormat format = common.output_format();
  if (!command.show.empty()) {
    if (common.format == "json") throw_input_error("--show: prints text only (the envelopes are the JSON)");
    std::vector<SourcedEnvelope> envelopes;
    for (const auto& path : command.show) {
      const std::string source = path == "-" ? "<stdin>" : path;
      for (auto& document : parse_json_documents(read_input(path), source)) {
        envelopes.push_back({std::move(document), source});
      }
    }
    write_text_output(render_scan_text(scan_text_of(envelopes), TextStyle::for_output(common.output)), common.output);
    return ExitCode::ok;
  }
  const RuleEngine engine(load_rules(command), command.max_findings_per_file);
  // The built-in rules are compiled as files need them (the test suite compiles them all); a
  // user's rules are compiled now, so that a bad expression fails before the scan.
  if (!command.rule_files.empty() || command.list_rules) engine.compile_all();
  if (command.list_rules) {
    write_json_output(rules_envelope(run, engine.rules()), common.output, common.pretty);
    return ExitCode::ok;
  }
  // Read everything that can be wrong before the (possibly long) scan starts.
  std::optional<std::set<std::string>> baseline;
  if (command.baseline) {
    baseline = baseline_fingerprints(parse_json_documents(read_input(*command.baseline), *command.baseline),
                                     *command.baseline);
  }
  std::optional<ChangedLines> changed;
  if (command.diff_base) {
    const BaseUse use{"--diff-base", "scanning only lines changed since", "scanning every line"};
    if (const auto base = resolve_diff_base(*command.diff_base, process_environment(), ".", use)) {
      changed = changed_lines_since(*base, ".");
    }
  }
  std::optional<HistoryOptions> history = command.history;
  if (history && history->revisions == std::vector<std::string>{"auto"}) {
    // The request's commits; outside a request, none (an empty result).
    const BaseUse use{"--history", "scanning the commits since", "no commits to scan"};
    const auto base = resolve_diff_base("auto", process_environment(), ".", use);
    history->revisions = base ? std::vector<std::string>{*base + "..HEAD"} : std::vector<std::string>{};
  }

  const IgnoreList ignored = read_ignore_files(".", command.ignore_files);
  for (const auto& warning : ignored.warnings) log_warning(warning);

  ScanResult result;
  if (history) {
    history->roles = command.scan.roles;
    history->max_file_size = command.scan.max_file_size;
    if (!history->revisions.empty()) result = scan_history(engine, *history);
  } else if (command.staged) {
    result = scan_staged(engine, command.scan);
  } else {
    result = scan_paths(engine, command.scan);
  }
  assign_fingerprints(result.findings, engine.rules());
  if (!ignored.empty()) apply_ignore_list(result.findings, engine.rules(), ignored);
  if (changed) keep_changed(result.findings, *changed);
  if (command.min_severity) {
    std::erase_if(result.findings, [&](const Finding& f) { return f.severity < *command.min_severity; });
  }
  if (baseline) mark_new(result.findings, *baseline);

  const std::string target = command.history  ? "git history: " + describe_target(history->revisions)
                             : command.staged ? "git index (staged)"
                                              : describe_target(command.scan.paths);
  const json envelope = scan_envelope(run, target, result, engine.rules(), {command.fail_on, baseline.has_value()});
  const auto& summary = envelope["summary"];
  if (format == OutputFormat::text) {
    const ScanText text = scan_text_of(result, engine.rules(), summary["duration_ms"].get<long long>());
    write_text_output(render_scan_text(text, TextStyle::for_output(common.output)), common.output);
  } else {
    write_json_output(
        envelope, "findings", result.findings.size(),
        [&](std::size_t i) { return finding_json(result.findings[i], engine.rules()[result.findings[i].rule]); },
        common.output, common.pretty);
  }
  if (format != OutputFormat::text)
    log_info(std::to_string(summary["files"].get<std::size_t>()) + " files, " +
             std::to_string(summary["findings"].get<std::size_t>()) + " findings (" +
             std::to_string(summary["suppressed"].get<std::size_t>()) + " suppressed) in " +
             std::to_string(summary["duration_ms"].get<long long>()) + " ms");
  if (command.fail_on && count_gating(result.findings, engine.rules(), *command.fail_on) > 0) {
    std::vector<readygate::Finding> findings;
    findings.reserve(result.findings.size());
    for (const auto& f : result.findings) findings.push_back(to_finding(f, engine.rules()[f.rule]));
    log_reason(fail_on_reason(findings, *command.fail_on));
    return ExitCode::check_failed;
  }
  return ExitCode::ok;
}

}  // namespace readygate::scan
