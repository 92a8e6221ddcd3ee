#include "report_command.hpp"

#include "annotations_writer.hpp"
#include "codequality_writer.hpp"
#include "common/json_stream.hpp"
#include "common/log.hpp"
#include "common/output.hpp"
#include "junit_writer.hpp"
#include "markdown_writer.hpp"
#include "common/envelope_model.hpp"
#include "sarif_writer.hpp"

#include <filesystem>
#include <map>

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
  int to_stdout = c.annotations ? 1 : 0;
  for (const std::string* d : {&c.sarif, &c.junit, &c.codequality, &c.markdown, &common.output}) to_stdout += *d == "-";
  if (to_stdout > 1) throw_input_error("only one output can go to standard output (\"-\" or --annotations)");
  // Two formats into one file: the second would silently overwrite the first.
  std::map<std::string, std::string> files;
  const std::pair<const char*, const std::string*> destinations[] = {
      {"--sarif", &c.sarif}, {"--junit", &c.junit}, {"--codequality", &c.codequality}, {"--markdown", &c.markdown},
      {"--output", &common.output}};
  for (const auto& [flag, path] : destinations) {
    if (path->empty() || *path == "-") continue;
    std::error_code ec;
    std::string key = std::filesystem::weakly_canonical(std::filesystem::absolute(*path, ec), ec).string();
    if (ec || key.empty()) key = *path;
    const auto [at, added] = files.emplace(key, flag);
    if (!added) throw_input_error(std::string(flag) + " and " + at->second + " both write " + *path + ": give each its own file");
  }
  if (!c.annotations && c.sarif.empty() && c.junit.empty() && c.codequality.empty() && c.markdown.empty() &&
      common.output.empty()) {
    throw_input_error("nothing to write: choose --sarif, --junit, --codequality, --markdown or --annotations");
  }
}

}  // namespace

ExitCode run_report_command(const ReportCommand& command, const CommonOptions& common, const RunInfo& run) {
  check_destinations(command, common);
  const EnvelopeSet report = gather_envelopes(read_envelopes(command.inputs));

  if (!command.sarif.empty()) write_json_output(to_sarif(report), command.sarif, common.pretty);
  if (!command.junit.empty()) write_text_output(to_junit(report), command.junit);
  if (!command.codequality.empty()) write_json_output(to_codequality(report), command.codequality, common.pretty);
  if (!command.markdown.empty()) write_text_output(to_markdown(report), command.markdown);
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
      envelope["checks"].push_back(to_json(Check{"report.fail_on", "No findings at or above " + level,
                                                 pass_or_fail(gating == 0),
                                                 std::to_string(gating) + " finding(s) at or above " + level,
                                                 static_cast<double>(gating), 0.0, "<=", "findings"}));
    }
    write_json_output(envelope, common.output, common.pretty);
  }
  log_info(std::to_string(report.runs.size()) + " tool(s), " + std::to_string(findings) + " findings reported");
  return gating > 0 ? ExitCode::check_failed : ExitCode::ok;
}

}  // namespace readygate::report
