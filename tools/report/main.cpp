// ready-report: envelopes in; SARIF, JUnit, GitLab Code Quality, Markdown and annotations out.
#include "common/cli.hpp"
#include "report_command.hpp"

using namespace readygate;

int main(int argc, char* argv[]) {
  return run_main("ready-report", [&] {
    report::ReportCommand command;
    std::string fail_on;
    po::options_description options("EnvelopeSet options");
    options.add_options()
        ("input", po::value(&command.inputs)->value_name("FILE"), "envelopes to read (default: stdin; - is stdin)")
        ("sarif", po::value(&command.sarif)->value_name("FILE"), "SARIF 2.1.0 for GitHub code scanning")
        ("junit", po::value(&command.junit)->value_name("FILE"), "JUnit XML for GitLab and GitHub test reports")
        ("codequality", po::value(&command.codequality)->value_name("FILE"), "GitLab Code Quality JSON")
        ("markdown", po::value(&command.markdown)->value_name("FILE"), "a Markdown summary ($GITHUB_STEP_SUMMARY)")
        ("annotations", po::bool_switch(&command.annotations), "GitHub workflow-command annotations on stdout")
        ("fail-on", po::value(&fail_on)->value_name("S"), "exit 1 when an unsuppressed new finding is at or above S");
    po::positional_options_description positional;
    positional.add("input", -1);
    const ToolSpec spec{"ready-report", "ready-report [FILE...] [--sarif F] [--junit F] [--codequality F] [--markdown F] [--annotations]",
                        "Turns readygate envelopes (from any tool, or a ready-score envelope that embeds them) into the "
                        "formats CI systems and people read. \"-\" as a file is stdout. Its own envelope is written only "
                        "with -o FILE.\nExit codes: 0 done, 1 --fail-on crossed, 2 bad usage or input, 3 cannot write."};
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
