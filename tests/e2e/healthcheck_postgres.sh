# ready-healthcheck's postgres:// probe against a real PostgreSQL on loopback, started here (as
# the postgres user when root: PostgreSQL refuses root): accepting, no response (a wrong port, a
# hanging server, a stopped one), rejecting (shutting down), authentication from PGPASSWORD and
# from the URL, a wrong password (unhealthy, never printed), a query's latency, a failed query,
# and a slow query cut at the check's timeout.
source "$(dirname "$0")/lib.sh"
HC="$READYGATE_HEALTHCHECK"
unset PGPASSWORD PGUSER PGHOST PGPORT PGDATABASE PGSERVICE PGPASSFILE
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || fail "PostgreSQL is not installed: scripts/install-deps.sh test installs it"
command -v psql >/dev/null || fail "psql is not installed (postgresql-client): scripts/install-deps.sh test installs it"
cd "$WORK"
SECRET=pg-s3cret-hunter2
if [ "$(id -u)" -eq 0 ]; then
  OWNER=postgres; id postgres >/dev/null 2>&1 || OWNER=nobody
  as_owner() { runuser -u "$OWNER" -- "$@"; }
else
  OWNER=$(id -un)
  as_owner() { "$@"; }
fi
mkdir -p pg sock; : > pg.log
printf '%s\n' "$SECRET" > pw
chown "$OWNER" pg sock pw pg.log
as_owner "$PGBIN/initdb" -D "$WORK/pg" -U app --pwfile="$WORK/pw" --auth-local=trust --auth-host=scram-sha-256 \
  >initdb.log 2>&1 || fail "initdb failed: $(tail -n 5 initdb.log)"
# The port: a free one, another when the first is taken.
for _ in 1 2 3 4 5; do
  PORT=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && continue
  if as_owner "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -t 60 \
       -o "-p $PORT -k $WORK/sock -c listen_addresses=127.0.0.1" start >/dev/null 2>&1; then
    STARTED=1; break
  fi
done
[ "${STARTED:-0}" = 1 ] || fail "PostgreSQL did not start: $(tail -n 5 "$WORK/pg.log" 2>/dev/null)"
on_exit 'as_owner "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1'
URL="postgres://app@127.0.0.1:$PORT/postgres"
no_secret() { if grep -q -- "$SECRET" "$OUT" "$ERR"; then fail "the password was printed"; fi; }

# Accepting, without a password: PQping needs none.
run "$HC" "$URL"
expect_rc 0; expect_json
check '.metrics.checks[0] | .kind == "postgres" and .status == "healthy" and .postgres.server == "accepting"'
check '.metrics.checks[0].postgres.connect_ms > 0 and .metrics.checks[0].postgres.query_ms == null'
check '.metrics.checks[0].http_status == null and .metrics.checks[0].tls == null'
run "$HC" --format text "db=$URL"
expect_rc 0
grep -q "postgres: accepting" "$OUT" || fail "the text report does not say accepting"

# A wrong port: no response, retried like any check; not critical: a warning only.
FREE=$((PORT + 1)); while (exec 3<>"/dev/tcp/127.0.0.1/$FREE") 2>/dev/null; do FREE=$((FREE + 1)); done
run "$HC" "postgres://app@127.0.0.1:$FREE/postgres" --retries 1
expect_rc 1
check '.metrics.checks[0] | .status == "unhealthy" and .attempts == 2 and .postgres.server == "no response"'
check '.metrics.checks[0].error | startswith("the server could not be contacted: ")'
cat > optional.json <<JSON
{"retries": 0, "checks": [{"name": "replica", "url": "postgres://127.0.0.1:$FREE", "critical": false},
                          {"name": "primary", "url": "$URL"}]}
JSON
run "$HC" -c optional.json
expect_rc 0
check '[.checks[].status] == ["warn", "pass"]'

