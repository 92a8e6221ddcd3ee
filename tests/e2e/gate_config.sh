# ready-gate, actions/gate and actions/scan honouring the repository's readygate.toml: an exclude
# and a disabled rule from the file turn a failing scan-only gate into a passing one; the file's
# fail-on sets the scan-only gate's severity; --scan-args is the escape hatch; checks and a load
# target from the file drive the health and load steps against a loopback nginx; a bad file stops
# the gate before any work with exit 2; --print-config shows every program's settings. The
# actions' gate steps run through tests/support/run_action_step.py (their env: as GitHub would
# evaluate it, the same script).
source "$(dirname "$0")/lib.sh"
: "${READYGATE_GATE:?set READYGATE_GATE to the built ready-gate}"
command -v git >/dev/null || { echo "git is not installed: skipped"; exit 77; }
GATE=$READYGATE_GATE
BIN=$(dirname "$READYGATE_GATE")
STEP="$READYGATE_SOURCE/tests/support/run_action_step.py"
unset GITHUB_ACTIONS GITHUB_BASE_REF CI_MERGE_REQUEST_DIFF_BASE_SHA GITHUB_OUTPUT GITHUB_STEP_SUMMARY
KEY="AK""IA""Q7XW2MJD""4TR5ZK3V"

R="$WORK/repo"
mkdir -p "$R/src" "$R/legacy"
cd "$R"
git init -q -b main
printf 'import os\n\ndef run(cmd):\n    os.system(cmd)\n' > src/tasks.py             # high, a rule we disable
printf 'AWS_ACCESS_KEY_ID = "%s"\n' "$KEY" > legacy/settings.py                     # critical, excluded
printf 'import pickle\n\ndef load(data):\n    return pickle.loads(data)\n' > src/store.py  # medium
git add -A && git commit -qm init

run "$GATE" --scan-only --out "$WORK/out0" --diff-base none
expect_rc 1 "without a configuration file the gate fails on high"

cat > readygate.toml <<'EOF'
[scan]
exclude = ["legacy/**"]
disable = ["py.command-injection.shell-call"]
EOF
run "$GATE" --scan-only --out "$WORK/out1" --diff-base none
expect_rc 0 "the file's exclude and disabled rule leave only a medium finding"
check '[.findings[].rule] == ["py.unsafe-deserialization-parameter"]' "$WORK/out1/scan.json"
grep -q '^READYGATE_PASSED=true$' "$WORK/out1/readygate.env" || fail "the dotenv says passed"
run "$GATE" --scan-only --out "$WORK/out2" --diff-base none --no-config
expect_rc 1 "--no-config reads no file"
run "$GATE" --scan-only --out "$WORK/out3" --diff-base none --fail-on medium
expect_rc 1 "the gate's --fail-on wins"

# The file's fail-on is the scan-only gate's severity when the gate is given none.
printf '[scan]\nexclude = ["legacy/**"]\ndisable = ["py.command-injection.shell-call"]\nfail-on = "medium"\n' > readygate.toml
run "$GATE" --scan-only --out "$WORK/out4" --diff-base none
expect_rc 1 "[scan] fail-on = medium"
expect_stderr "at or above medium"
printf '[report]\nfail-on = "critical"\n' >> readygate.toml
run "$GATE" --scan-only --out "$WORK/out5" --diff-base none
expect_rc 0 "[report] fail-on = critical is the report's own"

# The escape hatch: arguments the file does not give.
printf '[scan]\nexclude = ["legacy/**"]\n' > readygate.toml
run "$GATE" --scan-only --out "$WORK/out6" --diff-base none
expect_rc 1
READYGATE_SCAN_ARGS="--disable py.command-injection.shell-call" run "$GATE" --scan-only --out "$WORK/out7" --diff-base none
expect_rc 0 "READYGATE_SCAN_ARGS disables the rule"
run "$GATE" --scan-only --out "$WORK/out8" --diff-base none --scan-args "--exclude src/tasks.py"
expect_rc 0 "--scan-args adds an exclude to the file's"

# A file elsewhere, named; a bad one stops the gate before any work.
mkdir -p "$WORK/elsewhere" && printf '[scan]\nexclude = ["legacy/**", "src/tasks.py"]\n' > "$WORK/elsewhere/ci.toml"
(cd "$WORK" && run "$GATE" --scan-only --path "$R" --out "$WORK/out9" --diff-base none --no-config &&
  expect_rc 1 && run "$GATE" --scan-only --path "$R" --out "$WORK/out9" --diff-base none --config "$WORK/elsewhere/ci.toml" &&
  expect_rc 0 "--config names another file") || exit 1
