# ready-bench fails loudly: with no threshold given, a run in which no request succeeded exits 1
# and says why on stderr (refused connections, all 404, all 500), and still writes its envelope;
# errors above zero are counted by class on stderr in every run (-q hides that warning, never
# the reason for exit 1). With thresholds, they decide, as before.
source "$(dirname "$0")/lib.sh"
BENCH="$READYGATE_BENCH"
command -v nginx >/dev/null || { echo "nginx is not installed: skipped"; exit 77; }
statuses_conf() {
  cat > "$WORK/nginx.conf" <<CONF
$(nginx_head)
  server {
    listen 127.0.0.1:$P;
    location = /ok { return 200 'ok'; }
    location = /broken { return 500 'broken'; }
    location = /empty { return 204; }
  }
}
CONF
}
start_nginx statuses_conf
BASE="http://127.0.0.1:$NGINX_PORT"
cd "$WORK"

# A refused port: every request a connect error; exit 1 with the reason; the envelope is written.
run "$BENCH" http://127.0.0.1:9/ -n 40 -c 2 -o refused.json
expect_rc 1 "all refused"
expect_stderr "no request succeeded: 40 of 40 connect errors (could not connect to 127.0.0.1:9)"
expect_stderr "warning: 40 errors of 40 requests (100 %): 40 connect"
expect_no_stdout
check '.metrics.overall.requests == 40 and .metrics.overall.errors_by_class.connect == 40' refused.json
# Through a pipe, stdout still carries the envelope.
run "$BENCH" http://127.0.0.1:9/ -n 4 -c 1
expect_rc 1; expect_json
check '.summary.requests == 4 and .summary.errors == 4'

# Every answer a 404 (nginx's default for a path it does not know).
run "$BENCH" "$BASE/nowhere" -n 30 -c 3
expect_rc 1 "all 404"
expect_stderr "no request succeeded: 30 of 30 http_4xx errors (answered 4xx; expected 200–399)"
check '.metrics.overall.errors_by_class.http_4xx == 30'

# Every answer a 500.
run "$BENCH" "$BASE/broken" -n 25 -c 2
expect_rc 1 "all 500"
expect_stderr "no request succeeded: 25 of 25 http_5xx errors (answered 5xx; expected 200–399)"

# A status other than the one expected.
run "$BENCH" "$BASE/ok" -n 10 --expect-status 204
expect_rc 1 "all other than 204"
expect_stderr "no request succeeded: 10 of 10 other errors (reset, not HTTP, or another status than the 204 expected)"

# -q hides the warning, never the reason for exit 1.
run "$BENCH" "$BASE/broken" -n 5 -q
expect_rc 1
expect_stderr "no request succeeded: 5 of 5 http_5xx errors"
grep -q "warning:" "$ERR" && fail "-q should hide the errors warning"

# Some errors, some successes: exit 0, the errors counted by class on stderr.
run "$BENCH" "$BASE/ok" "$BASE/broken" -n 20 -c 2
expect_rc 0 "half the requests succeeded"
expect_stderr "warning: 10 errors of 20 requests (50 %): 10 http_5xx"
grep -q "no request succeeded" "$ERR" && fail "a run with successes has no such reason"
check '.metrics.overall.errors == 10'

# No error: no warning.
run "$BENCH" "$BASE/ok" -n 20
expect_rc 0
grep -q "warning:" "$ERR" && fail "no error, no warning: $(cat "$ERR")"
run "$BENCH" "$BASE/empty" -n 5 --expect-status 204
expect_rc 0

# Thresholds given: they decide, as before (here one that holds whatever the errors).
run "$BENCH" "$BASE/broken" -n 10 --threshold 'error_rate<=100%'
expect_rc 0 "a threshold that holds"
expect_stderr "warning: 10 errors of 10 requests (100 %): 10 http_5xx"
grep -q "no request succeeded" "$ERR" && fail "with thresholds, they decide"
run "$BENCH" http://127.0.0.1:9/ -n 10 --threshold 'p95<1s'
expect_rc 1 "no p95 to compare"
echo "ok"
