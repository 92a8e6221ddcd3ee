# ready-gate (scripts/gate.sh), the script behind the GitHub Action and the GitLab template, run
# as CI runs it: inputs from the environment, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY pointing at
# temporary files. A clean tree passes; a leaked key fails and still leaves its SARIF; the
# pull/merge-request base limits the scan to changed lines; the whole chain runs against the
# example service; bad input exits 2. The gate runs with a PATH of only what it needs (bash, git
# and a few coreutils): no jq.
source "$(dirname "$0")/lib.sh"
: "${READYGATE_GATE:?set READYGATE_GATE to the built ready-gate}"
command -v git >/dev/null || { echo "git is not installed: skipped"; exit 77; }
NOJQ="$WORK/bin"
mkdir -p "$NOJQ"
for tool in bash git cat dirname mkdir realpath rm; do ln -s "$(command -v "$tool")" "$NOJQ/$tool"; done
! PATH="$NOJQ" command -v jq >/dev/null || fail "jq is on the gate's PATH"
GATE="$WORK/ready-gate"
printf '#!/bin/bash
PATH=%q exec %q "$@"
' "$NOJQ" "$READYGATE_GATE" > "$GATE"
chmod +x "$GATE"
unset GITHUB_ACTIONS GITHUB_BASE_REF CI_MERGE_REQUEST_DIFF_BASE_SHA

R="$WORK/repo"
mkdir -p "$R/src"
cd "$R"
git init -q -b main
git config user.email t@example.invalid
git config user.name t
printf 'def add(a, b):\n    return a + b\n' > src/calc.py
git add -A && git commit -qm clean

# gh_env: fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
gh_env() {
  export GITHUB_OUTPUT="$WORK/github_output" GITHUB_STEP_SUMMARY="$WORK/step_summary"
  : > "$GITHUB_OUTPUT"; : > "$GITHUB_STEP_SUMMARY"
}
output() { sed -n "s/^$1=//p" "$GITHUB_OUTPUT"; }

# A clean tree: passes, with the outputs and the job summary written.
gh_env
READYGATE_OUT="$WORK/out1" run "$GATE"
expect_rc 0 "a clean tree passes"
[ "$(output passed)" = true ] || fail "passed output: $(cat "$GITHUB_OUTPUT")"
[ "$(output sarif)" = "$WORK/out1/readygate.sarif" ] || fail "sarif output: $(cat "$GITHUB_OUTPUT")"
score=$(output score)
jq -e --arg s "$score" '.score.value == ($s | tonumber) and .score.value >= 80' "$WORK/out1/score.json" >/dev/null || fail "score output $score"
grep -q 'readygate: ready' "$GITHUB_STEP_SUMMARY" || fail "the step summary lacks the Markdown summary"
for f in scan.json score.json readygate.sarif junit.xml gl-code-quality.json summary.md readygate.env; do
  [ -s "$WORK/out1/$f" ] || fail "missing $f"
