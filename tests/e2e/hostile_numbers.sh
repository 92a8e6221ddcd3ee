# Hostile input (issue 11, "wrong answers and wrong exit codes"): numbers no reader may take.
# A number too large for a double in any JSON reader, a number where a string belongs, coverage
# that cannot be, NaN and infinity in thresholds and policies, load figures no run produces,
# durations and positions past what the model holds: each an input error (exit 2) that names
# the place, never an internal error, a silent default or a score.
source "$(dirname "$0")/lib.sh"
SCORE="$READYGATE_SCORE"; BENCH="$READYGATE_BENCH"; HC="$READYGATE_HEALTHCHECK"
cd "$WORK"
mkdir -p src; echo 'x = 1' > src/a.py
"$READYGATE_SCAN" src -o scan.json 2>/dev/null

overflow() {
  printf '{"rules": [{"id": "x.a", "title": "t", "category": "security", "severity": "high", "pattern": "a", "message": "m", "entropy": 1e400}]}' > rules.json
  run "$READYGATE_SCAN" src --rules rules.json
  expect_rc 2; expect_stderr 'rules.json:1:'; expect_stderr 'too large for a double'; expect_stderr '(field "rules.entropy")'
  printf '{"readygate": 1, "tool": "scan", "run": {"duration_ms": 1e400}}' > big.json
  for cmd in "$READYGATE_SCAN src --baseline big.json" "$SCORE big.json" "$READYGATE_REPORT big.json --markdown m.md"; do
    # shellcheck disable=SC2086
    run $cmd
    expect_rc 2 "$cmd"; expect_stderr '(field "run.duration_ms")'
  done
  printf '{"min_score": 1e999, "categories": []}' > policy.json
  run "$SCORE" scan.json --policy policy.json
  expect_rc 2; expect_stderr '(field "min_score")'
  printf '{"timeout": 1e400, "endpoints": [], "phases": []}' > scenario.json
  run "$BENCH" --scenario scenario.json
  expect_rc 2; expect_stderr '(field "timeout")'
  printf '{"retries": -1e400, "checks": []}' > checks.json
  run "$HC" -c checks.json
  expect_rc 2; expect_stderr '(field "retries")'
}
hostile_case "1e400 in every JSON reader: exit 2 with position and field" overflow

blockers() {
  printf '{"readygate": 1, "tool": "score", "score": {"value": 50, "gate": "fail", "blockers": [42]}}' > score.json
  run "$READYGATE_REPORT" score.json --markdown m.md
  expect_rc 2; expect_stderr 'blockers[0]: expected a string'
}
hostile_case "a number in a score's blockers" blockers

duration() {
  printf '{"readygate": 1, "tool": "scan", "run": {"duration_ms": 1e300}}' > long.json
  run "$READYGATE_REPORT" long.json --markdown m.md
  expect_rc 2; expect_stderr 'field "duration_ms": must be between 0 and'
  printf '{"readygate": 1, "tool": "scan", "findings": [{"rule": "r", "location": {"path": "a.py", "line": 18446744073709551615}}]}' > line.json
  run "$READYGATE_REPORT" line.json --sarif s.sarif
  expect_rc 2; expect_stderr 'field "line": must be at most 2147483647'
}
hostile_case "duration_ms 1e300 and a line of 2^64-1" duration

coverage() {
  local body
  for body in 'LF:10\nLH:-100\nend_of_record' 'LF:10\nLH:11\nend_of_record' 'LF:inf\nLH:1' 'LF:nan\nLH:nan' 'LF:10\nLH:5.5'; do
    printf "SF:a.py\n$body\n" > cov.info
    run "$SCORE" scan.json --coverage cov.info
    expect_rc 2 "lcov: $body"; expect_stderr "cov.info:"
  done
  for rate in nan inf -0.5 1.5 abc ""; do
    printf '<coverage line-rate="%s"></coverage>\n' "$rate" > cov.xml
    run "$SCORE" scan.json --coverage cov.xml
    expect_rc 2 "cobertura: $rate"; expect_stderr 'is not a number from 0 to 1'
  done
  printf 'SF:a.py\nLF:10\nLH:7\nend_of_record\nSF:b.py\nLF:10\nLH:3\nend_of_record\n' > good.info
  run "$SCORE" scan.json --coverage good.info
  check '[.score.categories[] | select(.name == "testing")][0].evidence | test("50")'
}
hostile_case "coverage that cannot be: negative, hit above found, inf, nan, 'abc'" coverage

