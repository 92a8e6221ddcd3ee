#!/usr/bin/env bash
# ready-gate: the whole readygate gate in one command, as CI runs it.
#   ready-healthcheck --wait → ready-bench → ready-scan → ready-score → ready-report
# Every input is a flag or, for the GitHub Action and the GitLab template, an environment
# variable of the same name (READYGATE_PATH, READYGATE_URLS, …); a flag wins. See --help.
set -euo pipefail

usage() {
  cat <<'EOF'
NAME
    ready-gate - the whole readygate gate: health, load, scan, score and reports in one command

SYNOPSIS
    ready-gate [OPTIONS]

DESCRIPTION
    Waits for the service's health checks, benchmarks it, scans the source tree, scores the
    evidence against a policy, and writes SARIF, JUnit, GitLab Code Quality and a Markdown
    summary into one folder:
      ready-healthcheck --wait -> ready-bench -> ready-scan -> ready-score -> ready-report
    Steps without input are skipped: no URLs and no checks, no health check; no URLs and no
    scenario, no benchmark (checks and a scenario may come from the configuration file,
    readygate.toml). Every input is a flag or, for the GitHub Action and the GitLab template,
    an environment variable (in brackets below); a flag wins. The gate's own defaults (--wait,
    the load of a URL, --fail-on) give way to what the configuration file sets.

