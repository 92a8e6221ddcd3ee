# A duration is a duration: at the end of -d no request starts, requests in flight get a grace
# of min(--timeout, 1 s) and are then cut — counted as "cut", not as errors or successes — and
# stderr says so. The rate counts the measured window only; what finished in the grace is the
# drain. Bounds are wide (a loaded machine is slow), never tight on the machine's speed.
source "$(dirname "$0")/lib.sh"
BENCH="$READYGATE_BENCH"
cd "$WORK"
# /health, and /no-ua: 418 when a User-Agent header came.
conf() {
  cat > "$WORK/nginx.conf" <<CONF
$(nginx_head)
  server {
    listen 127.0.0.1:$P;
    location = /health { default_type application/json; return 200 '{"status": "ok"}'; }
    location = /no-ua { if (\$http_user_agent != "") { return 418; } return 200 'none'; }
  }
}
CONF
}
start_nginx conf
NGINX="http://127.0.0.1:$NGINX_PORT/health"
start_fault hang; HANG="http://127.0.0.1:$FAULT_PORT/"

# Half the endpoints never answer: every slot ends up stuck on one, and -d 2s must still end
# at about 2 s + 1 s of grace, with the stuck requests cut (the timeout, 10 s, never comes).
start=$(date +%s%N)
run timeout $((60 * TIME_SCALE)) "$BENCH" "$NGINX" "$HANG" -d 2s -c 4 --timeout 10s --format json
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_json
[ "$took_ms" -lt $(( (2000 + 1000 + 4000) * TIME_SCALE )) ] || fail "-d 2s with a grace of 1s took ${took_ms} ms"
[ "$took_ms" -ge 2900 ] || fail "-d 2s ended after ${took_ms} ms: before the grace ran out"
check '.metrics.overall.cut > 0 and .metrics.overall.cut <= 4 and .metrics.overall.errors == 0'
check '.metrics.endpoints[1].cut == .metrics.overall.cut and .metrics.endpoints[1].requests == 0'
check '(.metrics.endpoints | map(.cut) | add) == .metrics.overall.cut'
check '.metrics.phases[0].cut == .metrics.overall.cut'
check '.metrics.endpoints[0].requests > 0 and .metrics.endpoints[0].errors == 0'
check '.metrics.overall.drain.ms >= 900'   # the grace ran out: the drain is the whole second
expect_stderr "in flight at the end of -d 2s were cut after a grace of 1s"

# A shorter --timeout is the grace: the stuck requests time out inside it — errors, not cut.
start=$(date +%s%N)
run timeout $((60 * TIME_SCALE)) "$BENCH" "$HANG" -d 1s -c 2 --timeout 300ms --format json
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$took_ms" -lt $(( (1000 + 300 + 4000) * TIME_SCALE )) ] || fail "-d 1s --timeout 300ms took ${took_ms} ms"
check '.metrics.overall.errors_by_class.timeout >= 2 and .metrics.overall.errors == .metrics.overall.requests'

# Open model: what the timetable owed before the deadline but could never send (both slots
# stuck) is cut too — about 100 requests, none of them errors.
run timeout $((60 * TIME_SCALE)) "$BENCH" "$HANG" --rate 100 -c 2 -d 1s --timeout 10s --format json
check '.metrics.overall.requests == 0 and .metrics.overall.errors == 0'
check '.metrics.overall.cut >= 90 and .metrics.overall.cut <= 101'

# Text report: the cut and the drain are shown.
run timeout $((60 * TIME_SCALE)) "$BENCH" "$NGINX" "$HANG" -d 1s -c 2 --timeout 10s --format text
grep -q "^  Cut  *[12] requests still in flight at the end" "$OUT" || fail "no Cut line: $(cat "$OUT")"
grep -q "^  Drain " "$OUT" || fail "no Drain line: $(cat "$OUT")"

# The rate is over the measured window: --rate 1000 -d 3s reports about 1000. (A client too
# busy to keep the timetable may cut a few owed requests at the deadline: bounded loosely.)
run timeout $((60 * TIME_SCALE)) "$BENCH" "$NGINX" --rate 1000 -d 3s -c 20 --format json
check '.metrics.overall.errors == 0 and .metrics.overall.cut < 100'
check '.metrics.overall.rps >= 900 and .metrics.overall.rps <= 1010'
check '.metrics.overall.requests - .metrics.overall.drain.requests == (.metrics.overall.rps * 3 | round)'

# Half the timetable goes to a server that never answers: the run still ends at 2 s + 1 s, the
# rate counts the window (about 50/s answered over 2 s, not over the 3 s the run lasted), and
# the stuck half is cut.
start=$(date +%s%N)
run timeout $((60 * TIME_SCALE)) "$BENCH" "$NGINX" "$HANG" --rate 100 -d 2s -c 400 --timeout 10s --format json
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$took_ms" -lt $(( (2000 + 1000 + 4000) * TIME_SCALE )) ] || fail "--rate 100 -d 2s took ${took_ms} ms"
check '.metrics.overall.errors == 0 and .metrics.endpoints[1].requests == 0'
check '.metrics.overall.rps >= 45 and .metrics.overall.rps <= 51'
check '.metrics.endpoints[1].cut >= 90 and .metrics.endpoints[0].cut == 0'

# Count mode keeps its meaning: no drain, nothing cut, all N requests.
run timeout $((60 * TIME_SCALE)) "$BENCH" "$NGINX" -n 500 -c 5 --format json
check '.metrics.overall.requests == 500 and .metrics.overall.cut == 0 and (.metrics.overall | has("drain") | not)'

# No proxy from the environment, and no User-Agent unless the user sends one.
http_proxy=http://127.0.0.1:1 HTTP_PROXY=http://127.0.0.1:1 run timeout $((60 * TIME_SCALE)) "$BENCH" \
  "http://127.0.0.1:$NGINX_PORT/no-ua" -n 20 -c 2 --format json
check '.metrics.overall.requests == 20 and .metrics.overall.errors == 0'
run timeout $((60 * TIME_SCALE)) "$BENCH" "http://127.0.0.1:$NGINX_PORT/no-ua" -n 20 -c 2 -H "User-Agent: mine" --format json
check '.metrics.overall.errors_by_class.http_4xx == 20'   # a user's User-Agent is sent
