# Hostile input (issue 11, "crashes"): documents nested far deeper than any readygate document.
# The JSON reader refuses past 256 levels (exit 2 with the position and field), whatever the
# field — even one the program ignores — and nothing after it recurses per level: JUnit
# reports nested a hundred thousand suites deep are counted iteratively, a baseline's nested
# score inputs are walked without copies, a server's deep JSON body is refused.
source "$(dirname "$0")/lib.sh"
SCORE="$READYGATE_SCORE"; HC="$READYGATE_HEALTHCHECK"
cd "$WORK"

# nest N OPEN CLOSE: N opening and N closing brackets.
nest() { python3 -c "import sys; n=int(sys.argv[1]); sys.stdout.write(sys.argv[2]*n + sys.argv[3]*n)" "$@"; }

ignored_field() {
  { printf '{"readygate": 1, "tool": "scan", "ignored": '; nest 100000 '[' ']'; printf '}\n'; } > deep-ignored.json
  run timeout $((60 * TIME_SCALE)) "$SCORE" deep-ignored.json
  expect_rc 2; expect_no_stdout
  expect_stderr "deep-ignored.json:1:"
  expect_stderr 'nested deeper than 256 levels (field "ignored")'
}
hostile_case "ready-score: a field 100,000 levels deep, ignored by the program" ignored_field

deep_metrics() {
  { printf '{"readygate": 1, "tool": "bench", "metrics": {"overall": '; nest 200000 '{"a":' '}' | sed 's/}*$//'; printf '1'; nest 200000 '' '}'; printf '}}\n'; } > deep-metrics.json
  run timeout $((60 * TIME_SCALE)) "$READYGATE_REPORT" deep-metrics.json --markdown out.md
  expect_rc 2; expect_stderr 'nested deeper than 256 levels (field "metrics.overall.a.a'
}
hostile_case "ready-report: metrics 200,000 levels deep" deep_metrics

nested_inputs() {
  # 10,000 score envelopes, each embedding the next.
  python3 - <<'PY' > nested-inputs.json
n = 10000
head = '{"readygate": 1, "tool": "score", "score": {"value": 1, "gate": "pass"}, "inputs": ['
print(head * n + '{"readygate": 1, "tool": "scan", "findings": []}' + ']}' * n)
PY
  run timeout $((60 * TIME_SCALE)) "$READYGATE_REPORT" nested-inputs.json --markdown out.md
  expect_rc 2; expect_stderr "nested deeper than 256 levels"
  mkdir -p src; echo 'x = 1' > src/a.py
  run timeout $((60 * TIME_SCALE)) "$READYGATE_SCAN" src --baseline nested-inputs.json
  expect_rc 2; expect_stderr "nested deeper than 256 levels"
  run timeout $((60 * TIME_SCALE)) "$SCORE" nested-inputs.json
  expect_rc 2; expect_stderr "nested deeper than 256 levels"
}
hostile_case "ready-report, ready-scan --baseline and ready-score: 10,000 nested score inputs" nested_inputs

baseline_within_limit() {
  # 120 levels of embedding (240 of nesting) is within the limit: it is read, in flat memory,
  # and its fingerprint counts. Before, memory grew with the square of the depth.
  mkdir -p src; printf 'eval(x)\n' > src/a.py
  run "$READYGATE_SCAN" src -o scan.json
  expect_rc 0
  python3 - scan.json <<'PY' > baseline.json
import json, sys
inner = json.load(open(sys.argv[1]))
doc = inner
for _ in range(120):
    doc = {"readygate": 1, "tool": "score", "inputs": [doc, {"readygate": 1, "tool": "scan", "findings": [{"fingerprint": "x" * 2000}] * 40}]}
print(json.dumps(doc))
PY
  # ~10 MB of baseline: the copies per level came to over 500 MB; a flat walk needs a few tens.
  if sanitized; then
    run timeout $((120 * TIME_SCALE)) "$READYGATE_SCAN" src --baseline baseline.json
  else
    run bash -c 'ulimit -v 300000; exec timeout 60 "$@"' _ "$READYGATE_SCAN" src --baseline baseline.json
  fi
  expect_rc 0
  check '.summary.new == 0 and .findings[0].baseline_state == "unchanged"'
}
hostile_case "ready-scan --baseline: a baseline nested 120 scores deep is read in flat memory" baseline_within_limit

deep_junit() {
  mkdir -p empty
  run "$READYGATE_SCAN" empty -o scan.json
  python3 - <<'PY' > deep-junit.xml
n = 100000
print('<testsuites>' + '<testsuite name="s">' * n + '<testcase classname="c" name="bottom"><failure/></testcase>' + '</testsuite>' * n + '</testsuites>')
PY
  run timeout $((60 * TIME_SCALE)) "$SCORE" scan.json --junit deep-junit.xml --explain
  expect_rc 1  # the failing test case at the bottom is found, and blocks
  expect_json
  check '.score.blockers | map(.kind) | index("failing_tests") != null'
  expect_stderr "c.bottom"
}
hostile_case "ready-score --junit: a failing case under 100,000 nested test suites" deep_junit

deep_body() {
  command -v nginx >/dev/null || { echo "nginx is not installed"; return 0; }
  mkdir -p www
  { printf '{"status": '; nest 500000 '[' ']'; printf '}'; } > www/deep.json
  write_conf() { nginx_head > "$WORK/nginx.conf"; cat >> "$WORK/nginx.conf" <<CONF
  server { listen 127.0.0.1:$P; root $WORK/www; }
}
CONF
  }
  start_nginx write_conf
  printf '{"checks": [{"name": "deep", "url": "http://127.0.0.1:%s/deep.json", "json": {"path": "status", "equals": "ok"}, "retries": 0}]}' "$NGINX_PORT" > deep-checks.json
  run timeout $((60 * TIME_SCALE)) "$HC" -c deep-checks.json
  expect_rc 1; expect_json
  check '.metrics.checks[0].status == "unhealthy" and (.metrics.checks[0].error | test("nests deeper than 256"))'
}
hostile_case "ready-healthcheck: a server's JSON body 500,000 levels deep" deep_body
cases_done