OPTIONS
    --path DIR          source tree to scan (default .)                    [READYGATE_PATH]
    --url URL           a service URL to probe and, without a scenario, to load;
                        NAME=URL names it, else its host and path do (repeatable;
                        whitespace-separated in env)
                                                                           [READYGATE_URLS]
    --checks FILE       ready-healthcheck config                           [READYGATE_CHECKS]
    --scenario FILE     ready-bench scenario                               [READYGATE_SCENARIO]
    --base-url URL      where relative URLs in --checks and --scenario point
                                                                           [READYGATE_BASE_URL]
    --threshold EXPR    an extra load threshold, e.g. 'p95<100ms' (repeatable;
                        one per line in env)                               [READYGATE_THRESHOLDS]
    --policy FILE       ready-score policy (default: the built-in one)     [READYGATE_POLICY]
    --junit GLOB        the project's own JUnit reports (repeatable;
                        whitespace-separated in env)                       [READYGATE_JUNIT]
    --baseline FILE     an earlier ready-scan envelope: its findings are not new
                                                                           [READYGATE_BASELINE]
    --diff-base REF     report only findings on lines changed since REF, and scan the
                        commits since REF for secrets; default auto: the pull/merge
                        request's base when there is one (ready-scan --diff-base
                        auto, --history auto); 'none' scans every line     [READYGATE_DIFF_BASE]
    --wait D            how long to wait for the service (default 60s, or the
                        file's [healthcheck] wait)                         [READYGATE_WAIT]
    --bench-duration D  load time per URL when there is no scenario (default 10s)
                                                                           [READYGATE_BENCH_DURATION]
    --out DIR           where the results go (default readygate-out)       [READYGATE_OUT]
    --fail-on-gate B    true: exit 1 when the gate fails (default); false: exit 0
                                                                           [READYGATE_FAIL_ON_GATE]
    --scan-only         only ready-scan and ready-report: no service, no score; the
                        gate fails on a new finding at or above --fail-on  [READYGATE_SCAN_ONLY=true]
    --fail-on S         with --scan-only: info, low, medium, high or critical (default:
                        the file's [report] or [scan] fail-on, else high)
                                                                           [READYGATE_FAIL_ON]
    --shard K/N         scan only the K-th of N parts of the tree (parallel jobs)
                                                                           [READYGATE_SHARD]
    --scan-results GLOB do not scan: use these ready-scan envelopes instead, e.g. the
                        shards' scan.json (repeatable; whitespace-separated in env)
                                                                           [READYGATE_SCAN_RESULTS]
    --config FILE       the configuration file every program reads (default:
                        readygate.toml or .readygate.toml in --path, else each
                        program's own search from the working folder)      [READYGATE_CONFIG]
    --no-config         no configuration file                              [READYGATE_NO_CONFIG=true]
    --scan-args ARGS, --bench-args ARGS, --healthcheck-args ARGS
                        more arguments for one program, for what neither the flags
                        above nor the configuration file say (whitespace-separated
                        words; repeatable)   [READYGATE_SCAN_ARGS, READYGATE_BENCH_ARGS,
                                                          READYGATE_HEALTHCHECK_ARGS]
    --print-config      show each program's effective settings and exit
    --version           show the version (the programs') and exit
    -h, --help          show this help

ENVIRONMENT
    READYGATE_BIN       where the programs are (default: the folder ready-gate is in when
                        they are there, else PATH)
    GITHUB_OUTPUT       when set, ready-report appends the outputs score (empty with
                        --scan-only), passed, findings and sarif to it
    GITHUB_STEP_SUMMARY when set, the Markdown summary is appended to it
    GITHUB_ACTIONS      true: annotations are printed on stdout
    GITHUB_BASE_REF, CI_MERGE_REQUEST_DIFF_BASE_SHA
                        the default --diff-base in pull and merge requests (read by
                        ready-scan --diff-base auto)

FILES
    OUT/readygate.sarif, OUT/junit.xml, OUT/gl-code-quality.json, OUT/summary.md: the reports
    OUT/health.json, OUT/bench.json, OUT/scan.json, OUT/scan-history.json (the request's
    commits), OUT/score.json: the programs' envelopes
    OUT/readygate.env: READYGATE_SCORE, READYGATE_PASSED and READYGATE_FINDINGS (written by
    ready-report --dotenv), for GitLab's artifacts:reports:dotenv

OUTPUT
    stdout: the results for people, before the reports are written: with --scan-only the
    findings (ready-scan --show of the scan envelopes), else the score, its blockers and
    deductions (ready-score --format text). stderr: each step's progress and warnings, and
    when the gate fails, why (the findings over --fail-on, or the blockers and the score
    below the minimum, in the programs' own words), then one verdict line with the number
    of findings (open ones: not suppressed, not in the baseline; the same number as
    READYGATE_FINDINGS and ready-scan's summary).
    The results folder is never scanned. Created inside a git work tree where git neither
    tracks nor ignores it, the gate says so: add it to .gitignore, or put it under the CI's
    temporary folder (e.g. --out "$RUNNER_TEMP/readygate" on GitHub).

EXIT STATUS
    0   the gate passed (or --fail-on-gate false)
    1   the gate failed
    2   bad input
    3   a program failed at run time

EXAMPLES
    ready-gate --url http://127.0.0.1:8080/health --threshold 'p95<100ms'
    ready-gate --checks healthchecks.json --scenario load.json --base-url http://127.0.0.1:8080
    ready-gate --scan-only --diff-base origin/main --fail-on medium

SEE ALSO
    ready-scan(1), ready-bench(1), ready-healthcheck(1), ready-score(1), ready-report(1);
    https://github.com/readygate/readygate
EOF
}

die() { echo "ready-gate: error: $*" >&2; exit 2; }
note() { echo "ready-gate: $*" >&2; }

# words TEXT: the whitespace-separated words of TEXT, one per line, never glob-expanded.
words() { local list; read -r -d '' -a list <<<"$1" || true; [ ${#list[@]} -eq 0 ] || printf '%s\n' "${list[@]}"; }
# matches GLOB: the existing files GLOB names, one per line; nothing when there are none.
matches() { local file; for file in $1; do [ -e "$file" ] && printf '%s\n' "$file"; done; return 0; }

# Inputs: environment first, flags over it.
path=${READYGATE_PATH:-.}
mapfile -t urls < <(words "${READYGATE_URLS:-}")
checks=${READYGATE_CHECKS:-}
scenario=${READYGATE_SCENARIO:-}
base_url=${READYGATE_BASE_URL:-}
thresholds=()
while IFS= read -r line; do [ -n "${line// /}" ] && thresholds+=("$line"); done <<<"${READYGATE_THRESHOLDS:-}"
policy=${READYGATE_POLICY:-}
mapfile -t junit_globs < <(words "${READYGATE_JUNIT:-}")
baseline=${READYGATE_BASELINE:-}
diff_base=${READYGATE_DIFF_BASE:-}
wait_for=${READYGATE_WAIT:-}
bench_duration=${READYGATE_BENCH_DURATION:-}
out=${READYGATE_OUT:-readygate-out}
fail_on_gate=${READYGATE_FAIL_ON_GATE:-true}
scan_only=${READYGATE_SCAN_ONLY:-false}
fail_on=${READYGATE_FAIL_ON:-}
shard=${READYGATE_SHARD:-}
mapfile -t scan_result_globs < <(words "${READYGATE_SCAN_RESULTS:-}")
config=${READYGATE_CONFIG:-}
no_config=${READYGATE_NO_CONFIG:-false}
mapfile -t scan_extra < <(words "${READYGATE_SCAN_ARGS:-}")
mapfile -t bench_extra < <(words "${READYGATE_BENCH_ARGS:-}")
mapfile -t health_extra < <(words "${READYGATE_HEALTHCHECK_ARGS:-}")
print_config=false
show_version=false

while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --version) show_version=true; shift; continue ;;
    --scan-only) scan_only=true; shift; continue ;;
    --no-config) no_config=true; shift; continue ;;
    --print-config) print_config=true; shift; continue ;;
    --path|--url|--checks|--scenario|--base-url|--threshold|--policy|--junit|--baseline|--diff-base|--wait|--bench-duration|--out|--fail-on-gate|--fail-on|--shard|--scan-results|--config|--scan-args|--bench-args|--healthcheck-args)
      [ $# -ge 2 ] || die "$1 needs a value (see ready-gate --help)"
      case "$1" in
        --path) path=$2 ;; --url) urls+=("$2") ;; --checks) checks=$2 ;; --scenario) scenario=$2 ;;
        --base-url) base_url=$2 ;; --threshold) thresholds+=("$2") ;; --policy) policy=$2 ;;
        --junit) junit_globs+=("$2") ;; --baseline) baseline=$2 ;; --diff-base) diff_base=$2 ;;
        --wait) wait_for=$2 ;; --bench-duration) bench_duration=$2 ;; --out) out=$2 ;;
        --fail-on-gate) fail_on_gate=$2 ;; --fail-on) fail_on=$2 ;;
        --shard) shard=$2 ;; --scan-results) scan_result_globs+=("$2") ;; --config) config=$2 ;;
        --scan-args) mapfile -t -O ${#scan_extra[@]} scan_extra < <(words "$2") ;;
        --bench-args) mapfile -t -O ${#bench_extra[@]} bench_extra < <(words "$2") ;;
        --healthcheck-args) mapfile -t -O ${#health_extra[@]} health_extra < <(words "$2") ;;
      esac
      shift 2 ;;
    *) die "unknown option '$1' (see ready-gate --help)" ;;
  esac
