# The bundled example service: every expected finding, and nothing else.
source "$(dirname "$0")/lib.sh"

cp -r "$READYGATE_SOURCE/examples/service" "$WORK/service"
cd "$WORK"
run "$SCAN" service
expect_rc 0; expect_json
jq -r '.findings[] | "\(.location.path):\(.location.line) \(.rule)"' "$OUT" > "$WORK/actual.txt"
diff -u "$READYGATE_SOURCE/tests/e2e/expected/example_service.txt" "$WORK/actual.txt" \
  || fail "findings differ from tests/e2e/expected/example_service.txt"
check '.summary.by_severity.critical >= 6'

# The same input gives the same bytes, whatever the thread count (run.* holds times).
run "$SCAN" service -j1
jq -S 'del(.run, .summary.duration_ms)' "$OUT" > "$WORK/j1.json"
run "$SCAN" service -j4
jq -S 'del(.run, .summary.duration_ms)' "$OUT" > "$WORK/j4.json"
cmp -s "$WORK/j1.json" "$WORK/j4.json" || fail "output depends on the thread count"

# --fail-on: the service has critical findings.
run "$SCAN" service --fail-on critical
expect_rc 1; expect_json
check '.checks[] | select(.id == "scan.fail_on") | .status == "fail"'
run "$SCAN" service --min-severity critical --fail-on critical
expect_rc 1; check '[.findings[].severity] | unique == ["critical"]'
