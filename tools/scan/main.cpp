// ready-scan: static security and performance patterns in a source tree, as a JSON envelope.
#include <algorithm>

#include "common/cli.hpp"
#include "common/units.hpp"
#include "scan_command.hpp"

using namespace readygate;

int main(int argc, char* argv[]) {
  return run_main("ready-scan", [&] {
    scan::ScanCommand command;
    std::vector<std::string> includes, excludes, paths, roles, include_roles;
    std::string max_file_size = "5M", min_severity, fail_on, shard, baseline, diff_base;
    bool no_default_excludes = false, no_git = false, no_builtin = false, history = false, all_refs = false;
    po::options_description options("Scan options");
    options.add_options()("path", po::value(&paths)->value_name("PATH"), "files or folders to scan (default: .)")(
        "rules", po::value(&command.rule_files)->value_name("FILE"), "more rules (JSON); same ids replace built-ins")(
        "no-builtin-rules", po::bool_switch(&no_builtin), "use only the rules from --rules")(
        "list-rules", po::bool_switch(&command.list_rules), "print the active rules as JSON and exit")(
        "enable-only", po::value(&command.enable_only)->value_name("ID|CATEGORY"), "run only these rules (repeatable)")(
        "disable", po::value(&command.disable)->value_name("ID|CATEGORY")->composing(),
        "do not run these rules (repeatable; adds to readygate.toml's)")(
        "min-severity", po::value(&min_severity)->value_name("S"),
        "drop findings below S: info, low, medium, high, critical")(
        "fail-on", po::value(&fail_on)->value_name("S"), "exit 1 when an unsuppressed new finding is at or above S")(
        "baseline", po::value(&baseline)->value_name("FILE"), "an earlier report: its findings are not new")(
        "diff-base", po::value(&diff_base)->value_name("REF|auto|none"),
        "only findings on lines changed since git REF; auto: since the pull or merge request's base "
        "(every line outside a request); none: every line")(
        "history", po::bool_switch(&history),
        "scan every line the commits added, for secrets: the positional arguments are then git revisions "
        "(a range such as main..HEAD; default HEAD; auto: the pull or merge request's commits, none "
        "outside a request)")("all", po::bool_switch(&all_refs), "with --history: the commits of every ref")(
        "staged", po::bool_switch(&command.staged),
        "scan the content staged in git's index (a pre-commit hook), not the work tree")(
        "include", po::value(&includes)->value_name("GLOB"), "scan only files matching GLOB (repeatable)")(
        "exclude", po::value(&excludes)->value_name("GLOB")->composing(),
        "skip files and folders matching GLOB (repeatable; adds to readygate.toml's)")(
        "no-default-excludes", po::bool_switch(&no_default_excludes), "also scan .git, node_modules, build output, …")(
        "no-git", po::bool_switch(&no_git), "walk folders instead of asking git (ignores .gitignore)")(
        "max-file-size", po::value(&max_file_size)->value_name("BYTES"), "skip larger files (default 5M)")(
        "max-findings-per-file", po::value(&command.max_findings_per_file)->value_name("N"),
        "report at most N findings per file, most severe first (default 1000; 0: no cap)")(
        "jobs,j", po::value(&command.scan.jobs)->value_name("N"), "worker threads (default: one per core)")(
        "shard", po::value(&shard)->value_name("K/N"), "scan only the K-th of N deterministic parts of the tree")(
        "role", po::value(&roles)->value_name("ROLE=GLOB"),
        "files matching GLOB have ROLE: product, test, example, vendored, generated (repeatable; the last match wins)")(
        "ignore-file", po::value(&command.ignore_files)->value_name("FILE"),
        "fingerprints to ignore, one per line, like .readygateignore (repeatable; a name ending in "
        "gitleaksignore is read as gitleaks' FILE:RULE:LINE entries)")(
        "include-role", po::value(&include_roles)->value_name("ROLE"),
        "scan vendored or generated files too (repeatable; they are skipped and counted by default)")(
        "show", po::value(&command.show)->value_name("FILE"),
        "do not scan: print earlier ready-scan envelopes (shards, --history) as the text report (repeatable; - "
        "is stdin)");
    po::positional_options_description positional;
    positional.add("path", -1);

    const ToolSpec spec{
        "ready-scan",
        "find secrets, unsafe code and performance anti-patterns in source trees",
        "ready-scan [PATH...] [OPTIONS]",
        "Lists the files under each PATH (default .), through git when the tree is a git work tree so "
        "that .gitignore is respected, reads each once and runs every rule that applies to it: 41 "
        "built-in rules (secrets, injection, unsafe code, performance anti-patterns) plus your own "
        "(--rules). On a terminal it prints the findings for people, grouped by file; through a pipe or "
        "into a file (-o) it writes one readygate envelope (JSON); --format text|json forces one. "
        "Warnings go to stderr.\n\n"
        "Secrets are never written in full. A line is suppressed with a ready:ignore[RULE] or # nosec "
        "comment; --baseline and --diff-base limit what counts as new. A file that cannot be read is "
        "warned about and counted, never fatal.\n\n"
        "Pull and merge requests: --diff-base auto compares with origin/$GITHUB_BASE_REF in a GitHub pull "
        "request and with $CI_MERGE_REQUEST_DIFF_BASE_SHA in a GitLab merge request; elsewhere it scans "
        "every line (and says so). --history auto scans the request's commits (base..HEAD), and nothing "
        "outside a request. A base missing from a shallow clone is fetched (git fetch --depth=1 origin); "
        "the comparison point is the merge base of the base and HEAD, or the base itself when the clone "
        "has none. An auto base that cannot be found is warned about and every line is scanned; a REF "
        "that is not a commit is an error.",
        {{0, "the scan ran (findings or not, unless --fail-on says otherwise)"},
         {1, "--fail-on S: an unsuppressed new finding at or above severity S"},
         {2,
          "bad usage or input: unknown flag, missing path, malformed rules file, invalid regular "
          "expression, a --diff-base REF that is not a commit"},
         {3, "runtime error: the output cannot be written, out of memory"}},
        {{"ready-scan . --fail-on high", "CI: exit 1 on an unsuppressed high or critical finding"},
         {"ready-scan . --diff-base origin/main --fail-on high", "pull requests: only the lines they change"},
         {"ready-scan . --diff-base auto", "in CI: only the lines the pull or merge request changes, if there is one"},
         {"ready-scan . --baseline last-release.json", "mark what is new since an earlier scan"},
         {"ready-scan . --shard 2/4 -o scan-2.json",
          "one of four parallel jobs; ready-score and ready-report merge the parts"},
         {"ready-scan --history origin/main..HEAD --fail-on high",
          "secrets added by a pull request's commits, even if removed since"},
         {"ready-scan --staged --enable-only secrets --fail-on high",
          "a pre-commit hook: what is about to be committed"},
         {"ready-scan --show scan.json", "an earlier scan's findings, for people"},
         {"ready-scan --list-rules", "the active rules as JSON"}}};
    CommonOptions common;
    common.offers_text = true;
    const auto values = parse_command_line(argc, argv, spec, options, positional, common);
    if (!values) return ExitCode::ok;

    if (all_refs && !history) throw_input_error("--all: only with --history");
    if (history && (command.staged || !diff_base.empty()))
      throw_input_error("--history: not with --staged or --diff-base");
    // Folders to scan from readygate.toml are no revisions.
    if (history && common.origins.from_file("path") && !common.origins.from_flag("path")) paths.clear();
    if (history) {
      command.history = scan::HistoryOptions{};
      command.history->revisions = paths;
      if (all_refs) command.history->revisions.emplace_back("--all");
      if (command.history->revisions.empty()) command.history->revisions.emplace_back("HEAD");
      const auto& revisions = command.history->revisions;
      if (revisions.size() > 1 && std::find(revisions.begin(), revisions.end(), "auto") != revisions.end()) {
        throw_input_error("--history auto: not with other revisions or --all");
      }
      for (const auto& revision : command.history->revisions) {
        if (revision.size() > 1 && revision[0] == '-' && revision != "--all") {
          throw_input_error("--history: '" + revision + "' is not a revision");
        }
      }
    } else if (!paths.empty()) {
      command.scan.paths = paths;
    }
    command.scan.listing = {includes, excludes, !no_default_excludes, !no_git};
    command.scan.max_file_size = parse_byte_size("--max-file-size", max_file_size);
    command.scan.progress = common.progress_mode();
    if (command.scan.jobs > 1024) throw_input_error("--jobs: at most 1024");
    if (!shard.empty()) command.scan.shard = scan::parse_shard(shard);
    for (const auto& r : roles) command.scan.roles.push_back(scan::parse_role_override(r));
    for (const auto& r : include_roles) {
      const auto role = scan::parse_role(r);
      if (!role)
        throw_input_error("--include-role: expected vendored or generated (or test, example, product), got '" + r +
                          "'");
      command.scan.include_roles.push_back(*role);
    }
    command.builtin_rules = !no_builtin;
    if (!min_severity.empty()) command.min_severity = severity_flag("--min-severity", min_severity);
    if (!fail_on.empty()) command.fail_on = severity_flag("--fail-on", fail_on);
    if (!baseline.empty()) command.baseline = baseline;
    if (!diff_base.empty()) command.diff_base = diff_base;

    RunInfo run;
    run.args = program_arguments(argc, argv);
    return scan::run_scan_command(command, common, run);
  });
}
