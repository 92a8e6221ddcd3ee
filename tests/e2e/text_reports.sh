# The reports for people of ready-bench, ready-healthcheck and ready-score (--format text)
# against the example service (nginx on 127.0.0.1): the stable parts of each report, no colour
# when stdout is a file, and — in text and in JSON mode — the reason for exit 1 on stderr. The
# figures themselves depend on the machine and are not asserted.
source "$(dirname "$0")/lib.sh"
BENCH="$READYGATE_BENCH"; HC="$READYGATE_HEALTHCHECK"; SCORE="$READYGATE_SCORE"
command -v nginx >/dev/null || { echo "nginx is not installed: skipped"; exit 77; }
PORT=$("$READYGATE_SOURCE/scripts/example-service.sh" start "$WORK/svc")
on_exit '"$READYGATE_SOURCE/scripts/example-service.sh" stop "$WORK/svc"'
BASE="http://127.0.0.1:$PORT"
cd "$WORK"
expect_stdout() { grep -qF -- "$1" "$OUT" || fail "stdout lacks: $1"; }
no_colour() { ! grep -q $'\033' "$OUT" || fail "colour codes in a file"; }

# ready-bench: the summary, the histogram, thresholds with ✓/✗; exit 1 names the crossed one.
run "$BENCH" --url "$BASE/health" -n 200 -c 4 --format text --threshold 'p95<10s' --threshold 'rps>100000000'
expect_rc 1; no_colour
expect_stdout "ready-bench  200 requests in "
expect_stdout "closed model, 4 connections"
expect_stdout "  Requests     200 total · 200 ok · 0 errors (0 %)"
expect_stdout "  Errors       connect 0 · timeout 0 · 4xx 0 · 5xx 0 · other 0"
expect_stdout "Latency histogram (ms)"
grep -qE '^ +min +mean +p50 +p90 +p95 +p99 +p99\.9 +max$' "$OUT" || fail "no percentile header"
[ "$(grep -c '■' "$OUT")" -ge 1 ] || fail "no histogram bars"
expect_stdout "✓ p95 < 10000 ms"
expect_stdout "✗ rps > 100000000"
expect_stderr "error: threshold failed: rps > 100000000: overall rps = "
expect_stderr ", not > 100000000 rps"
if grep -q "threshold failed: p95" "$ERR"; then fail "a threshold that held is named as failed"; fi
# The same reason in JSON mode, and the check is named by the threshold, its id unchanged.
run "$BENCH" --url "$BASE/health" -n 50 -c 2 --threshold 'rps>100000000'
expect_rc 1; expect_json
expect_stderr "error: threshold failed: rps > 100000000: overall rps = "
check '.checks[0] | .id == "bench.threshold.1" and .title == "rps > 100000000"'
# Errors by class, and several endpoints get a table.
run "$BENCH" --url "$BASE/health" --url "$BASE/api/admin/purge" -n 40 -c 2 --format text
expect_rc 0
expect_stdout "4xx 20"
expect_stdout "Endpoints"
grep -qE '^  GET /api/admin/purge +20 +20 ' "$OUT" || fail "no row for the 4xx endpoint"
# A scenario: each phase by its name, and the envelope is about the scenario, not a URL.
cat > phases.json <<JSON
{"base_url": "$BASE", "endpoints": [{"name": "health", "url": "/health"}],
 "phases": [{"name": "warm", "endpoints": ["health"], "concurrency": 1, "requests": 20},
            {"name": "steady", "endpoints": ["health"], "concurrency": 2, "requests": 30}],
 "thresholds": ["steady: p95<10s"]}
JSON
run "$BENCH" --scenario phases.json --format text
expect_rc 0
expect_stdout "Phase warm · closed model, 1 connection"
expect_stdout "Phase steady · closed model, 2 connections"
expect_stdout "✓ steady: p95 < 10000 ms"
run "$BENCH" --scenario phases.json
expect_rc 0
check '.target == "scenario phases.json"'

# ready-healthcheck: the table, the header audit grouped by header, a verdict whose words match
# the exit code; a critical check down is an error on stderr, a non-critical one a warning.
cat > checks.json <<JSON
{"base_url": "$BASE", "retries": 0, "checks": [
  {"name": "api", "url": "/health"},
  {"name": "purge", "url": "/api/admin/purge", "critical": false},
  {"name": "db", "url": "tcp://127.0.0.1:1"}]}
JSON
run "$HC" -c checks.json --format text --timeout 2s
expect_rc 1; no_colour
expect_stdout "✓ healthy"
expect_stdout "✗ unhealthy"
grep -qE '^  ✗ unhealthy +purge +http://127\.0\.0\.1:[0-9]+/api/admin/purge +no +[0-9.]+ ms +401 +— +status 401, expected 200–399$' \
  "$OUT" || fail "no row for the non-critical check"
grep -qE '^  ✗ unhealthy +db +tcp://127\.0\.0\.1:1 +yes ' "$OUT" || fail "no row for the critical check"
expect_stdout "FAIL: 1 critical check down (db) — 3 checks: 1 healthy, 0 degraded, 2 unhealthy (1 not critical: a warning)"
expect_stderr "error: critical check down: db (tcp://127.0.0.1:1) is unhealthy"
expect_stderr "warning: check down (not critical): purge"
expect_stderr "error: FAIL: 1 critical check down (db)"
if grep -q "(0 critical)" "$ERR"; then fail "the old wording"; fi
# JSON mode says the same on stderr.
run "$HC" -c checks.json --timeout 2s
expect_rc 1; expect_json
expect_stderr "error: critical check down: db"
cp "$OUT" health-down.json
# Healthy, with the header audit: findings grouped by header.
run "$HC" --check "api=$BASE/health" --audit-headers --format text
expect_rc 0
expect_stdout "Security headers"
expect_stdout "headers.csp"
expect_stdout "PASS: every critical check is healthy — 1 check: 1 healthy, 0 degraded, 0 unhealthy"
run "$HC" --check "api=$BASE/health"
expect_rc 0
cp "$OUT" health-up.json

# ready-score: the score, the gate, blockers and deductions; exit 1 names the blockers and a
# score under the minimum.
run "$SCORE" health-down.json --format text
expect_rc 1; no_colour
expect_stdout "gate ✗ FAIL"
expect_stdout "Blockers (the gate fails whatever the score)"
expect_stdout "Categories"
expect_stdout "no evidence"
expect_stderr "error: gate fails: blocker: "
run "$SCORE" health-down.json
expect_rc 1; expect_json
expect_stderr "error: gate fails: blocker: "
printf '{"readygate":1,"tool":"scan","findings":[]}\n' > clean.json
run "$SCORE" clean.json health-up.json --format text
expect_rc 0
expect_stdout "gate ✓ PASS"
if grep -q "gate fails" "$ERR"; then fail "a passing gate gives a reason to fail"; fi
printf '{"readygate":1,"tool":"scan","findings":[{"rule":"py.eval","severity":"high","category":"security","message":"eval","location":{"path":"a.py","line":1}}]}\n' > scan.json
run "$SCORE" scan.json health-up.json --min-score 99 --format text
expect_rc 1
expect_stdout "py.eval"
expect_stderr "error: gate fails: score "
expect_stderr "is below the minimum 99"
