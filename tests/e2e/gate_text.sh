# ready-gate for people: --version, the text report in the job log (stdout) and the reason on
# stderr when it fails; one run's finding count is the same everywhere (ready-scan's summary and
# text, the gate's log, the dotenv, the Markdown verdict); the results folder is never scanned,
# and the gate hints at it when git would see it as untracked.
source "$(dirname "$0")/lib.sh"
: "${READYGATE_GATE:?set READYGATE_GATE to the built ready-gate}"
command -v git >/dev/null || { echo "git is not installed: skipped"; exit 77; }
GATE="$READYGATE_GATE"
unset GITHUB_ACTIONS GITHUB_BASE_REF CI_MERGE_REQUEST_DIFF_BASE_SHA GITHUB_OUTPUT GITHUB_STEP_SUMMARY

run "$GATE" --version
expect_rc 0 "--version"
[ "$(cat "$OUT")" = "ready-gate $("$SCAN" --version | sed 's/^ready-scan //')" ] || fail "--version: $(cat "$OUT")"

R="$WORK/repo"
mkdir -p "$R/src" "$R/tests"
cd "$R"
git init -q -b main
printf 'def run(expr):\n    return eval(expr)\n' > src/app.py
printf 'def old(x):\n    return eval(x)  # ready:ignore\n' > src/old.py
printf 'AWS_ACCESS_KEY_ID=AKIAJ7QW2M5RTXV3KD6B\n' > src/settings.env
printf 'def test_it():\n    assert eval(input()) == 1\n' > tests/test_app.py
git add -A && git commit -qm start

# The counts one run shows, wherever it shows them.
counts_agree() {
  local out=$1 scan text log dotenv markdown
  scan=$(jq .summary.findings "$out/scan.json")
  text=$(sed -nE 's/.* scanned: ([0-9]+) findings? .*/\1/p; s/.* scanned: no findings.*/0/p' "$OUT")
  log=$(sed -nE 's/^ready-gate: ([0-9]+) finding\(s\).*/\1/p' "$ERR")
  dotenv=$(sed -n 's/^READYGATE_FINDINGS=//p' "$out/readygate.env")
  markdown=$(sed -nE 's/^Open findings: ([0-9]+) .*/\1/p; s/^Open findings: none.*/0/p' "$out/summary.md" | head -1)
  [ -n "$scan" ] && [ "$scan" = "$text" ] && [ "$scan" = "$log" ] && [ "$scan" = "$dotenv" ] && [ "$scan" = "$markdown" ] ||
    fail "finding counts differ: scan $scan, text '$text', log '$log', dotenv '$dotenv', markdown '$markdown'"
  echo "$scan"
}

run "$GATE" --scan-only --fail-on medium
expect_rc 1 "scan-only: a key and an eval at or above medium"
# stdout: the findings, grouped by file, and the summary line.
grep -q '^src/settings.env:1:[0-9]*  critical  secret.aws-access-key-id  ' "$OUT" || fail "the log lacks the key's finding"
grep -q '^tests/test_app.py:2:[0-9]*  medium    py.eval-parameter  .*\[test\]$' "$OUT" || fail "the log lacks the test file's finding"
grep -q '^4 files scanned: 3 findings (1 critical, 2 medium), 1 suppressed, 0 skipped, in ' "$OUT" || fail "the log's summary line"
grep -q AKIAJ7QW2M5RTXV3KD6B "$OUT" "$ERR" && fail "the key is in the log"
# stderr: why, in ready-report's words, then the verdict.
# (the test file's finding is not product code: listed and counted, but not gated)
reason="ready-report: 2 findings at or above medium (--fail-on medium):
  src/settings.env:1  critical  secret.aws-access-key-id
  src/app.py:2  medium  py.eval-parameter"
[ "$(grep -A2 '^ready-report: .* at or above' "$ERR")" = "$reason" ] || fail "the reason differs"
expect_stderr "gate FAILED"
# Suppressed not counted, the test file's finding counted (not gated), info and low too.
[ "$(counts_agree "$R/readygate-out")" = 3 ] || fail "expected 3 findings"
# The folder is new, inside the work tree, neither tracked nor ignored: a hint.
expect_stderr "hint: $R/readygate-out is inside a git work tree and not ignored"

# Twice in the same workspace: the first run's results are not scanned.
files=$(jq .summary.files readygate-out/scan.json)
run "$GATE" --scan-only --fail-on high
expect_rc 1
[ "$(jq .summary.files readygate-out/scan.json)" = "$files" ] || fail "the second run scanned more files"
check '[.findings[].location.path | select(startswith("readygate-out"))] == []' readygate-out/scan.json
grep -q "hint:" "$ERR" && fail "the hint again, for a folder that was there"
# Plain ready-scan skips it too (a default exclude), and an ignored folder gets no hint.
run "$SCAN" --no-config . -o "$WORK/plain.json"
check '[.findings[].location.path | select(startswith("readygate-out"))] == [] and .summary.skipped.excluded >= 1' "$WORK/plain.json"
printf 'readygate-out/\n' > .gitignore
rm -rf readygate-out
run "$GATE" --scan-only --fail-on critical
expect_rc 1
grep -q "hint:" "$ERR" && fail "a hint for an ignored folder"

# A baseline: its findings are neither listed nor counted, anywhere.
cp readygate-out/scan.json "$WORK/baseline.json"
printf 'def more(x):\n    return eval(x)\n' > src/more.py
run "$GATE" --scan-only --fail-on medium --baseline "$WORK/baseline.json"
expect_rc 1
[ "$(counts_agree "$R/readygate-out")" = 1 ] || fail "expected 1 new finding"
grep -q 'scanned: 1 finding (1 medium), 1 suppressed, 3 in the baseline' "$OUT" || fail "baseline summary: $(tail -1 "$OUT")"
expect_stderr "ready-report: 1 finding at or above medium (--fail-on medium):"
expect_stderr "  src/more.py:2  medium  py.eval-parameter"

# Passing: no reason, and the log still shows the findings.
run "$GATE" --scan-only --fail-on critical --baseline "$WORK/baseline.json"
expect_rc 0
grep -q "^ready-report: .* at or above" "$ERR" && fail "a passing gate gave a reason"
grep -q '^src/more.py:2:' "$OUT" || fail "the passing log lacks the findings"
echo "ok"
