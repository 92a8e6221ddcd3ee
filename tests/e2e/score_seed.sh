# The original report claimed "99.2 % production ready". Given the evidence it actually had
# (tests/fixtures/score/seed/README.md), ready-score says 83.8 and fails the gate: 3 tests fail
# (a blocker), availability has no evidence (42 minutes of uptime is not any), and the query
# endpoint's 7.92 ms was an average, not the P95 its target asks for.
source "$(dirname "$0")/lib.sh"
SCORE="$READYGATE_SCORE"
SEED="$READYGATE_SOURCE/tests/fixtures/score/seed"
cd "$WORK"
cp "$SEED/junit.xml" JUNIT

run "$SCORE" "$SEED/scan.json" "$SEED/bench.json" --junit JUNIT --explain -o score.json
expect_rc 1 "the gate fails"
expect_json score.json
check '.tool == "score" and .score.value == 83.8 and .score.gate == "fail" and .score.min == 80' score.json
check '.score.evidence_coverage == 0.75' score.json
check '[.score.categories[] | {(.name): .status}] | add == {"security": "scored", "performance": "scored", "availability": "no-evidence", "testing": "scored", "code-health": "informational"}' score.json
check '[.score.categories[] | select(.name == "availability") | .score] == [null]' score.json
check '.score.blockers == [{"kind": "failing_tests", "reason": "3 failing tests", "evidence": "junit"}]' score.json
check '[.score.categories[] | select(.name == "security") | .deductions[].points] | add == 35' score.json
check '.checks | map({(.id): .status}) | add == {"score.security": "fail", "score.performance": "pass", "score.availability": "skip", "score.testing": "pass", "score.code-health": "pass", "score.gate": "fail"}' score.json
check '.inputs | length == 2 and .[0].tool == "scan" and .[1].tool == "bench"' score.json
# The explanation a person reads: compared whole, so any change to it is seen.
# Exit 1 says why on stderr, beside the explanation.
expect_stderr "ready-score: error: gate fails: blocker: 3 failing tests  [junit]"
grep -v '^ready-score: score\|^ready-score: error: gate fails' "$ERR" > explain.txt
diff -u "$READYGATE_SOURCE/tests/e2e/expected/score_seed_explain.txt" explain.txt || fail "the explanation changed"

# ready-report needs only the score envelope: its inputs come along.
if [ -n "${READYGATE_REPORT:-}" ]; then
  run "$READYGATE_REPORT" score.json --markdown summary.md --junit junit.xml
  expect_rc 0
  grep -q '^## ❌ readygate: not ready — score 83.8 (minimum 80)' summary.md || fail "no verdict in the summary"
  grep -q '3 failing tests' summary.md || fail "the blocker is not in the summary"
  grep -q 'testsuite name="readygate.scan"' junit.xml || fail "the embedded scan is not rendered"
fi
