// ready-score: an explainable readiness score and gate from the envelopes of the other tools.
#include "common/cli.hpp"
#include "score_command.hpp"

using namespace readygate;

int main(int argc, char* argv[]) {
  return run_main("ready-score", [&] {
    score::ScoreCommand command;
    std::string policy, coverage;
    double min_score = -1;
    po::options_description options("Score options");
    options.add_options()
        ("input", po::value(&command.inputs)->value_name("FILE"), "envelopes to read (default: stdin; - is stdin)")
        ("policy", po::value(&policy)->value_name("FILE"), "the scoring policy (JSON; default: the built-in one)")
        ("print-policy", po::bool_switch(&command.print_policy), "print the policy in force and exit")
        ("junit", po::value(&command.junit)->value_name("FILE"), "the project's JUnit test reports (repeatable)")
        ("coverage", po::value(&coverage)->value_name("FILE"), "a coverage summary: Cobertura XML or lcov .info")
        ("min-score", po::value(&min_score)->value_name("N"), "the minimum score for the gate (overrides the policy)")
        ("explain", po::bool_switch(&command.explain), "print categories, deductions and blockers on stderr");
    po::positional_options_description positional;
    positional.add("input", -1);
    const ToolSpec spec{"ready-score", "ready-score [FILE...] [--policy FILE] [--junit FILE]... [--min-score N] [--explain]",
                        "Scores readiness from readygate envelopes (and test reports) against a policy: every point lost "
                        "is listed with its reason and evidence, categories without evidence are reported as such, and "
                        "blockers fail the gate whatever the score.\n"
                        "Exit codes: 0 the gate passes, 1 it fails, 2 bad policy or input, 3 runtime error."};
    CommonOptions common;
    const auto values = parse_command_line(argc, argv, spec, options, positional, common);
    if (!values) return ExitCode::ok;
    if (!policy.empty()) command.policy = policy;
    if (!coverage.empty()) command.coverage = coverage;
    if (values->count("min-score")) {
      if (min_score < 0 || min_score > 100) throw_input_error("--min-score: expected a number from 0 to 100");
      command.min_score = min_score;
    }
    RunInfo run;
    run.args = program_arguments(argc, argv);
    return score::run_score_command(command, common, run);
  });
}
