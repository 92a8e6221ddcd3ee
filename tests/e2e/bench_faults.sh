# ready-bench against servers that misbehave (tests/support/fault_server.cpp): one that hangs
# (timeouts), one that resets the connection, one that answers garbage; and a run stopped by
# SIGINT, which still writes what it gathered, marked partial. Every run ends by itself.
source "$(dirname "$0")/lib.sh"
BENCH="$READYGATE_BENCH"
cd "$WORK"

start_fault hang; PORT=$FAULT_PORT
run timeout $((60 * TIME_SCALE)) "$BENCH" --url "http://127.0.0.1:$PORT/" -n 6 -c 3 --timeout 300ms
expect_rc 1; expect_json   # no request succeeded, and it says why
expect_stderr "no request succeeded: 6 of 6 timeout errors (no answer within 300ms)"
check '.metrics.overall.errors_by_class.timeout == 6'
check '.metrics.overall.latency_ms.min >= 290'   # a timeout is a latency too: never hidden

start_fault reset; PORT=$FAULT_PORT
run timeout $((60 * TIME_SCALE)) "$BENCH" --url "http://127.0.0.1:$PORT/" -n 10 -c 2
expect_rc 1
expect_stderr "no request succeeded: 10 of 10 other errors"
check '.metrics.overall.errors == 10 and .metrics.overall.errors_by_class.other == 10'

start_fault garbage; PORT=$FAULT_PORT
run timeout $((60 * TIME_SCALE)) "$BENCH" --url "http://127.0.0.1:$PORT/" -n 10 -c 2 --threshold 'error_rate<1%'
expect_rc 1
check '.metrics.overall.errors_by_class.other == 10 and .checks[0].status == "fail"'

# SIGINT: stops at once, writes the partial figures, exit 3.
start_fault hang; PORT=$FAULT_PORT
"$BENCH" --url "http://127.0.0.1:$PORT/" -d 60s -c 4 --timeout 200ms -o partial.json 2> sigint.err &
pid=$!
sleep 1.5
kill -INT "$pid"
set +e; timeout $((10 * TIME_SCALE)) tail --pid="$pid" -f /dev/null; wait "$pid"; rc=$?; set -e
[ "$rc" -eq 3 ] || fail "expected exit code 3 after SIGINT, got $rc"
expect_json partial.json
check '.summary.partial == true and .metrics.partial == true' partial.json
check '.metrics.overall.requests > 0 and .metrics.overall.errors_by_class.timeout == .metrics.overall.requests' partial.json
grep -q "interrupted" sigint.err || fail "no word of the interruption on stderr"
