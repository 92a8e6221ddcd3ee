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
grep -c '<testcase ' junit.xml | grep -qx 35 || fail "JUnit should have 34 findings + 1 check"
# Secrets stay redacted through every format.
if grep -qF "v9Qm2Lx7Rk4TzW8n" out.sarif junit.xml cq.json summary.md; then fail "a secret leaked into a report"; fi

if have_schemas; then
  validate_sarif out.sarif
  validate_junit junit.xml
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
