# The scenario (ready-bench --scenario) and health-check (ready-healthcheck -c) file formats:
# every example validates against schemas/*.schema.json and is read by the program's own parser,
# and files that break the format are refused by both, so that schema and parser cannot drift.
source "$(dirname "$0")/lib.sh"
: "${READYGATE_BENCH:?}" "${READYGATE_HEALTHCHECK:?}"
cd "$WORK"

python=python3
"$python" -c "import jsonschema; jsonschema.Draft202012Validator" 2>/dev/null || python=/usr/bin/python3

# schema_verdicts SCHEMA FILE...: one line per file, "FILE valid" or "FILE invalid: first error"
# (one Python for many files: it is the slow part of this test).
schema_verdicts() {
  "$python" - "$READYGATE_SOURCE/schemas/$1" "${@:2}" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
for name in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(name))), key=str)
    print(name, "valid" if not errors else "invalid: " + errors[0].message[:200])
PY
}

# The parsers run on the real programs. Nothing listens on this port (a fresh socket's port,
# closed again), so connections are refused at once: a file the parser accepts gets as far as
# sending (its envelope counts every phase, endpoint and check of the file), one it refuses
# stops with exit 2 before any request.
closed_port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$closed_port"

bench_parses() {  # FILE: a scenario the parser accepts starts its load, stopped by SIGINT (exit 3, partial)
  run timeout --preserve-status -s INT $((2 * TIME_SCALE)) "$READYGATE_BENCH" --scenario "$1" --base-url "$base" -q
}
health_parses() {
  run "$READYGATE_HEALTHCHECK" -c "$1" --base-url "$base" -q
}

