// ready-score: an explainable readiness score and gate from the envelopes of the other tools.
#include "common/cli.hpp"
#include "score_command.hpp"

using namespace readygate;

int main(int argc, char* argv[]) {
  return run_main("ready-score", [&] {
    score::ScoreCommand command;
    std::string policy, coverage;
    double min_score = -1;
    po::options_description evidence("Evidence");
    evidence.add_options()("input", po::value(&command.inputs)->value_name("FILE"),
                           "envelopes to read (default: stdin; - is stdin)")(
        "junit", po::value(&command.junit)->value_name("FILE"), "the project's JUnit test reports (repeatable)")(
        "coverage", po::value(&coverage)->value_name("FILE"), "a coverage summary: Cobertura XML or lcov .info");
    po::options_description gate("Policy and gate");
    gate.add_options()("policy", po::value(&policy)->value_name("FILE"),
                       "the scoring policy (JSON; default: the built-in one)")(
        "print-policy", po::bool_switch(&command.print_policy), "print the policy in force and exit")(
        "min-score", po::value(&min_score)->value_name("N"), "the minimum score for the gate (overrides the policy)")(
        "explain", po::bool_switch(&command.explain), "print categories, deductions and blockers on stderr");
    po::options_description options;
    options.add(evidence).add(gate);
    po::positional_options_description positional;
    positional.add("input", -1);
    const ToolSpec spec{"ready-score",
                        "score readiness from readygate evidence against a policy, and gate on it",
                        "ready-score [FILE...] [--policy FILE] [--junit FILE]... [--min-score N] [--explain]",
                        "Reads envelopes from the other programs (FILEs, or stdin), the project's JUnit reports and "
                        "coverage, and scores each category of the policy: findings, load figures against thresholds, "
                        "health of critical checks, tests and coverage. Every point lost is listed with its reason and "
                        "evidence; a category without evidence is reported as such and left out of the mean unless the "
                        "policy requires it. Blockers (a critical finding, a critical check down, failing tests, an "
                        "error rate over its limit) fail the gate whatever the score.\n\n"
                        "The output envelope embeds its inputs, so ready-report can render everything from it.",
                        {{0, "the gate passes"},
                         {1, "the gate fails (score under the minimum, or a blocker)"},
                         {2, "bad policy or input"},
                         {3, "runtime error"}},
                        {{"ready-score health.json bench.json scan.json --explain -o score.json",
                          "score a gate run, explained on stderr"},
                         {"ready-score scan.json --junit 'reports/*.xml' --min-score 90",
                          "with the project's tests, a stricter minimum"},
                         {"ready-score --print-policy > policy.json", "the built-in policy, to edit"}}};
    CommonOptions common;
    common.offers_text = true;
    const auto values = parse_command_line(argc, argv, spec, options, positional, common);
    if (!values) return ExitCode::ok;
    if (const auto table = common.origins.inline_tables.find("policy");
        table != common.origins.inline_tables.end() && !common.origins.from_flag("policy")) {
      command.policy = {common.origins.in_file.at("policy") + " [score.policy]", table->second};
    } else if (!policy.empty()) {
      command.policy = {policy, std::nullopt};
    }
    if (!coverage.empty()) command.coverage = coverage;
    if (values->count("min-score")) {
      if (!(min_score >= 0 && min_score <= 100))
        throw_input_error("--min-score: expected a number from 0 to 100");  // nan too
      command.min_score = min_score;
    }
    RunInfo run;
    run.args = program_arguments(argc, argv);
    return score::run_score_command(command, common, run);
  });
}