# Credentials from PGPASSWORD, and a query: its latency is the check's, the connection's is apart.
cat > query.json <<JSON
{"retries": 0, "checks": [{"name": "pg", "url": "$URL", "query": "select 1"}]}
JSON
PGPASSWORD=$SECRET run "$HC" -c query.json -v
expect_rc 0
check '.metrics.checks[0] | .status == "healthy" and .postgres.server == "accepting" and .postgres.query_ms > 0'
check '.metrics.checks[0] | .latency_ms == .postgres.query_ms and .postgres.connect_ms > 0'
no_secret
# ...and from the URL (percent-encoded as URLs are), shown redacted.
run "$HC" "pg=postgres://app:$SECRET@127.0.0.1:$PORT/postgres" -v
expect_rc 0
check '.metrics.checks[0].status == "healthy" and (.metrics.checks[0].target | test("app:\\*\\*\\*\\*@|\\*\\*\\*\\*:\\*\\*\\*\\*@"))'
no_secret
# A wrong password: unhealthy with libpq's message, with or without a query; never printed.
run "$HC" "pg=postgres://app:wrong-$SECRET@127.0.0.1:$PORT/postgres" --retries 0
expect_rc 1
check '.metrics.checks[0].postgres.server == "accepting"'
check '.metrics.checks[0].error | test("password authentication failed")'
no_secret
PGPASSWORD=wrong-$SECRET run "$HC" -c query.json
expect_rc 1
check '.metrics.checks[0].error | test("password authentication failed")'
no_secret
# Without a password and with a query, the server asks for one: unhealthy, and it says so.
run "$HC" -c query.json
expect_rc 1
check '.metrics.checks[0].error | test("password")'

# A failed query, and a slow one cut at the timeout (the run bounded well before the sleep).
cat > bad-query.json <<JSON
{"retries": 0, "checks": [{"name": "bad", "url": "postgres://app:$SECRET@127.0.0.1:$PORT/postgres", "query": "select * from no_such_table"},
  {"name": "slow", "url": "postgres://app:$SECRET@127.0.0.1:$PORT/postgres", "query": "select pg_sleep(30)", "timeout": "1s"}]}
JSON
started=$SECONDS
run timeout $((25 * TIME_SCALE)) "$HC" -c bad-query.json
expect_rc 1
[ $((SECONDS - started)) -lt 20 ] || fail "the slow query was waited for"
check '.metrics.checks[0].error | test("^the query failed: ERROR: +relation \"no_such_table\" does not exist")'
# Our deadline comes first; under load the server's statement_timeout (the same 1 s, from later) may.
check '.metrics.checks[1].error | test("^the query did not finish within 1000 ms$|canceling statement due to statement timeout")'
check '.metrics.checks[1].latency_ms >= 990'
no_secret

# A server that accepts and never answers: no response at the timeout.
start_fault hang
run "$HC" "postgres://app@127.0.0.1:$FAULT_PORT/postgres" --timeout 500ms --retries 0
expect_rc 1
check '.metrics.checks[0] | .postgres.server == "no response" and .error == "no response within 500 ms" and .latency_ms >= 490'

# Parameters libpq cannot read: exit 2 before any attempt, the URL redacted.
for bad in "postgres://app:$SECRET@127.0.0.1:$PORT/postgres?nonsense=1" "postgres://[::1"; do
  run "$HC" "$bad"
  expect_rc 2 "$bad"
  no_secret
done

# Shutting down (a smart shutdown waits for a session): rejecting, in PostgreSQL's words.
PGPASSWORD=$SECRET psql -h 127.0.0.1 -p "$PORT" -U app -d postgres -c "select pg_sleep(20)" >/dev/null 2>&1 &
SESSION=$!
on_exit "kill $SESSION 2>/dev/null"
for _ in $(seq 100); do
  PGPASSWORD=$SECRET psql -h 127.0.0.1 -p "$PORT" -U app -d postgres -Atc "select count(*) from pg_stat_activity where query like '%pg_sleep(20)%' and pid <> pg_backend_pid()" 2>/dev/null | grep -q '^1$' && break
  sleep 0.1
done
as_owner "$PGBIN/pg_ctl" -D "$WORK/pg" -m smart -W stop >/dev/null 2>&1
REJECTED=0
for _ in $(seq 50); do
  run "$HC" "$URL" --retries 0
  if jq -e '.metrics.checks[0].postgres.server == "rejecting"' "$OUT" >/dev/null; then REJECTED=1; break; fi
  sleep 0.1
done
[ "$REJECTED" = 1 ] || fail "a server shutting down was not rejecting"
expect_rc 1
check '.metrics.checks[0].error | startswith("the server is running but is in a state that disallows connections")'
check '.metrics.checks[0].error | test("shutting down")'

# Stopped: no response.
kill "$SESSION" 2>/dev/null || true
as_owner "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1 || true
run "$HC" "$URL" --retries 0
expect_rc 1
check '.metrics.checks[0].postgres.server == "no response"'