scenarios=("$READYGATE_SOURCE"/examples/scenarios/*.json)
checks_files=("$READYGATE_SOURCE"/examples/service/healthchecks.json "$READYGATE_SOURCE"/examples/checks/*.json)
[ "${#scenarios[@]}" -ge 2 ] && [ "${#checks_files[@]}" -ge 2 ] || fail "the examples are missing"

schema_verdicts scenario.schema.json "${scenarios[@]}" > verdicts
schema_verdicts checks.schema.json "${checks_files[@]}" >> verdicts
if grep -v ' valid$' verdicts; then fail "an example does not validate: $(grep -v ' valid$' verdicts)"; fi
for f in "${scenarios[@]}"; do
  bench_parses "$f"
  [ "$RC" -ne 2 ] || fail "ready-bench refused $f"
  check ".tool == \"bench\" and .summary.phases == $(jq '.phases | length' "$f") and
    .summary.endpoints == $(jq '.endpoints | length' "$f")"
done
for f in "${checks_files[@]}"; do
  health_parses "$f"
  [ "$RC" -le 1 ] || fail "ready-healthcheck refused $f (exit $RC)"
  check ".tool == \"healthcheck\" and (.checks | length) == $(jq '.checks | length' "$f")"
done

# Files that break the format: the schema and the parser both refuse each one. refused_by_both
# writes the file and runs the parser; the schema's verdicts on all of them are checked at the end.
refused=()
refused_by_both() {  # SCHEMA NAME JSON EXPECTED-STDERR
  local schema=$1 name=$2 document=$3 message=$4
  printf '%s\n' "$document" > "$name.${schema%%.*}.json"
  refused+=("$name.${schema%%.*}.json")
  if [ "$schema" = scenario.schema.json ]; then bench_parses "$name.scenario.json"; else health_parses "$name.checks.json"; fi
  expect_rc 2 "$name"
  expect_stderr "$message"
}

E='"endpoints": [{"url": "/health"}]'
refused_by_both scenario.schema.json no-phases "{$E}" 'a scenario needs at least one phase'
refused_by_both scenario.schema.json both-ends \
  "{$E, \"phases\": [{\"name\": \"p\", \"requests\": 10, \"duration\": \"5s\"}]}" 'not both'
refused_by_both scenario.schema.json never-ends "{$E, \"phases\": [{\"name\": \"p\", \"rate\": 5}]}" \
  'every run must end by itself'
refused_by_both scenario.schema.json unknown-field \
  "{$E, \"phases\": [{\"name\": \"p\", \"requests\": 1, \"threads\": 4}]}" 'unknown field "threads"'
refused_by_both scenario.schema.json misspelt-metric \
  "{$E, \"phases\": [{\"name\": \"p\", \"requests\": 1}], \"thresholds\": [\"p96<100ms\"]}" "unknown metric 'p96'"
refused_by_both scenario.schema.json latency-unit \
  "{$E, \"phases\": [{\"name\": \"p\", \"requests\": 1}], \"thresholds\": [\"p95<100%\"]}" 'a latency takes ms or s'
refused_by_both scenario.schema.json zero-timeout \
  "{\"timeout\": \"0s\", $E, \"phases\": [{\"name\": \"p\", \"requests\": 1}]}" 'must be more than 0'
refused_by_both scenario.schema.json status-range \
  '{"endpoints": [{"url": "/", "expect_status": 700}], "phases": [{"name": "p", "requests": 1}]}' \
  'a whole number from 100 to 599'
refused_by_both scenario.schema.json ftp-url \
  '{"endpoints": [{"url": "ftp://h/x"}], "phases": [{"name": "p", "requests": 1}]}' "unsupported scheme 'ftp'"
refused_by_both scenario.schema.json fraction-of-a-client \
  "{$E, \"phases\": [{\"name\": \"p\", \"requests\": 1, \"concurrency\": 1.5}]}" 'a whole number from 1 to 100000'
refused_by_both scenario.schema.json fraction-of-a-request \
  "{$E, \"phases\": [{\"name\": \"p\", \"requests\": 2.5}]}" 'field "requests": expected a whole number'
refused_by_both scenario.schema.json bad-header \
  '{"endpoints": [{"url": "/", "headers": ["no colon"]}], "phases": [{"name": "p", "requests": 1}]}' \
  "expected 'Name: value'"

refused_by_both checks.schema.json no-checks '{"checks": []}' 'a config needs at least one check'
refused_by_both checks.schema.json unknown-field '{"checks": [{"name": "a", "url": "/", "expect": 200}]}' \
  'unknown field "expect"'
refused_by_both checks.schema.json no-url '{"checks": [{"name": "a"}]}' 'field "url": is required'
refused_by_both checks.schema.json tcp-no-port '{"checks": [{"name": "db", "url": "tcp://127.0.0.1"}]}' \
  'needs a port from 1 to 65535'
refused_by_both checks.schema.json tcp-body \
  '{"checks": [{"name": "db", "url": "tcp://127.0.0.1:5432", "body_contains": "ok"}]}' 'it has no body to match'
refused_by_both checks.schema.json ftp-url '{"checks": [{"name": "a", "url": "ftp://h/x"}]}' "unsupported scheme 'ftp'"
refused_by_both checks.schema.json retries '{"retries": 101, "checks": [{"name": "a", "url": "/"}]}' \
  'a whole number from 0 to 100'
refused_by_both checks.schema.json json-no-equals \
  '{"checks": [{"name": "a", "url": "/", "json": {"path": "status"}}]}' 'field "equals": is required'
refused_by_both checks.schema.json status-pair \
  '{"checks": [{"name": "a", "url": "/", "expect_status": [200, 299, 300]}]}' 'or a range ([200, 299])'
refused_by_both checks.schema.json zero-timeout '{"checks": [{"name": "a", "url": "/", "timeout": 0}]}' \
  'must be more than 0'
refused_by_both checks.schema.json query-not-postgres \
  '{"checks": [{"name": "db", "url": "tcp://127.0.0.1:5432", "query": "select 1"}]}' 'only a postgres:// check runs a query'
refused_by_both checks.schema.json empty-query \
  '{"checks": [{"name": "db", "url": "postgres://127.0.0.1:5432/app", "query": ""}]}' 'field "query": must not be empty'
refused_by_both checks.schema.json rediss '{"checks": [{"name": "cache", "url": "rediss://127.0.0.1:6379"}]}' \
  'rediss:// (Redis over TLS) is not supported'
refused_by_both checks.schema.json redis-body \
  '{"checks": [{"name": "cache", "url": "redis://127.0.0.1:6379", "body_contains": "PONG"}]}' 'it has no body to match'

schema_verdicts scenario.schema.json $(printf '%s\n' "${refused[@]}" | grep scenario) > refused-verdicts
schema_verdicts checks.schema.json $(printf '%s\n' "${refused[@]}" | grep checks) >> refused-verdicts
[ "$(wc -l < refused-verdicts)" -eq "${#refused[@]}" ] || fail "not every refused file was validated"
if grep ' valid$' refused-verdicts; then fail "the schema accepts what the parser refuses: $(grep ' valid$' refused-verdicts)"; fi

# null is the same as a field left out, for the schema and the parser alike.
printf '{"timeout": null, "checks": [{"name": "a", "url": "/", "latency_budget": null}]}\n' > nulls.json
[ "$(schema_verdicts checks.schema.json nulls.json)" = "nulls.json valid" ] || fail "the schema refuses nulls"
health_parses nulls.json
[ "$RC" -le 1 ] || fail "ready-healthcheck refused nulls (exit $RC)"
