# ready-healthcheck's redis:// probe against real redis-servers on loopback, started here: PING,
# the role from INFO replication (a primary and its replica), AUTH with requirepass, a missing and
# a wrong password (unhealthy, never printed), a database, and servers that are not Redis: nginx,
# garbage, one that hangs (the timeout is honoured), a closed port.
source "$(dirname "$0")/lib.sh"
HC="$READYGATE_HEALTHCHECK"
command -v redis-server >/dev/null || fail "redis-server is not installed: scripts/install-deps.sh test installs it"
cd "$WORK"
SECRET=redis-s3cret-hunter2

# start_redis NAME ARGS…: a redis-server on a free port in $WORK/NAME; sets REDIS_PORT.
start_redis() {
  local name=$1 attempt pid; shift
  mkdir -p "$WORK/$name"
  for attempt in 1 2 3 4 5; do
    REDIS_PORT=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null && continue
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize no --save "" --appendonly no \
      --dir "$WORK/$name" "$@" >"$WORK/$name.log" 2>&1 &
    pid=$!
    on_exit "kill $pid 2>/dev/null"
    for _ in $(seq 50); do
      (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null && return 0
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  done
  fail "redis-server did not start: $(tail -n 5 "$WORK/$name.log")"
}
no_secret() { if grep -q -- "$SECRET" "$OUT" "$ERR"; then fail "the password was printed"; fi; }

start_redis open; OPEN=$REDIS_PORT
run "$HC" "redis://127.0.0.1:$OPEN"
expect_rc 0; expect_json
check '.metrics.checks[0] | .kind == "redis" and .status == "healthy" and .redis.role == "master" and .redis.connected_slaves == 0'
check '.metrics.checks[0].latency_ms > 0 and .metrics.checks[0].http_status == null'
run "$HC" --format text "cache=redis://127.0.0.1:$OPEN/2"
expect_rc 0
grep -q "redis: role master · 0 connected replicas" "$OUT" || fail "the text report lacks the role"
run "$HC" "redis://127.0.0.1:$OPEN/99" --retries 0
expect_rc 1
check '.metrics.checks[0].error | startswith("SELECT was answered \"ERR")'

# A replica of it: its role, and the primary's count of replicas.
start_redis replica --replicaof 127.0.0.1 "$OPEN"; REPLICA=$REDIS_PORT
for _ in $(seq 100); do
  run "$HC" "redis://127.0.0.1:$OPEN"
  jq -e '.metrics.checks[0].redis.connected_slaves == 1' "$OUT" >/dev/null && break
  sleep 0.1
done
check '.metrics.checks[0].redis.connected_slaves == 1'
run "$HC" "redis://127.0.0.1:$REPLICA"
expect_rc 0
check '.metrics.checks[0].redis.role == "slave"'

# --wait applies as to any check: a Redis that comes up 1 s late is waited for.
LATE=$((OPEN + 2)); while (exec 3<>"/dev/tcp/127.0.0.1/$LATE") 2>/dev/null; do LATE=$((LATE + 1)); done
mkdir -p "$WORK/late"
( sleep 1; exec redis-server --port "$LATE" --bind 127.0.0.1 --daemonize no --save "" --appendonly no --dir "$WORK/late" ) \
  >"$WORK/late.log" 2>&1 &
on_exit "kill $! 2>/dev/null"
run "$HC" "late=redis://127.0.0.1:$LATE" --wait $((20 * TIME_SCALE))s --interval 200ms --timeout 1s
expect_rc 0
check '.metrics.checks[0] | .status == "healthy" and .attempts > 1 and .time_to_healthy_ms >= 900'

# requirepass: no password (NOAUTH), the right one (from the URL, as :password and user:password),
# a wrong one (WRONGPASS); the password is never printed.
start_redis auth --requirepass "$SECRET"; AUTH=$REDIS_PORT
run "$HC" "redis://127.0.0.1:$AUTH" --retries 0
expect_rc 1
check '.metrics.checks[0].error | startswith("PING was answered \"NOAUTH")'
run "$HC" "redis://:$SECRET@127.0.0.1:$AUTH/0" -v
expect_rc 0
check '.metrics.checks[0].status == "healthy" and .metrics.checks[0].redis.role == "master"'
no_secret
run "$HC" "redis://default:$SECRET@127.0.0.1:$AUTH"
expect_rc 0
no_secret
run "$HC" "redis://:wrong-$SECRET@127.0.0.1:$AUTH" --retries 0 -v
expect_rc 1
check '.metrics.checks[0].error | startswith("AUTH was answered \"WRONGPASS")'
no_secret
run "$HC" --format text "cache=redis://:wrong-$SECRET@127.0.0.1:$AUTH" --retries 0
no_secret

# Not Redis: nginx (an HTTP answer), garbage, a hang (cut at the timeout), a closed port.
start_nginx health_only_conf
start_fault garbage; GARBAGE=$FAULT_PORT
start_fault hang; HANG=$FAULT_PORT
FREE=$((OPEN + 1)); while (exec 3<>"/dev/tcp/127.0.0.1/$FREE") 2>/dev/null; do FREE=$((FREE + 1)); done
run timeout $((30 * TIME_SCALE)) "$HC" --check "nginx=redis://127.0.0.1:$NGINX_PORT" --check "garbage=redis://127.0.0.1:$GARBAGE" \
  --check "hang=redis://127.0.0.1:$HANG" --check "closed=redis://127.0.0.1:$FREE" --timeout 500ms --retries 0
expect_rc 1
check '[.metrics.checks[].status] | unique == ["unhealthy"]'
check '.metrics.checks[0].error | startswith("not a Redis server: not a RESP reply: it starts with \"HTTP/1.1 400")'
check '.metrics.checks[1].error | startswith("not a Redis server")'
check '.metrics.checks[2].error == "timed out waiting for the answer to PING" and .metrics.checks[2].latency_ms >= 490'
check '.metrics.checks[3].error | test("cannot connect to 127.0.0.1:[0-9]+: Connection refused")'
check 'all(.metrics.checks[]; .redis == null or .redis.role == null)'

# URLs refused before any attempt (exit 2), the password redacted.
for bad in "rediss://127.0.0.1:$AUTH" "redis://127.0.0.1:$AUTH/x" "redis://user@127.0.0.1" "redis://:$SECRET@127.0.0.1:0"; do
  run "$HC" "$bad"
  expect_rc 2 "$bad"
  no_secret
done
grep -q "rediss://" "$ERR" || true
