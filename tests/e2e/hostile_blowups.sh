# Hostile input (issue 11, "hangs and blow-ups"): inputs that made a program quadratic,
# exponential or endless. Each case has a time bound many times what linear work needs even on
# a slow, busy machine (the figures in the comments are this machine's), so it fails only if
# the blow-up comes back: the old code took minutes or never ended.
source "$(dirname "$0")/lib.sh"
BENCH="$READYGATE_BENCH"; HC="$READYGATE_HEALTHCHECK"
cd "$WORK"
start_fault hang; SILENT=$FAULT_PORT

many_findings() {
  mkdir -p evals
  # 4.8 MB of eval(x) lines, under the default size limit: over 300 s before (every pair of
  # findings compared), about 2 s now. Under the sanitizers, a quarter of it.
  local lines=600000
  if sanitized; then lines=150000; fi
  awk -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) print "eval(x)" }' > evals/gen.py
  run timeout $((60 * TIME_SCALE)) "$READYGATE_SCAN" evals --enable-only py.eval-dynamic
  expect_rc 0
  check '.summary.findings == 1000 and .summary.over_cap.files == 1 and .summary.over_cap.findings == '"$((lines - 1000))"
  check '[.findings[].location.line] | (. == (. | sort)) and .[0] == 1 and .[-1] == 1000'
  check '[.checks[] | select(.id == "scan.over_cap")][0].status == "warn"'
  expect_stderr "gen.py: $((lines - 1000)) more finding(s) past the cap of 1000"
  # --max-findings-per-file 0 lifts the cap.
  head -n 5000 evals/gen.py > evals/small.py
  run timeout $((60 * TIME_SCALE)) "$READYGATE_SCAN" evals/small.py --enable-only py.eval-dynamic --max-findings-per-file 0
  expect_rc 0
  check '.summary.findings == 5000 and .summary.over_cap.findings == 0'
}
hostile_case "ready-scan: 4.8 MB of eval(x) lines (600,000 findings in one file)" many_findings

many_keys() {
  mkdir -p keys
  # 100,000 AWS key ids, each a secret whose duplicates are looked for: 172 s before.
  local n=100000
  if sanitized; then n=25000; fi
  python3 -c "
import random, sys
r = random.Random(7)
A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
for i in range($n):
    print('key%d = \"AKIA%s\"' % (i, ''.join(r.choice(A) for _ in range(16))))
" > keys/config.py
  run timeout $((60 * TIME_SCALE)) "$READYGATE_SCAN" keys
  expect_rc 0
  check '.summary.findings == 1000 and .summary.over_cap.findings > 0'
  check '[.findings[] | .location.snippet | test("AKIA[A-Z2-7]{16}")] | any | not'
  run timeout $((60 * TIME_SCALE)) "$READYGATE_SCAN" keys --max-findings-per-file 0 -o all.json
  expect_rc 0
  # A few random ids look like placeholders (runs of one letter) and are passed over.
  local found; found=$(sed -n 's/.* \([0-9]*\) findings .*/\1/p' "$ERR")
  [ "$found" -gt $((n * 99 / 100)) ] && [ "$found" -le "$n" ] || fail "$found of $n keys found"
  if grep -qE 'AKIA[A-Z2-7]{16}' all.json; then fail "a key reached the envelope in full"; fi
}
hostile_case "ready-scan: 100,000 AWS keys in one file" many_keys

globs() {
  mkdir -p g
  local name; name=$(printf 'a%.0s' $(seq 200))
  touch "g/$name"
  # Exponential before (over 60 s); microseconds now.
  run timeout $((60 * TIME_SCALE)) "$READYGATE_SCAN" g --no-git --exclude '*a*a*a*a*a*a*a*a*a*a*a*a*ab' --include '*a*a*a*a*a*a*a*a*a*a*a*ab*'
  expect_rc 0
  local deep=g d
  for d in $(seq 60); do deep="$deep/dd"; done
  mkdir -p "$deep"; echo 'eval(x)' > "$deep/x.py"
  local stars; stars=$(printf '**/%.0s' $(seq 60))
  run timeout $((60 * TIME_SCALE)) "$READYGATE_SCAN" g --no-git --exclude "${stars}y.py" --include "${stars}*.py"
  expect_rc 0
  check '.summary.files == 1 and .findings[0].rule == "py.eval-dynamic"'
}
hostile_case "globs: *a*a*…ab against a 200-character name, 60 × **/ against a deep path" globs

zero_timeouts() {
  local t
  for t in '"0s"' '0' '"0ms"'; do
    printf '{"timeout": %s, "endpoints": [{"url": "http://127.0.0.1:%s/"}], "phases": [{"name": "p", "duration": "2s"}]}' "$t" "$SILENT" > s.json
    run timeout $((20 * TIME_SCALE)) "$BENCH" --scenario s.json
    expect_rc 2 "scenario timeout $t"; expect_stderr 'field "timeout": must be more than 0'
    printf '{"timeout": %s, "checks": [{"name": "c", "url": "http://127.0.0.1:%s/"}]}' "$t" "$SILENT" > c.json
    run timeout $((20 * TIME_SCALE)) "$HC" -c c.json --wait 2s
    expect_rc 2 "config timeout $t"
    printf '{"checks": [{"name": "c", "url": "http://127.0.0.1:%s/", "timeout": %s}]}' "$SILENT" "$t" > c.json
    run timeout $((20 * TIME_SCALE)) "$HC" -c c.json
    expect_rc 2 "check timeout $t"
  done
  printf '{"endpoints": [{"url": "http://127.0.0.1:%s/"}], "phases": [{"name": "p", "duration": "0s"}]}' "$SILENT" > s.json
  run timeout $((20 * TIME_SCALE)) "$BENCH" --scenario s.json
  expect_rc 2
}
hostile_case "a timeout of 0 in scenarios and health configs (libcurl: no timeout at all)" zero_timeouts

# Every program that talks to a server ends by itself against one that never answers, with
# its documented exit code: a threshold crossed or a critical check down is 1.
silent_server() {
  run timeout $((60 * TIME_SCALE)) "$BENCH" --url "http://127.0.0.1:$SILENT/" -d 2s -c 4 --timeout 500ms --threshold 'error_rate<1%'
  expect_rc 1; expect_json
  check '.metrics.overall.errors_by_class.timeout > 0 and .metrics.overall.errors_by_class.timeout == .metrics.overall.errors'
  run timeout $((60 * TIME_SCALE)) "$HC" --check "api=http://127.0.0.1:$SILENT/" --timeout 500ms --retries 1
  expect_rc 1; expect_json
  check '.metrics.checks[0].status == "unhealthy" and .metrics.checks[0].attempts == 2'
  run timeout $((60 * TIME_SCALE)) "$HC" --check "api=http://127.0.0.1:$SILENT/" --timeout 300ms --wait 2s --interval 200ms
  expect_rc 1
  run timeout $((60 * TIME_SCALE)) "$HC" --check "db=tcp://127.0.0.1:$SILENT" --timeout 300ms
  expect_rc 0  # a TCP check only connects, and the silent server accepts
}
hostile_case "against a server that never answers, ready-bench and ready-healthcheck end by themselves" silent_server
cases_done
