# Hostile input (issue 11, "out of memory"): under `ulimit -v`, every program that runs out of
# memory ends with exit 3 and says so on stderr — never SIGABRT (an exception that met a
# noexcept frame inside RE2, or a worker thread), never a partial silent success. Each program
# is given an input far larger than its address-space limit. Not under the sanitizers: they
# reserve terabytes of address space, so ulimit -v cannot apply.
source "$(dirname "$0")/lib.sh"
if sanitized; then echo "the sanitizers reserve terabytes of address space: ulimit -v cannot apply; skipped"; exit 77; fi
cd "$WORK"
LIMIT_KB=150000   # the programs start in well under this; each input below is twice its size
mkdir -p big

# limited CMD ARGS...: runs under the address-space limit, with a time bound.
limited() { run bash -c 'ulimit -v '"$LIMIT_KB"'; exec timeout 120 "$@"' _ "$@"; }
expect_oom() {
  [ "$RC" -eq 3 ] || fail "expected exit code 3 (out of memory), got $RC: $*"
  expect_stderr "error: out of memory"
}

# A 300 MB JSON envelope (one long string field).
python3 -c "
import sys
sys.stdout.write('{\"readygate\": 1, \"tool\": \"scan\", \"summary\": {\"note\": \"')
chunk = 'x' * (1 << 20)
for _ in range(300): sys.stdout.write(chunk)
sys.stdout.write('\"}}\n')" > big/envelope.json

scan_oom() {
  # One 300 MB file, allowed by --max-file-size: reading it needs more than the limit.
  limited "$READYGATE_SCAN" big --max-file-size 1G --no-git
  expect_oom scan
}
hostile_case "ready-scan" scan_oom

# 60,000 findings (about 30 MB of JSON): their DOM, then the formats, need more than the limit.
# Before, the bad_alloc met frames it could not unwind and the programs aborted.
python3 -c "
import json, sys
f = {'rule': 'py.eval', 'title': 'Use of eval()', 'severity': 'high', 'category': 'security', 'cwe': ['CWE-95'],
     'message': 'eval runs code', 'suppressed': False}
sys.stdout.write('{\"readygate\": 1, \"tool\": \"scan\", \"findings\": [')
for i in range(60000):
    f['location'] = {'path': 'src/m%d.py' % (i % 500), 'line': i + 1, 'column': 1, 'snippet': 'eval(data_%d)' % i}
    f['fingerprint'] = '%032x' % i
    sys.stdout.write((',' if i else '') + json.dumps(f))
sys.stdout.write(']}\n')" > big/findings.json

score_oom() {
  limited "$READYGATE_SCORE" big/envelope.json; expect_oom score
  limited "$READYGATE_SCORE" big/findings.json; expect_oom score
}
hostile_case "ready-score" score_oom

report_oom() {
  limited "$READYGATE_REPORT" big/envelope.json --markdown m.md; expect_oom report
  limited "$READYGATE_REPORT" big/findings.json --sarif s.sarif --junit j.xml --markdown m.md; expect_oom report
}
hostile_case "ready-report" report_oom

baseline_oom() { echo 'x = 1' > b.py; limited "$READYGATE_SCAN" b.py --baseline big/findings.json; expect_oom scan; }
hostile_case "ready-scan --baseline" baseline_oom

bench_oom() { limited "$READYGATE_BENCH" --url http://127.0.0.1:1/ -n 1 --body @big/envelope.json; expect_oom bench; }
hostile_case "ready-bench" bench_oom

health_oom() { limited "$READYGATE_HEALTHCHECK" -c big/envelope.json; expect_oom healthcheck; }
hostile_case "ready-healthcheck" health_oom

# And with room enough, the same programs finish (the limit is not what fails them).
room() {
  echo 'x = 1' > small.py
  limited "$READYGATE_SCAN" small.py
  expect_rc 0
}
hostile_case "with room enough, the same limit lets a program finish" room
cases_done
