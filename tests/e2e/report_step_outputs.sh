# ready-report --github-output and --dotenv: the verdict as GitHub step outputs and a GitLab
# dotenv, for a passing and a failing score and for a scan alone (its --fail-on decision);
# findings is the number of open findings (docs/ENVELOPE.md, "Counting findings").
source "$(dirname "$0")/lib.sh"
SCORE="$READYGATE_SCORE"
cd "$WORK"
mkdir clean leaky
printf 'x = 1\n' > clean/ok.py
printf 'AWS_ACCESS_KEY_ID=AKIAJ7QW2M5RTXV3KD6B\n' > leaky/settings.env
printf 'eval(input())\n' > leaky/run.py
"$SCAN" clean -q -o clean.json
"$SCAN" leaky -q -o leaky.json
"$SCORE" clean.json -q -o pass.json || true
"$SCORE" leaky.json -q -o fail.json || true
n=$(jq .summary.findings leaky.json)
[ "$n" -ge 1 ] || fail "the leaky tree has no findings"

# A passing score: its value and gate; GITHUB_OUTPUT is appended to, the dotenv replaced.
printf 'earlier=1\n' > gh
printf 'OLD=1\n' > env
run "$REPORT" pass.json --sarif out.sarif --github-output gh --dotenv env
expect_rc 0
[ "$(cat gh)" = "earlier=1
score=$(jq .score.value pass.json)
passed=true
findings=0
sarif=out.sarif" ] || fail "github output (pass): $(cat gh)"
[ "$(cat env)" = "READYGATE_SCORE=$(jq .score.value pass.json)
READYGATE_PASSED=true
READYGATE_FINDINGS=0" ] || fail "dotenv (pass): $(cat env)"

# A failing score: passed=false, though ready-report itself exits 0 (no --fail-on); the score
# decides, even against --fail-on (which only sets the exit code).
run "$REPORT" fail.json --github-output gh2 --dotenv env2 --fail-on critical
expect_rc 1
check '.score.gate == "fail"' fail.json
grep -qx "score=$(jq .score.value fail.json)" gh2 && grep -qx 'passed=false' gh2 && grep -qx "findings=$n" gh2 \
  && grep -qx 'sarif=' gh2 || fail "github output (fail): $(cat gh2)"
grep -qx 'READYGATE_PASSED=false' env2 && grep -qx "READYGATE_FINDINGS=$n" env2 || fail "dotenv (fail): $(cat env2)"
run "$REPORT" pass.json --dotenv env3 --fail-on info
grep -qx 'READYGATE_PASSED=true' env3 || fail "a passing score with --fail-on: $(cat env3)"

# A scan alone: no score; passed is ready-report's --fail-on decision, as its exit code.
run "$REPORT" leaky.json --dotenv env4 --fail-on high
expect_rc 1
[ "$(cat env4)" = "READYGATE_SCORE=
READYGATE_PASSED=false
READYGATE_FINDINGS=$n" ] || fail "dotenv (scan only, failing): $(cat env4)"
run "$REPORT" clean.json --dotenv env5 --github-output gh5 --fail-on high
expect_rc 0
grep -qx 'READYGATE_PASSED=true' env5 && grep -qx 'score=' gh5 || fail "scan only, passing: $(cat env5 gh5)"
run "$REPORT" leaky.json --dotenv env6
expect_rc 0
grep -qx 'READYGATE_PASSED=true' env6 || fail "scan only without --fail-on: $(cat env6)"

# Several scans (shards) add up; a finding two scans both report (the tree and the history
# scan: one fingerprint) counts once, as everywhere else (docs/ENVELOPE.md, "Counting findings").
mkdir more && printf 'eval(input())\n' > more/other.py
"$SCAN" more -q -o more.json
m=$(jq .summary.findings more.json)
run "$REPORT" leaky.json more.json clean.json --dotenv env7
grep -qx "READYGATE_FINDINGS=$((n + m))" env7 || fail "two scans: $(cat env7)"
run "$REPORT" leaky.json leaky.json --dotenv env9
grep -qx "READYGATE_FINDINGS=$n" env9 || fail "the same findings twice: $(cat env9)"

# Bad destinations: exit 2 before anything is written, or 3 when a file cannot be written.
run "$REPORT" pass.json --dotenv same --markdown same
expect_rc 2; expect_stderr "--dotenv and --markdown both write same"
run "$REPORT" pass.json --dotenv "$WORK/no/such/dir/env"
expect_rc 3; expect_stderr "--dotenv $WORK/no/such/dir/env: cannot write"
run "$REPORT" pass.json --github-output gh8 --sarif $'a\nb.sarif'
expect_rc 2; expect_stderr "line break"
