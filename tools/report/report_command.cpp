#include "report_command.hpp"

#include <filesystem>
#include <map>

#include "annotations_writer.hpp"
#include "common/envelope_model.hpp"
#include "common/json_stream.hpp"
#include "common/log.hpp"
#include "common/output.hpp"
#include "report_formats.hpp"

namespace readygate::report {
namespace {

std::vector<SourcedEnvelope> read_envelopes(const std::vector<std::string>& inputs) {
  std::vector<SourcedEnvelope> envelopes;
  const std::vector<std::string> paths = inputs.empty() ? std::vector<std::string>{"-"} : inputs;
  for (const auto& path : paths) {
    const std::string source = path == "-" ? "<stdin>" : path;
    std::size_t index = 0;
    for (auto& document : parse_json_documents(read_input(path), source)) {
      envelopes.push_back({std::move(document), source + " (document " + std::to_string(++index) + ")"});
    }
  }
  if (envelopes.empty()) throw_input_error("no envelopes to report on (empty input: did the previous step fail?)");
  return envelopes;
}

void check_destinations(const ReportCommand& c, const CommonOptions& common) {
  int to_stdout = (c.annotations ? 1 : 0) + (common.output == "-" ? 1 : 0);
  for (const ReportFormat& f : report_formats()) to_stdout += c.*f.destination == "-";
  if (to_stdout > 1) throw_input_error("only one output can go to standard output (\"-\" or --annotations)");
  // Two formats into one file: the second would silently overwrite the first.
  std::map<std::string, std::string> files;
  std::vector<std::pair<const char*, const std::string*>> destinations;
  for (const ReportFormat& f : report_formats()) destinations.emplace_back(f.flag, &(c.*f.destination));
  destinations.emplace_back("--output", &common.output);
  destinations.emplace_back("--github-output", &c.step_outputs.github_output);
  destinations.emplace_back("--dotenv", &c.step_outputs.dotenv);
  bool asked = c.annotations;
  for (const auto& [flag, path] : destinations) {
    asked = asked || !path->empty();
    if (path->empty() || *path == "-") continue;
    std::error_code ec;
    std::string key = std::filesystem::weakly_canonical(std::filesystem::absolute(*path, ec), ec).string();
    if (ec || key.empty()) key = *path;
    const auto [at, added] = files.emplace(key, flag);
    if (!added)
      throw_input_error(std::string(flag) + " and " + at->second + " both write " + *path + ": give each its own file");
  }
  if (!asked) {
    throw_input_error(
        "nothing to write: choose --sarif, --junit, --codequality, --markdown, --annotations, --github-output or "
        "--dotenv");
  }
}

}  // namespace

ExitCode run_report_command(const ReportCommand& command, const CommonOptions& common, const RunInfo& run) {
  check_destinations(command, common);
  const std::vector<SourcedEnvelope> envelopes = read_envelopes(command.inputs);
  const EnvelopeSet report = gather_envelopes(envelopes);

  for (const ReportFormat& f : report_formats()) {
    const std::string& destination = command.*f.destination;
    if (!destination.empty()) write_text_output(f.render(report, command, common.pretty), destination);
  }
  if (command.annotations) write_text_output(to_annotations(report), "-");

  std::size_t findings = 0, gating = 0;
  for (const auto& r : report.runs) {
    findings += r.findings.size();
    if (command.fail_on) {
      for (const auto& f : r.findings) gating += counts_against(f, *command.fail_on);
    }
  }
  if (!common.output.empty()) {
    json envelope = make_envelope("report", run, "");
    envelope["summary"] = {{"tools", report.runs.size()}, {"findings", findings}};
    if (command.fail_on) {
      const std::string level(to_string(*command.fail_on));
      envelope["checks"].push_back(
          to_json(Check{"report.fail_on", "No findings at or above " + level, pass_or_fail(gating == 0),
                        std::to_string(gating) + " finding(s) at or above " + level, static_cast<double>(gating), 0.0,
                        "<=", "findings"}));
    }
    write_json_output(envelope, common.output, common.pretty);
  }
  write_step_outputs(command.step_outputs, verdict_of(envelopes, report, gating == 0), command.sarif);
  log_info(std::to_string(report.runs.size()) + " tool(s), " + std::to_string(findings) + " findings reported");
  return gating > 0 ? ExitCode::check_failed : ExitCode::ok;
}

}  // namespace readygate::report
