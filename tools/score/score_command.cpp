#include "score_command.hpp"

#include <iostream>

#include "category_scoring.hpp"
#include "common/json_stream.hpp"
#include "common/log.hpp"
#include "common/output.hpp"
#include "explain.hpp"
#include "policy.hpp"
#include "score_text.hpp"
#include "scoring.hpp"

namespace readygate::score {

ExitCode run_score_command(const ScoreCommand& command, const CommonOptions& common, const RunInfo& run) {
  Policy policy = default_policy();
  if (command.policy) {
    const std::string& name = command.policy->name;
    const auto documents =
        parse_json_documents(command.policy->inline_text ? *command.policy->inline_text : read_input(name), name);
    if (documents.size() != 1) throw_input_error(name + ": expected one policy document");
    policy = parse_policy(documents.front(), name);
  }
  if (command.min_score) policy.min_score = *command.min_score;
  if (command.print_policy) {
    json source = policy.source;
    source["min_score"] = policy.min_score;
    write_json_output(source, common.output, true);
    return ExitCode::ok;
  }

  // Everything is read before anything is scored: a bad input fails fast, naming itself.
  std::vector<json> documents;
  std::vector<SourcedEnvelope> sourced;
  const std::vector<std::string> inputs = command.inputs.empty() ? std::vector<std::string>{"-"} : command.inputs;
  for (const auto& path : inputs) {
    const std::string source = path == "-" ? "<stdin>" : path;
    for (auto& document : parse_json_documents(read_input(path), source)) {
      sourced.push_back({document, source});
      documents.push_back(std::move(document));
    }
  }
  Evidence evidence;
  evidence.envelopes = gather_envelopes(sourced);
  sourced.clear();
  if (!command.junit.empty()) evidence.tests = read_junit(command.junit);
  if (command.coverage) evidence.coverage = read_coverage(*command.coverage);

  const ScoreResult result = compute_score(policy, evidence);
  if (command.explain) std::cerr << explain(result) << std::flush;

  json envelope = make_envelope("score", run, "");
  envelope["score"] = to_json(result);
  std::size_t scored = 0;
  for (const auto& c : result.categories) scored += c.has_evidence;
  envelope["summary"] = {{"value", result.value},
                         {"gate", result.pass ? "pass" : "fail"},
                         {"categories", result.categories.size()},
                         {"scored", scored},
                         {"blockers", result.blockers.size()},
                         {"evidence_coverage", envelope["score"]["evidence_coverage"]}};
  for (const auto& check : result.checks) envelope["checks"].push_back(to_json(check));
  envelope["policy"] = policy.source;
  envelope["inputs"] = json::array();
  if (common.output_format() == OutputFormat::text) {
    write_text_output(render_score_text(result, TextStyle::for_output(common.output)), common.output);
  } else {
    write_json_output(
        envelope, "inputs", documents.size(), [&](std::size_t i) { return documents[i]; }, common.output,
        common.pretty);
  }
  // Exit 1 says why, in every format: each blocker and a score under the minimum.
  for (const auto& reason : gate_failure_reasons(result)) log_error("gate fails: " + reason);
  log_info("score " + format_number(result.value) + " (minimum " + format_number(result.min_score) + "): gate " +
           (result.pass ? "passes" : "fails") +
           (result.blockers.empty() ? "" : ", " + std::to_string(result.blockers.size()) + " blocker(s)"));
  return result.pass ? ExitCode::ok : ExitCode::check_failed;
}

}  // namespace readygate::score