done

for flag in "fail-on-gate:$fail_on_gate" "scan-only:$scan_only" "no-config:$no_config"; do
  case "${flag#*:}" in
    true|false) ;;
    *) die "--${flag%%:*}: expected true or false, got '${flag#*:}'" ;;
  esac
done
[ -d "$path" ] || die "--path: '$path' is not a folder"
[ "$config" = none ] && config="" no_config=true  # (the actions' and template's spelling)
[ -z "$config" ] || [ "$no_config" = false ] || die "--config and --no-config exclude each other"
for file in "$checks" "$scenario" "$policy" "$baseline"; do
  [ -z "$file" ] || [ -r "$file" ] || die "cannot read '$file'"
done
# Globs are expanded now, before any work: scan results that are missing would gate on nothing
# (an error); missing test reports are only less evidence (a warning).
scan_results=() junit_files=()
for glob in "${scan_result_globs[@]}"; do
  mapfile -t matched < <(matches "$glob")
  [ ${#matched[@]} -gt 0 ] || die "--scan-results: '$glob' matches no file"
  scan_results+=("${matched[@]}")
done
for glob in "${junit_globs[@]}"; do
  mapfile -t matched < <(matches "$glob")
  [ ${#matched[@]} -gt 0 ] || note "warning: --junit '$glob' matches no file"
  junit_files+=("${matched[@]}")
done
[ ${#scan_results[@]} -eq 0 ] || [ -z "$shard" ] || die "--shard and --scan-results do not go together"

# The programs: next to this script when installed, else on PATH.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${READYGATE_BIN:-}
[ -z "$bin" ] && [ -x "$here/ready-scan" ] && bin=$here
tool() { if [ -n "$bin" ]; then echo "$bin/$1"; else command -v "$1" || die "$1 is not on PATH (install readygate, or set READYGATE_BIN)"; fi; }
SCAN=$(tool ready-scan) HEALTHCHECK=$(tool ready-healthcheck) BENCH=$(tool ready-bench)
SCORE=$(tool ready-score) REPORT=$(tool ready-report)
if [ "$show_version" = true ]; then
  # The programs' version: ready-gate is released with them.
  version=$("$SCAN" --version) || die "ready-scan --version failed"
  echo "ready-gate ${version#ready-scan }"
  exit 0
fi

# The configuration file: named, or the scanned folder's, or each program finds its own. Every
# program checks its section now, before any work, and says what the file sets.
config_args=()
if [ "$no_config" = true ]; then
  config_args=(--no-config)
elif [ -n "$config" ]; then
  [ -r "$config" ] || die "--config: cannot read '$config'"
  config_args=(--config "$(realpath "$config")")
else
  for name in readygate.toml .readygate.toml; do
    if [ -f "$path/$name" ]; then config_args=(--config "$(realpath "$path/$name")"); break; fi
  done
fi
declare -A settings=()
for program in "$HEALTHCHECK" "$BENCH" "$SCAN" "$SCORE" "$REPORT"; do
  settings[$program]=$("$program" "${config_args[@]}" --print-config) ||
    die "${program##*/}: its configuration is not valid (see above)"
done
if [ "$print_config" = true ]; then
  for program in "$HEALTHCHECK" "$BENCH" "$SCAN" "$SCORE" "$REPORT"; do printf '%s\n\n' "${settings[$program]}"; done
  exit 0
fi
# from_file PROGRAM KEY: the value the configuration file gives KEY in PROGRAM's section, if any.
from_file() {
  local line value pattern="^$2 = (.*)  # [^ ]*:[0-9]+:[0-9]+\$"
  while IFS= read -r line; do
    [[ "$line" =~ $pattern ]] || continue
    value=${BASH_REMATCH[1]}
    [[ "$value" =~ ^\"(.*)\"$ ]] && value=${BASH_REMATCH[1]}
    printf '%s' "$value"
    return 0
  done <<<"${settings[$1]}"
}
# mentions OPTION WORDS...: one of WORDS is OPTION or OPTION=… (the user's extra arguments).
mentions() { local option=$1 word; shift; for word in "$@"; do [[ "$word" == "$option" || "$word" == "$option="* ]] && return 0; done; return 1; }

created_out=false
[ -e "$out" ] || created_out=true
mkdir -p "$out"
out=$(cd "$out" && pwd)
# Results left in the user's work tree would show as untracked files (and be committed by a
# careless `git add .`): say so once, when the folder is new and git neither tracks nor ignores it.
if [ "$created_out" = true ] && command -v git >/dev/null &&
   git -C "$out" rev-parse --is-inside-work-tree >/dev/null 2>&1 && ! git -C "$out" check-ignore -q . 2>/dev/null; then
  note "hint: $out is inside a git work tree and not ignored: add it to .gitignore, or give --out a folder outside (e.g. \$RUNNER_TEMP/readygate)"
fi
rm -f "$out"/{health,bench,score}.json "$out/readygate.env"
[ ${#scan_results[@]} -gt 0 ] || rm -f "$out"/scan{,-history}.json  # (they may be among the results)
evidence=()

# step NAME OK_CODES COMMAND...: runs a program; an exit code outside OK_CODES ends the gate
# (2: bad input, 3: run-time failure), after the program's own message on stderr.
step() {
  local name=$1 ok=$2 rc=0
  shift 2
  note "== $name"
  "$@" || rc=$?
  case " $ok " in *" $rc "*) return 0 ;; esac
  note "$name failed with exit code $rc; the gate stops here"
  exit $(( rc == 2 ? 2 : 3 ))
}

# The URLs as checks (ready-healthcheck names an unnamed one by host and path) and, without
# their NAME= (an "=" before the "://"), as what ready-bench loads.
url_checks=() url_list=()
for entry in "${urls[@]}"; do
  url_checks+=(--check "$entry")
  if [[ "$entry" == *=* && "${entry%%=*}" != *://* ]]; then url_list+=("${entry#*=}"); else url_list+=("$entry"); fi
done
base_args=()
[ -n "$base_url" ] && base_args=(--base-url "$base_url")
if [ "$scan_only" = true ] && { [ ${#url_list[@]} -gt 0 ] || [ -n "$checks$scenario" ]; }; then
  note "warning: --scan-only: URLs, checks and scenario are ignored"
  url_checks=() url_list=() checks="" scenario=""
fi

file_checks=$(from_file "$HEALTHCHECK" checks)$(from_file "$HEALTHCHECK" check)
file_scenario=$(from_file "$BENCH" scenario)$(from_file "$BENCH" url)
[ "$scan_only" = true ] && file_checks="" file_scenario=""
if [ -n "$checks$file_checks" ] || [ ${#url_checks[@]} -gt 0 ]; then
  args=("${config_args[@]}" -o "$out/health.json" "${base_args[@]}" "${url_checks[@]}")
  [ -n "$checks" ] && args+=(-c "$checks")
  if [ -n "$wait_for" ] || { [ -z "$(from_file "$HEALTHCHECK" wait)" ] && ! mentions --wait "${health_extra[@]}"; }; then
    args+=(--wait "${wait_for:-60s}")
  fi
  [ -n "$(from_file "$HEALTHCHECK" audit-headers)" ] || mentions --audit-headers "${health_extra[@]}" || args+=(--audit-headers)
  step "ready-healthcheck" "0 1" "$HEALTHCHECK" "${args[@]}" "${health_extra[@]}"
  evidence+=("$out/health.json")
fi

if [ -n "$scenario$file_scenario" ] || [ ${#url_list[@]} -gt 0 ]; then
  args=("${config_args[@]}" -o "$out/bench.json" "${base_args[@]}")
  if [ -n "$scenario" ]; then
    args+=(--scenario "$scenario")
  elif [ ${#url_list[@]} -gt 0 ] && [ -z "$file_scenario" ]; then
    for url in "${url_list[@]}"; do args+=(--url "$url"); done
    [ -n "$(from_file "$BENCH" concurrency)" ] || mentions -c "${bench_extra[@]}" || mentions --concurrency "${bench_extra[@]}" || args+=(-c 10)
    if [ -n "$bench_duration" ] || { [ -z "$(from_file "$BENCH" duration)" ] && ! mentions -d "${bench_extra[@]}" && ! mentions --duration "${bench_extra[@]}"; }; then
      args+=(-d "${bench_duration:-10s}")
    fi
  fi
  for threshold in "${thresholds[@]}"; do args+=(--threshold "$threshold"); done
  step "ready-bench" "0 1" "$BENCH" "${args[@]}" "${bench_extra[@]}"
  evidence+=("$out/bench.json")
elif [ ${#thresholds[@]} -gt 0 ]; then
  note "warning: thresholds given but nothing to load (no --scenario, no --url): ignored"
fi

scan_args=("${config_args[@]}" "$path" -o "$out/scan.json")
[ -n "$shard" ] && scan_args+=(--shard "$shard")
# Never scan our own results: a second run in the same workspace would report their snippets.
abs_path=$(realpath "$path") abs_out=$(realpath -m "$out")
case "$abs_out/" in "$abs_path"/?*) scan_args+=(--exclude "${abs_out#"$abs_path"/}") ;; esac
[ -n "$baseline" ] && scan_args+=(--baseline "$baseline")
# Only the lines a pull or merge request changes (ready-scan finds its base: --diff-base auto),
# and the request's commits too: a key added in one commit and removed in a later one is gone
# from the diff but not from the history. 'none' scans every line and no history.
scan_args+=(--diff-base "${diff_base:-auto}")
case "${diff_base:-auto}" in
  none) history_range="" ;;
  auto) history_range=auto ;;
  *) history_range="$diff_base..HEAD" ;;
esac
if [ ${#scan_results[@]} -gt 0 ]; then
  note "== ready-scan: using ${#scan_results[@]} earlier result(s): ${scan_results[*]}"
  scans=("${scan_results[@]}")
else
  # (exit 1 is a fail-on from the configuration file: the report decides the gate)
  step "ready-scan" "0 1" "$SCAN" "${scan_args[@]}" "${scan_extra[@]}"
  scans=("$out/scan.json")
  if [ -n "$history_range" ]; then
    history_args=("${config_args[@]}" --history "$history_range" -o "$out/scan-history.json")
    [ -n "$baseline" ] && history_args+=(--baseline "$baseline")
    pushd "$path" >/dev/null
    step "ready-scan --history" "0 1" "$SCAN" "${history_args[@]}"
    popd >/dev/null
    scans+=("$out/scan-history.json")
  fi
fi
evidence+=("${scans[@]}")

if [ "$scan_only" = true ]; then
  report_input=("${scans[@]}")
else
  score_args=("${config_args[@]}" "${evidence[@]}" -o "$out/score.json" --explain)
  [ -n "$policy" ] && score_args+=(--policy "$policy")
  for file in "${junit_files[@]}"; do score_args+=(--junit "$file"); done
  # The score for people in the job log (stdout), before ready-score's own run says on stderr
  # why the gate fails. It reads the same evidence (quick, and the same score): the envelope is
  # what the reports read, the text is for the log.
  text_args=() skip=false
  for arg in "${score_args[@]}"; do
    if [ "$skip" = true ]; then skip=false; elif [ "$arg" = -o ]; then skip=true; else text_args+=("$arg"); fi
  done
  "$SCORE" "${text_args[@]}" --format text -q 2>/dev/null ||
    [ $? -eq 1 ] || note "warning: ready-score could not print its text report"
  step "ready-score" "0 1" "$SCORE" "${score_args[@]}"
  report_input=("$out/score.json")
fi

# --scan-only: the findings for people in the job log (stdout), rendered from the envelopes,
# before ready-report --fail-on says on stderr which of them fail the gate.
if [ "$scan_only" = true ]; then
  show=()
  for file in "${scans[@]}"; do show+=(--show "$file"); done
  "$SCAN" --no-config "${show[@]}" --format text || note "warning: the findings could not be shown (see above)"
fi

report_args=("${config_args[@]}" "${report_input[@]}" --sarif "$out/readygate.sarif" --junit "$out/junit.xml"
             --codequality "$out/gl-code-quality.json" --markdown "$out/summary.md")
if [ "$scan_only" = true ]; then
  # The severity a scan-only gate fails on: the gate's flag, else the file's [report] fail-on
  # (which ready-report reads itself), else the file's [scan] fail-on, else high.
  if [ -n "$fail_on" ]; then
    report_args+=(--fail-on "$fail_on")
  elif [ -n "$(from_file "$REPORT" fail-on)" ]; then
    fail_on=$(from_file "$REPORT" fail-on)
  else
    fail_on=$(from_file "$SCAN" fail-on)
    fail_on=${fail_on:-high}
    report_args+=(--fail-on "$fail_on")
  fi
fi
[ "${GITHUB_ACTIONS:-}" = true ] && report_args+=(--annotations)
# The verdict, as ready-score (or, with --scan-only, ready-report's --fail-on) decided it.
report_args+=(--dotenv "$out/readygate.env")
[ -n "${GITHUB_OUTPUT:-}" ] && report_args+=(--github-output "$GITHUB_OUTPUT")
step "ready-report" "0 1" "$REPORT" "${report_args[@]}"

declare -A result=()
while IFS='=' read -r key value; do result[$key]=$value; done < "$out/readygate.env"
score=${result[READYGATE_SCORE]:-} passed=${result[READYGATE_PASSED]:-} findings=${result[READYGATE_FINDINGS]:-}
if [ "$scan_only" = true ]; then
  verdict="$findings finding(s), $([ "$passed" = true ] && echo "none" || echo "some") new at or above $fail_on"
else
  verdict="score $score"
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$out/summary.md" >> "$GITHUB_STEP_SUMMARY"
fi

note "$verdict, gate $([ "$passed" = true ] && echo passed || echo FAILED); results in $out/"
[ "$passed" = true ] || [ "$fail_on_gate" = false ] || exit 1
exit 0
