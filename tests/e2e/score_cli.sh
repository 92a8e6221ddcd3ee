# ready-score: a passing gate, the policy in force, and bad policies or inputs (exit 2, naming
# the field).
source "$(dirname "$0")/lib.sh"
SCORE="$READYGATE_SCORE"
cd "$WORK"

# Every category with good evidence: the gate passes.
printf '{"readygate":1,"tool":"scan","findings":[]}\n' > scan.json
printf '{"readygate":1,"tool":"bench","metrics":{"overall":{"requests":500,"errors":0,"rps":120,"latency_ms":{"p95":40}},"phases":[{"name":"query","requests":100,"errors":0,"rps":50,"latency_ms":{"p95":20}}]}}\n' > bench.json
printf '{"readygate":1,"tool":"healthcheck","metrics":{"checks":[{"name":"api","status":"healthy","critical":true}]}}\n' > health.json
printf '<testsuite><testcase classname="a" name="b"/></testsuite>\n' > junit.xml
run sh -c "cat scan.json bench.json health.json | '$SCORE' --junit junit.xml"
expect_rc 0
check '.score.value == 100 and .score.gate == "pass" and .score.evidence_coverage == 1'

# The policy in force, printed, reads back; --min-score overrides it.
run "$SCORE" --print-policy
expect_rc 0; expect_json
cp "$OUT" policy.json
check '.min_score == 80 and (.categories | length) == 5'
run "$SCORE" scan.json --policy policy.json --min-score 100.5
expect_rc 2; expect_stderr "--min-score"
run "$SCORE" scan.json bench.json --policy policy.json --min-score 100
expect_rc 0

bad_policy() {  # bad_policy 'JQ EDIT' 'EXPECTED MESSAGE'
  jq "$1" policy.json > bad.json
  run "$SCORE" scan.json --policy bad.json
  expect_rc 2 "$1"
  expect_stderr "$2"
  expect_no_stdout
}
bad_policy '.categories[0].kind = "vibes"' 'categories[0] ("security"): field "kind"'
bad_policy '.categories[1].weight = 0' 'categories[1] ("performance"): field "weight": must be a positive number'
bad_policy '.categories[1].targets[0].threshold = "p59<100ms"' "unknown metric 'p59'"
bad_policy '.categories[1].targets[0].threshold = "p95 under 100ms"' "threshold 'p95 under 100ms'"
bad_policy '.categories += [{"name": "ux", "weight": 5, "kind": "surveys"}]' 'field "kind": expected findings, load, health or tests'
bad_policy '.blockers += ["full_moon"]' 'unknown blocker "full_moon"'

printf '<testsuites><testsuite>\n<testcase name="x">\n' > broken.xml
run "$SCORE" scan.json --junit broken.xml
expect_rc 2; expect_stderr "broken.xml:"; expect_stderr "malformed XML"
run "$SCORE" scan.json --junit missing.xml
expect_rc 2; expect_stderr "missing.xml: cannot open"
printf '{"readygate":1,"tool":"scan","findings":[{"severity":"high"},' > cut.json
run "$SCORE" cut.json
expect_rc 2; expect_stderr "cut.json:1:"
run "$SCORE" --no-such-flag
expect_rc 2
