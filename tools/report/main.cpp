// ready-report: envelopes in; SARIF, JUnit, GitLab Code Quality, Markdown and annotations out.
#include "common/cli.hpp"
#include "report_command.hpp"

using namespace readygate;

int main(int argc, char* argv[]) {
  return run_main("ready-report", [&] {
    report::ReportCommand command;
    std::string fail_on;
    po::options_description options("Report options");
    options.add_options()("input", po::value(&command.inputs)->value_name("FILE"),
                          "envelopes to read (default: stdin; - is stdin)")(
        "sarif", po::value(&command.sarif)->value_name("FILE"), "SARIF 2.1.0 for GitHub code scanning")(
        "junit", po::value(&command.junit)->value_name("FILE"), "JUnit XML for GitLab and GitHub test reports")(
        "codequality", po::value(&command.codequality)->value_name("FILE"), "GitLab Code Quality JSON")(
        "markdown", po::value(&command.markdown)->value_name("FILE"), "a Markdown summary ($GITHUB_STEP_SUMMARY)")(
        "annotations", po::bool_switch(&command.annotations), "GitHub workflow-command annotations on stdout")(
        "fail-on", po::value(&fail_on)->value_name("S"), "exit 1 when an unsuppressed new finding is at or above S")(
        "github-output", po::value(&command.step_outputs.github_output)->value_name("FILE"),
        "append score=, passed=, findings= and sarif= to FILE ($GITHUB_OUTPUT)")(
        "dotenv", po::value(&command.step_outputs.dotenv)->value_name("FILE"),
        "write READYGATE_SCORE=, READYGATE_PASSED= and READYGATE_FINDINGS= to FILE (GitLab's dotenv report)");
    po::positional_options_description positional;
    positional.add("input", -1);
    const ToolSpec spec{
        "ready-report",
        "turn readygate envelopes into SARIF, JUnit, GitLab Code Quality, Markdown and annotations",
        "ready-report [FILE...] [--sarif F] [--junit F] [--codequality F] [--markdown F] [--annotations]"
        " [--github-output F] [--dotenv F]",
        "Reads readygate envelopes from any of the programs (from FILEs, or stdin when there are none); a "
        "ready-score envelope brings the envelopes it embeds. Writes each format asked for: SARIF 2.1.0 "
        "for code scanning, JUnit XML for test reports, GitLab Code Quality JSON, a Markdown summary that "
        "starts with the verdict, and GitHub workflow-command annotations on stdout. \"-\" as a file is "
        "stdout. Output is byte-identical for the same input.\n\n"
        "The verdict for CI scripts, with no JSON tool needed: --github-output appends score, passed, "
        "findings and sarif (the --sarif path) to GitHub's step outputs; --dotenv writes READYGATE_SCORE, "
        "READYGATE_PASSED and READYGATE_FINDINGS for GitLab's artifacts:reports:dotenv. passed is the "
        "score's gate as ready-score decided it; without a score envelope (a scan only) it is the "
        "--fail-on decision (true without --fail-on), and score is empty. findings is the sum of the "
        "scan envelopes' summary.findings, as each scan reported it.\n\n"
        "Its own envelope is written only with -o FILE.",
        {{0, "the reports were written"},
         {1, "--fail-on S: an unsuppressed new finding at or above severity S"},
         {2, "bad usage or input: malformed JSON (with line and column), an unknown envelope version"},
         {3, "a report cannot be written"}},
        {{"ready-report score.json --sarif out.sarif --junit junit.xml --markdown summary.md",
          "every report of a gate run"},
         {"ready-scan . | ready-report --annotations", "annotations for a GitHub Actions log"},
         {"ready-report scan-*.json --codequality gl-code-quality.json", "merge sharded scans into one report"},
         {"ready-report score.json --sarif out.sarif --github-output \"$GITHUB_OUTPUT\" --dotenv readygate.env",
          "the verdict as step outputs and a GitLab dotenv"}}};
    CommonOptions common;
    common.output.clear();  // ready-report writes its own envelope only when asked
    const auto values = parse_command_line(argc, argv, spec, options, positional, common);
    if (!values) return ExitCode::ok;
    if (!fail_on.empty()) command.fail_on = severity_flag("--fail-on", fail_on);
    RunInfo run;
    run.args = program_arguments(argc, argv);
    return report::run_report_command(command, common, run);
  });
}