done
[ "$(cat "$WORK/out1/readygate.env")" = "READYGATE_SCORE=$score
READYGATE_PASSED=true
READYGATE_FINDINGS=0" ] || fail "dotenv: $(cat "$WORK/out1/readygate.env")"
[ "$(output findings)" = 0 ] || fail "findings output: $(cat "$GITHUB_OUTPUT")"
# Outside a request: every line, and a history scan with nothing in it.
expect_stderr "--diff-base auto: not in a pull or merge request"
check '.findings == []' "$WORK/out1/scan-history.json"
[ ! -e "$WORK/out1/health.json" ] && [ ! -e "$WORK/out1/bench.json" ] || fail "no URL was given: no health check, no bench"
expect_stderr "gate passed"

# A leaked key: the gate fails, the step fails, and the SARIF (with the finding) is still there.
printf 'AWS_ACCESS_KEY_ID=AKIAJ7QW2M5RTXV3KD6B\n' > src/settings.env
gh_env
READYGATE_OUT="$WORK/out2" run "$GATE"
expect_rc 1 "a leaked key fails the gate"
[ "$(output passed)" = false ] || fail "passed output: $(cat "$GITHUB_OUTPUT")"
grep -qx 'READYGATE_PASSED=false' "$WORK/out2/readygate.env" || fail "dotenv: $(cat "$WORK/out2/readygate.env")"
check '[.runs[0].results[].ruleId] | index("secret.aws-access-key-id") != null' "$WORK/out2/readygate.sarif"
check '.score.blockers | length >= 1' "$WORK/out2/score.json"
grep -q 'readygate: not ready' "$GITHUB_STEP_SUMMARY" || fail "the step summary does not say the gate failed"
# fail-on-gate false: same verdict, the step itself succeeds.
gh_env
READYGATE_OUT="$WORK/out3" READYGATE_FAIL_ON_GATE=false run "$GATE"
expect_rc 0 "fail-on-gate false"
[ "$(output passed)" = false ] || fail "passed output with fail-on-gate false"
# The key secret never appears in what the gate prints.
! grep -q 'RTXV3KD6B' "$ERR" "$OUT" || fail "the key leaked into the output"

# Pull and merge requests: only changed lines count. The key is committed on main; a branch
# adds a clean change. Its base (GitHub: GITHUB_BASE_REF via origin/, GitLab: the diff-base SHA)
# hides the old key; 'none' shows it again.
git add -A && git commit -qm "leak"
base=$(git rev-parse HEAD)
git clone -q "$R" "$WORK/clone"
cd "$WORK/clone"
git config user.email t@example.invalid; git config user.name t
git checkout -q -b feature
printf 'def sub(a, b):\n    return a - b\n' >> src/calc.py
git commit -qam feature
unset GITHUB_OUTPUT GITHUB_STEP_SUMMARY
GITHUB_BASE_REF=main READYGATE_OUT="$WORK/out4" run "$GATE"
expect_rc 0 "GitHub pull request: the old key is not on a changed line"
expect_stderr "scanning only lines changed since origin/main"
CI_MERGE_REQUEST_DIFF_BASE_SHA=$base READYGATE_OUT="$WORK/out5" run "$GATE"
expect_rc 0 "GitLab merge request"
# A key added in one commit of the request and removed in the next is not on a changed line,
# but it is in the request's history: the gate scans base..HEAD for secrets and fails.
git checkout -q -b feature-leak
printf 'STRIPE_KEY = "sk_live_%s"\n' "4eC39HqLyjWDarjtT1zdp7dc" > src/pay.py && git add src/pay.py && git commit -qm "add a key"
git rm -q src/pay.py && git commit -qm "remove it"
GITHUB_BASE_REF=main READYGATE_OUT="$WORK/out4h" run "$GATE"
expect_rc 1 "a key added and removed within the pull request"
expect_stderr "== ready-scan --history"
check '[.inputs[] | select(.tool == "scan") | .findings[] | select(.commit) | .location.path] == ["src/pay.py"]' "$WORK/out4h/score.json"
! grep -q '4eC39HqLyjWDarjtT1zdp7dc' "$ERR" "$OUT" || fail "the key leaked into the output"
# An explicit base: the diff since it and the commits since it (REF..HEAD).
READYGATE_DIFF_BASE=origin/main READYGATE_OUT="$WORK/out4r" run "$GATE"
expect_rc 1 "an explicit base scans the request's history too"
check '.target == "git history: origin/main..HEAD" and ([.findings[].location.path] == ["src/pay.py"])' "$WORK/out4r/scan-history.json"
git checkout -q feature
GITHUB_BASE_REF=main READYGATE_DIFF_BASE=none READYGATE_OUT="$WORK/out6" run "$GATE"
expect_rc 1 "diff-base none scans every line"
# A base this clone does not have (and cannot fetch): said, and every line is scanned.
CI_MERGE_REQUEST_DIFF_BASE_SHA=0123456789abcdef0123456789abcdef01234567 READYGATE_OUT="$WORK/out7" run "$GATE"
expect_rc 1 "an unknown base scans every line"
expect_stderr "is not in this clone"

# A baseline: findings already known are not new; the gate uses the policy's new_only rules.
cd "$R"
READYGATE_OUT="$WORK/out8" READYGATE_BASELINE="$WORK/out2/scan.json" READYGATE_FAIL_ON_GATE=false run "$GATE"
expect_rc 0
check '.inputs | map(select(.tool == "scan")) | .[0].findings | map(select(.rule == "secret.aws-access-key-id")) | .[0].baseline_state == "unchanged"' "$WORK/out8/score.json"

# --scan-only (the scan action): no score; the gate fails on a new finding at or above --fail-on.
gh_env
READYGATE_SCAN_ONLY=true READYGATE_OUT="$WORK/only1" run "$GATE" --path src
expect_rc 1 "scan-only: a critical finding is at or above high"
[ "$(output passed)" = false ] && [ "$(output score)" = "" ] && [ "$(output findings)" = 1 ] || fail "scan-only outputs: $(cat "$GITHUB_OUTPUT")"
[ ! -e "$WORK/only1/score.json" ] || fail "scan-only wrote a score"
check '[.runs[0].results[].ruleId] == ["secret.aws-access-key-id"]' "$WORK/only1/readygate.sarif"
gh_env
mkdir -p "$WORK/clean" && printf 'x = 1\n' > "$WORK/clean/ok.py"
READYGATE_OUT="$WORK/only2" run "$GATE" --scan-only --path "$WORK/clean"
expect_rc 0 "scan-only on a clean tree"
[ "$(output passed)" = true ] || fail "scan-only clean: $(cat "$GITHUB_OUTPUT")"
run "$GATE" --scan-only --fail-on severe --out "$WORK/bad1"
expect_rc 2; expect_stderr "--fail-on: expected one of info"

# Sharded jobs: each scans its part (--shard), one job gates on their results (--scan-results);
# the score and the findings are those of one unsharded run.
cp -r "$READYGATE_SOURCE/examples/service" "$WORK/svc-src"
for k in 1 2 3; do
  READYGATE_OUT="$WORK/shards/$k" run "$GATE" --scan-only --shard "$k/3" --path "$WORK/svc-src" --fail-on-gate false
  expect_rc 0
done
[ "$(jq -s 'map(select(.summary.skipped.other_shards > 0)) | length' "$WORK"/shards/*/scan.json)" -eq 3 ] || fail "the shards did not split the tree"
READYGATE_OUT="$WORK/whole" run "$GATE" --path "$WORK/svc-src" --fail-on-gate false
gh_env
READYGATE_SCAN_RESULTS="$WORK/shards/*/scan.json" READYGATE_OUT="$WORK/merged" run "$GATE" --fail-on-gate false
expect_rc 0; expect_stderr "using 3 earlier result(s)"
[ "$(jq -S .score "$WORK/whole/score.json")" = "$(jq -S .score "$WORK/merged/score.json")" ] || fail "the merged score differs from the whole"
[ "$(output findings)" = "$(jq .summary.findings "$WORK/whole/scan.json")" ] || fail "findings output of merged shards: $(output findings)"
# Test reports that are not there: said before any work, and the gate goes on without them.
READYGATE_OUT="$WORK/nojunit" run "$GATE" --path "$WORK/clean" --junit "$WORK/nothing/*.xml"
expect_rc 0; expect_stderr "--junit '$WORK/nothing/*.xml' matches no file"
check '[.score.categories[] | select(.name == "testing") | .status] == ["no-evidence"]' "$WORK/nojunit/score.json"
run "$GATE" --scan-results "$WORK/nothing/*.json"
expect_rc 2; expect_stderr "matches no file"
run "$GATE" --shard 1-of-3 --out "$WORK/bad2"
expect_rc 2; expect_stderr "--shard: expected K/N"
run "$GATE" --diff-base no-such-ref --out "$WORK/bad3"
expect_rc 2; expect_stderr "--diff-base no-such-ref: not a commit in this clone"

# The action's last step (scripts/gate-verdict.sh): fails the job only when it should.
VERDICT="$READYGATE_SOURCE/scripts/gate-verdict.sh"
READYGATE_PASSED=true READYGATE_SCORE=91 run "$VERDICT"
expect_rc 0; grep -q 'passed (score 91)' "$OUT" || fail "verdict text: $(cat "$OUT")"
READYGATE_PASSED=false READYGATE_SCORE=42 run "$VERDICT"
expect_rc 1; grep -q '^::error title=readygate::the gate failed (score 42)' "$OUT" || fail "verdict annotation: $(cat "$OUT")"
READYGATE_PASSED=false READYGATE_FAIL_ON_GATE=false run "$VERDICT"
expect_rc 0
READYGATE_PASSED= run "$VERDICT"
expect_rc 1; grep -q 'did not finish' "$OUT" || fail "verdict without a gate result"

# Bad input: exit 2 with a message, before anything runs or from the program that refused it.
run "$GATE" --frobnicate
expect_rc 2; expect_stderr "unknown option '--frobnicate'"
run "$GATE" --checks "$WORK/missing.json"
expect_rc 2; expect_stderr "cannot read"
run "$GATE" --fail-on-gate maybe
expect_rc 2; expect_stderr "expected true or false"
run "$GATE" --url http://127.0.0.1:9/ --wait 1s --threshold 'p95<fast' --out "$WORK/out9"
expect_rc 2; expect_stderr "ready-bench failed with exit code 2"

# The whole chain on the example service: health checks (waited for), the load scenario with an
# extra threshold, the scan, the project's own JUnit report, every format, and GitHub
# annotations on stdout.
if command -v nginx >/dev/null; then
  PORT=$("$READYGATE_SOURCE/scripts/example-service.sh" start "$WORK/svc")
  on_exit '"$READYGATE_SOURCE/scripts/example-service.sh" stop "$WORK/svc"'
  cat > "$WORK/scenario.json" <<'JSON'
{"endpoints": [{"name": "GET /health", "url": "/health"}, {"name": "GET /api/jobs", "url": "/api/jobs"}],
 "phases": [{"name": "smoke", "endpoints": ["GET /health", "GET /api/jobs"], "concurrency": 2, "requests": 200}]}
JSON
  cat > "$WORK/tests.xml" <<'XML'
<testsuite name="unit" tests="2" failures="0"><testcase name="a"/><testcase name="b"/></testsuite>
XML
  gh_env
  GITHUB_ACTIONS=true READYGATE_PATH=src READYGATE_CHECKS="$READYGATE_SOURCE/examples/service/healthchecks.json" \
    READYGATE_SCENARIO="$WORK/scenario.json" READYGATE_BASE_URL="http://127.0.0.1:$PORT" \
    READYGATE_THRESHOLDS=$'p95<5s\nerror_rate<1%' READYGATE_JUNIT="$WORK/*.xml" READYGATE_WAIT=10s \
    READYGATE_OUT="$WORK/full" READYGATE_FAIL_ON_GATE=false run "$GATE"
  expect_rc 0
  check '.metrics.checks | length == 5 and all(.status == "healthy")' "$WORK/full/health.json"
  check '.metrics.overall.requests == 200' "$WORK/full/bench.json"
  check '[.checks[] | select(.id | startswith("bench.threshold")) | .status] == ["pass", "pass"]' "$WORK/full/bench.json"
  check '[.inputs[].tool] | sort == ["bench", "healthcheck", "scan", "scan"]' "$WORK/full/score.json"  # (scan, history)
  check '[.score.categories[] | select(.status == "scored") | .name] | sort == ["availability", "performance", "security", "testing"]' "$WORK/full/score.json"
  grep -q '^::error ' "$OUT" || fail "no annotations on stdout with GITHUB_ACTIONS=true"
  # The header audit ran: the example service sends no security headers.
  check '[.findings[] | select(.rule == "headers.hsts" or .rule == "headers.csp")] | length >= 1' "$WORK/full/health.json"

  # A service that is down: the critical check fails the gate, after --wait.
  gh_env
  READYGATE_URLS="api=http://127.0.0.1:9/health" READYGATE_WAIT=1s READYGATE_BENCH_DURATION=200ms \
    READYGATE_OUT="$WORK/down" run "$GATE" --path src
  expect_rc 1 "a down service fails the gate"
  [ "$(output passed)" = false ] || fail "passed output for a down service"
  check '.metrics.checks[0].name == "api" and .metrics.checks[0].status == "unhealthy"' "$WORK/down/health.json"
  check '.metrics.overall.errors == .metrics.overall.requests' "$WORK/down/bench.json"
else
  echo "nginx is not installed: the full-chain part is skipped" >&2
fi
