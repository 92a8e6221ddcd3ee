# ready-scan | ready-report: every format, validated against the official schemas where the
# repository has them, byte-identical from run to run.
source "$(dirname "$0")/lib.sh"

cp -r "$READYGATE_SOURCE/examples/service" "$WORK/service"
cd "$WORK"
"$SCAN" service -q -o scan.json

run "$REPORT" scan.json --sarif out.sarif --junit junit.xml --codequality cq.json --markdown summary.md
expect_rc 0; expect_no_stdout
expect_json out.sarif; expect_json cq.json
check '.runs | length == 1' out.sarif
check '.runs[0].results | length == 34' out.sarif
check '[.runs[0].results[].locations[0].physicalLocation.artifactLocation.uriBaseId] | unique == ["%SRCROOT%"]' out.sarif
check '(.runs[0].tool.driver.rules | length) == ([.runs[0].results[].ruleId] | unique | length)' out.sarif
check 'all(.runs[0].tool.driver.rules[]; .properties["security-severity"] | test("^[0-9]+\\.[0-9]$"))' out.sarif
check 'length == 34 and ([.[].fingerprint] | unique | length) == 34' cq.json
check '[.[].severity] | unique == ["blocker", "critical", "major", "minor"]' cq.json
grep -q '^## readygate report' summary.md || fail "markdown has no verdict heading"
grep -q '| critical | `service/.env:2` |' summary.md || fail "markdown lacks the top finding"
# JUnit: one case per check and per rule, not per finding; no --fail-on and no score: the scan
# passed, so no case fails. With --fail-on high, one failing case per rule with a finding that counts.
rules=$(jq '.runs[0].tool.driver.rules | length' out.sarif)
[ "$(grep -c '<testcase ' junit.xml)" -eq $((rules + 1)) ] || fail "JUnit should have $rules rules + 1 check"
! grep -q '<failure' junit.xml || fail "a passing scan has a failing JUnit case"
run "$REPORT" scan.json --junit gated.xml --fail-on high
expect_rc 1
gating=$(jq '[.findings[] | select(.severity == "high" or .severity == "critical") | select(.suppressed | not)
  | select((.role // "product") == "product" or .category == "secrets") | .rule] | unique | length' scan.json)
[ "$gating" -gt 0 ] || fail "the example service should have high findings"
[ "$(grep -c '<failure' gated.xml)" -eq "$gating" ] || fail "expected $gating failing rules: $(grep -c '<failure' gated.xml)"
grep -q "<testsuite name=\"readygate.scan\" tests=\"$((rules + 1))\" failures=\"$gating\" errors=\"0\"" gated.xml \
  || fail "suite counts: $(grep '<testsuite ' gated.xml)"
# Secrets stay redacted through every format.
if grep -qF "v9Qm2Lx7Rk4TzW8n" out.sarif junit.xml gated.xml cq.json summary.md; then fail "a secret leaked into a report"; fi
# With a score, the score's gate decides: one failing case per blocker, and the rules of the
# blocked (critical) findings fail; the low findings' rules still pass.
"$READYGATE_SCORE" scan.json -q -o score.json || true
run "$REPORT" score.json --junit scored.xml
blockers=$(jq '.score.blockers | length' score.json)
[ "$blockers" -gt 0 ] || fail "the example service's secrets should be blockers"
[ "$(grep -c '<failure type="blocker"' scored.xml)" -eq "$blockers" ] || fail "one failing case per blocker"
blocked_rules=$(jq '[.score.blockers[].reason | capture("critical finding (?<r>[^ ]+) at").r] | unique | length' score.json)
[ "$(grep -c '<failure type="critical" message="[0-9]* findings\? blocking the gate"' scored.xml)" -eq "$blocked_rules" ] \
  || fail "the blocked rules should fail: $(grep -c 'blocking the gate' scored.xml) of $blocked_rules"
grep -A1 "<testcase name=\"py.debug-print: " scored.xml | grep -q "<system-out>" || fail "the low finding's rule should pass"

if have_schemas; then
  validate_junit scored.xml
  validate_sarif out.sarif
  validate_junit junit.xml
  validate_junit gated.xml
fi

# The same input gives the same bytes.
run "$REPORT" scan.json --sarif again.sarif --junit again.xml --codequality again.json --markdown again.md
for pair in "out.sarif again.sarif" "junit.xml again.xml" "cq.json again.json" "summary.md again.md"; do
  # shellcheck disable=SC2086
  cmp -s $pair || fail "output differs between two runs: $pair"
done

# Annotations on stdout, a stream of envelopes on stdin, --fail-on.
run sh -c "cat scan.json scan.json | '$REPORT' --annotations --fail-on critical"
expect_rc 1
[ "$(grep -c '^::error ' "$OUT")" -eq 10 ] || fail "expected 10 error annotations"
grep -q '^::notice title=readygate::' "$OUT" || fail "no closing notice"
run "$REPORT" scan.json --markdown - --fail-on critical -o report.json
expect_rc 1
check '.tool == "report" and (.checks[0].id == "report.fail_on") and .checks[0].status == "fail"' report.json

# Suppressed findings do not gate.
"$SCAN" "$READYGATE_SOURCE/tests/fixtures/precision" --no-git -q -o clean.json
run "$REPORT" clean.json --sarif clean.sarif --fail-on info
expect_rc 0
check '.runs[0].results == []' clean.sarif