(cd "$WORK" && run "$GATE" --scan-only --path "$R" --out "$WORK/out10" --diff-base none &&
  expect_rc 1 "from outside, the scanned folder's readygate.toml is used" &&
  check '[.findings[].location.path] | index("legacy/settings.py") == null' "$WORK/out10/scan.json") || exit 1
printf '[scan]\nexlude = ["legacy/**"]\n' > readygate.toml
run "$GATE" --scan-only --out "$WORK/out11" --diff-base none
expect_rc 2 "an unknown key"
expect_stderr "readygate.toml:2:1: unknown key 'exlude' in [scan]"
[ ! -e "$WORK/out11/scan.json" ] || fail "the gate scanned with a bad configuration file"

# --print-config: each program's section and where each setting came from.
printf '[scan]\nexclude = ["legacy/**"]\n[score]\nmin-score = 70\n' > readygate.toml
run "$GATE" --print-config
expect_rc 0
for section in healthcheck bench scan score report; do grep -q "^\[$section\]$" "$OUT" || fail "--print-config lacks [$section]"; done
grep -q '^min-score = 70  # .*readygate.toml:4:1$' "$OUT" || fail "score's min-score from the file: $(cat "$OUT")"

# The actions: actions/scan and actions/gate with the file and with their inputs.
printf '[scan]\nexclude = ["legacy/**"]\ndisable = ["py.command-injection.shell-call"]\n' > readygate.toml
export READYGATE_BIN=$BIN
action_step() {  # action_step ACTION INPUT=VALUE...: the action's gate step; sets OUTPUTS
  export GITHUB_OUTPUT="$WORK/gh-$1.out" GITHUB_STEP_SUMMARY="$WORK/gh-$1.md"
  : > "$GITHUB_OUTPUT"; : > "$GITHUB_STEP_SUMMARY"
  local action=$1; shift
  run python3 "$STEP" "$READYGATE_SOURCE/actions/$action/action.yml" gate "$@"
}
action_step scan out="$WORK/a1" diff-base=none
expect_rc 0 "actions/scan's gate step always succeeds (the verdict is a later step)"
grep -q '^passed=true$' "$GITHUB_OUTPUT" || fail "actions/scan honours the file: $(cat "$GITHUB_OUTPUT")"
action_step scan out="$WORK/a2" diff-base=none config=none
grep -q '^passed=false$' "$GITHUB_OUTPUT" || fail "actions/scan with config: none"
action_step scan out="$WORK/a3" diff-base=none config=none scan-args="--exclude legacy --disable py.command-injection.shell-call"
grep -q '^passed=true$' "$GITHUB_OUTPUT" || fail "actions/scan's scan-args: $(cat "$GITHUB_OUTPUT")"
action_step scan out="$WORK/a4" diff-base=none fail-on=medium
grep -q '^passed=false$' "$GITHUB_OUTPUT" || fail "actions/scan's fail-on input"

# The whole gate from the file: health checks and a load target from [healthcheck] and [bench].
if command -v nginx >/dev/null; then
  start_nginx health_only_conf
  cat > readygate.toml <<EOF
[scan]
exclude = ["legacy/**"]
disable = ["py.command-injection.shell-call"]

[healthcheck]
check = { api = "http://127.0.0.1:$NGINX_PORT/health" }
wait = "10s"

[bench]
url = ["http://127.0.0.1:$NGINX_PORT/health"]
duration = "1s"
concurrency = 2
threshold = ["error_rate<1%"]
EOF
  action_step gate out="$WORK/a5" diff-base=none
  expect_rc 0 "actions/gate's gate step"
  check '.checks | map(.id) | index("health.api") != null' "$WORK/a5/health.json"
  check '.metrics.overall.requests > 0' "$WORK/a5/bench.json"
  check '.run.args | index("-d") == null' "$WORK/a5/bench.json"  # the file's duration, not the gate's 10s
  grep -q '^score=[0-9]' "$GITHUB_OUTPUT" || fail "actions/gate's score output: $(cat "$GITHUB_OUTPUT")"
  action_step gate out="$WORK/a6" diff-base=none bench-args="--threshold p50<0.001ms"
  check '[.checks[] | select(.status == "fail")] | length >= 1' "$WORK/a6/bench.json"
else
  echo "nginx is not installed: the health and load steps from the file are not checked"
fi
echo "gate_config: ok"