thresholds() {
  local t
  for t in 'p95<nan' 'p95<inf' 'rps>-inf' 'error_rate<200%' 'p95<1e400ms'; do
    run timeout $((20 * TIME_SCALE)) "$BENCH" --url http://127.0.0.1:1/ -n 1 --threshold "$t"
    expect_rc 2 "$t"; expect_no_stdout
  done
  local r
  for r in nan inf -inf 0; do
    run timeout $((20 * TIME_SCALE)) "$BENCH" --url http://127.0.0.1:1/ -d 1s --rate "$r"
    expect_rc 2 "--rate $r"; expect_no_stdout
  done
  run "$SCORE" scan.json --min-score nan
  expect_rc 2 "--min-score nan"
  printf '{"categories": [{"name": "t", "weight": 1, "kind": "tests", "pass_rate_target": "nan"}]}' > p1.json
  printf '{"categories": [{"name": "h", "weight": 1, "kind": "health", "target": "inf%%"}]}' > p2.json
  printf '{"categories": [{"name": "l", "weight": 1, "kind": "load", "targets": [{"threshold": "p95<nan", "limit": "1s", "points": 10}]}]}' > p3.json
  local p
  for p in p1 p2 p3; do
    run "$SCORE" scan.json --policy $p.json
    expect_rc 2 "$p"
  done
}
hostile_case "NaN and infinity in thresholds and policy fractions: exit 2 before any load" thresholds

# bench_envelope JQ: a valid bench envelope changed by JQ.
bench_envelope() {
  jq -c "$1" > impossible.json <<'JSON'
{"readygate": 1, "tool": "bench", "metrics": {"overall": {"requests": 2, "errors": 0, "rps": 10,
 "latency_ms": {"p95": 5}, "histogram": {"scheme": "log2-128", "unit": "us", "count": 2, "min_us": 1000, "max_us": 5000,
 "sum_us": 6000, "sum_sq_us": 26000000, "buckets": [[506, 1], [796, 1]]}}}}
JSON
}
impossible() {
  bench_envelope '.'
  run "$SCORE" impossible.json
  expect_rc 1 "the valid envelope"  # scored (the gate fails for want of other evidence); each change below is refused
  local change
  for change in '.metrics.overall.rps = -5' '.metrics.overall.errors = 3' '.metrics.overall.histogram.min_us = 9000' \
                '.metrics.overall.histogram.max_us = 10' 'del(.metrics.overall.histogram) | .metrics.overall.latency_ms.p95 = -1' \
                '.metrics.overall.histogram.count = 3 | .metrics.overall.histogram.buckets += [[600, 1]]' \
                '.metrics.overall.histogram.sum_us = -1'; do
    bench_envelope "$change"
    run "$SCORE" impossible.json
    expect_rc 2 "$change"
  done
}
hostile_case "impossible load figures: negative latency or rps, errors > requests, min > max" impossible

counts() {
  printf '{"endpoints": [{"url": "http://127.0.0.1:1/"}], "phases": [{"name": "p", "requests": 1, "concurrency": 1.5}]}' > s1.json
  printf '{"endpoints": [{"url": "http://127.0.0.1:1/", "expect_status": 200.7}], "phases": [{"name": "p", "requests": 1}]}' > s2.json
  printf '{"endpoints": [{"url": "http://127.0.0.1:1/"}], "phases": [{"name": "p", "requests": 2.5}]}' > s3.json
  local s
  for s in s1 s2 s3; do
    run "$BENCH" --scenario $s.json
    expect_rc 2 "$s"; expect_stderr 'expected a whole number'
  done
  printf '{"checks": [{"name": "c", "url": "http://127.0.0.1:1/", "retries": 0.5}]}' > c1.json
  run "$HC" -c c1.json
  expect_rc 2; expect_stderr 'expected a whole number'
  run "$HC" --check db=tcp://127.0.0.1:12345678901234567890
  expect_rc 2; expect_stderr 'needs a port from 1 to 65535'
  run "$HC" --check db=tcp://127.0.0.1:0
  expect_rc 2
}
hostile_case "fractional counts and a 20-digit TCP port" counts
cases_done
