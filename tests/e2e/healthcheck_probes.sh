# ready-healthcheck against the example service (nginx on 127.0.0.1) and misbehaving servers:
# expectations, TCP, refused, hanging (timeout honoured), garbage, a service that comes up late
# (--wait), the header audit, redaction and usage errors.
source "$(dirname "$0")/lib.sh"
HC="$READYGATE_HEALTHCHECK"
command -v nginx >/dev/null || { echo "nginx is not installed: skipped"; exit 77; }
cd "$WORK"
PORT=$("$READYGATE_SOURCE/scripts/example-service.sh" start "$WORK/svc")
on_exit '"$READYGATE_SOURCE/scripts/example-service.sh" stop "$WORK/svc"'
on_exit '"$READYGATE_SOURCE/scripts/example-service.sh" stop "$WORK/late"'
BASE="http://127.0.0.1:$PORT"

# The example config: every check healthy.
run "$HC" -c "$READYGATE_SOURCE/examples/service/healthchecks.json" --base-url "$BASE"
expect_rc 0; expect_json
check '.summary.healthy == 5 and ([.checks[].status] | unique) == ["pass"]'
check '[.metrics.checks[] | select(.name == "health")][0] | .http_status == 200 and .attempts == 1 and .kind == "http" and .tls == null'

# Expectations that do not hold: critical -> exit 1, non-critical -> a warning only.
cat > expect.json <<JSON
{"base_url": "$BASE", "retries": 0, "checks": [
  {"name": "field", "url": "/api/health", "json": {"path": "redis", "equals": "down"}},
  {"name": "status", "url": "/api/admin/purge", "critical": false},
  {"name": "regex", "url": "/metrics", "body_regex": "^nothing$", "critical": false},
  {"name": "budget", "url": "/api/jobs/search", "latency_budget": "1ms"},
  {"name": "db", "url": "tcp://127.0.0.1:$PORT"}]}
JSON
run "$HC" -c expect.json
expect_rc 1
check '[.metrics.checks[] | {(.name): .status}] | add == {"field": "unhealthy", "status": "unhealthy", "regex": "unhealthy", "budget": "degraded", "db": "healthy"}'
check '.metrics.checks[0].error == "\"redis\" is \"ok\", expected \"down\""'
check '.metrics.checks[1].error == "status 401, expected 200–399"'
check '[.checks[].status] == ["fail", "warn", "warn", "warn", "pass"]'
check '.summary.critical_unhealthy == 1'

# Refused, hanging (the timeout is honoured), garbage; retries counted.
start_fault hang; HANG=$FAULT_PORT
start_fault garbage; GARBAGE=$FAULT_PORT
run "$HC" --check refused=tcp://127.0.0.1:1 --check hang=http://127.0.0.1:$HANG/ --check garbage=http://127.0.0.1:$GARBAGE/ \
  --timeout 400ms --retries 1
expect_rc 1
check '[.metrics.checks[] | .status] | unique == ["unhealthy"]'
check '[.metrics.checks[] | .attempts] == [2, 2, 2]'
check '.metrics.checks[1].error | test("[Tt]imed? ?out")'
check '.metrics.checks[1].latency_ms >= 390 and .metrics.checks[1].latency_ms < 5000'
check '.metrics.checks[0].error | test("[Cc]onnect")'

# --wait: a service that comes up 2 s late is waited for; attempts and time to healthy are told.
LATE_PORT=$((PORT + 1)); while (exec 3<>"/dev/tcp/127.0.0.1/$LATE_PORT") 2>/dev/null; do LATE_PORT=$((LATE_PORT + 1)); done
( sleep 2; "$READYGATE_SOURCE/scripts/example-service.sh" start "$WORK/late" "$LATE_PORT" >/dev/null ) &
run "$HC" --check late=http://127.0.0.1:$LATE_PORT/health --wait 20s --interval 250ms --timeout 1s
expect_rc 0
check '.metrics.checks[0].status == "healthy" and .metrics.checks[0].attempts > 2'
check '.metrics.checks[0].time_to_healthy_ms >= 1500'
# ...and one that never comes up: the wait ends by itself.
run "$HC" --check never=tcp://127.0.0.1:1 --wait 1s --interval 200ms
expect_rc 1
check '.metrics.checks[0].attempts >= 3'

# The header audit: the example service sends none of the headers, and names its version.
run "$HC" --check api=$BASE/health --audit-headers
expect_rc 0
check '[.findings[].rule] | sort == ["headers.content-type-options", "headers.csp", "headers.frame-protection", "headers.referrer-policy", "headers.version-disclosure"]'
check 'all(.findings[]; .target == "'"$BASE"'/health" and (.fix | length) > 0 and (has("location") | not))'

# Unnamed URLs, positional or --check URL: named by host and path (no credentials, no query).
run "$HC" "http://admin:hunter2pass@127.0.0.1:$PORT/health?token=q1u2e3r4y" --check "tcp://127.0.0.1:$PORT" --check "api=$BASE/health"
expect_rc 0; expect_json
check '[.metrics.checks[].name] | sort == ["127.0.0.1:'"$PORT"'", "127.0.0.1:'"$PORT"'/health", "api"]'
check 'all(.metrics.checks[]; .status == "healthy")'
if grep -q "hunter2pass" "$OUT" "$ERR"; then fail "a credential leaked"; fi

# Credentials never appear; usage errors are exit 2.
run "$HC" --check "api=http://admin:hunter2pass@127.0.0.1:$PORT/health" -H "Authorization: Bearer s3cr3t-t0ken" -v
expect_rc 0
if grep -qE "hunter2pass|s3cr3t-t0ken" "$OUT" "$ERR"; then fail "a credential leaked"; fi
for bad in "--check ftp=ftp://127.0.0.1/" "--check nameless" "--check db=tcp://127.0.0.1" "--check x=http://h --timeout 0s" "" \
           "--check a=http://h --check a=http://i" "h/health" "http://h/a http://h/a"; do
  # shellcheck disable=SC2086
  run "$HC" $bad
  expect_rc 2 "$bad"; expect_no_stdout
done
printf '{"checks": [{"name": "x", "url": "/a", "body_regex": "(["}], "base_url": "http://h"}' > bad.json
run "$HC" -c bad.json
expect_rc 2; expect_stderr 'field "body_regex": invalid regular expression'

# 100 checks at once against a server that never answers: every one times out on its own
# timeout (how long the whole takes is measured in docs/PERFORMANCE.md, not asserted here).
start_fault hang; MANY=$FAULT_PORT
ARGS=(); for i in $(seq 100); do ARGS+=(--check "c$i=http://127.0.0.1:$MANY/"); done
run "$HC" "${ARGS[@]}" --timeout 500ms --retries 0
expect_rc 1
check '(.metrics.checks | length) == 100 and ([.metrics.checks[] | .attempts] | unique) == [1]'
check '[.metrics.checks[] | .error | test("[Tt]imed? ?out")] | all'
