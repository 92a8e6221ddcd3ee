# Hostile input (issue 11, "a secret printed in full"): credentials in every place a user puts
# them — a token as a URL's whole userinfo, user:password, credential query parameters, and
# header values in every spelling of the flag and under names no keyword list knows — never
# reach any output: envelopes, stderr, --explain, the score, SARIF, JUnit, Code Quality,
# Markdown or annotations, on success or on error.
source "$(dirname "$0")/lib.sh"
BENCH="$READYGATE_BENCH"; HC="$READYGATE_HEALTHCHECK"; SCORE="$READYGATE_SCORE"
command -v nginx >/dev/null || { echo "nginx is not installed: skipped"; exit 77; }
PORT=$("$READYGATE_SOURCE/scripts/example-service.sh" start "$WORK/svc")
on_exit '"$READYGATE_SOURCE/scripts/example-service.sh" stop "$WORK/svc"'
cd "$WORK"
T=rgSECRETtoken0123456789   # every credential below contains it; no output may
mkdir out

# no_secret FILE...: none of the files holds the token.
no_secret() {
  local f
  for f in "$@"; do
    if grep -q "$T" "$f"; then
      echo "--- $f:" >&2; grep -n "$T" "$f" | cut -c1-200 | head -5 >&2
      fail "a credential reached $f"
    fi
  done
}

# A token alone as userinfo, user:password, a credential query parameter, and header values
# under names without a keyword, spelt -H V, -HV, --header=V, --head=V, -vH V; a body.
bench_run() {
  run "$BENCH" --url "http://$T@127.0.0.1:$PORT/health" --url "http://user:pw$T@127.0.0.1:$PORT/health?api_key=q$T" \
    -n 20 -c 2 -H "Ocp-Apim-Subscription-Key: o$T" "-HCookie: c$T" "--header=X-Honeycomb-Team: x$T" \
    "--head=X-Access-Key: a$T" -vH "X-Other: v$T" --body "{\"password\": \"b$T\"}" -X POST --threshold 'p95<10s'
  expect_rc 0; expect_json
  cp "$OUT" out/bench.json; cp "$ERR" out/bench.err
  check '.run.args | length == 21'
  check '.target == "http://****@127.0.0.1:'"$PORT"'/health"'
  check '.metrics.endpoints[1].name == "POST /health?api_key=****"'
  check '[.metrics.endpoints[].url] == ["http://****@127.0.0.1:'"$PORT"'/health", "http://****:****@127.0.0.1:'"$PORT"'/health?api_key=****"]'
  no_secret out/bench.json out/bench.err
}
hostile_case "bench: URL userinfo without a colon, query credentials, header values in every spelling" bench_run

health_run() {
  run "$HC" --check "api=http://$T@127.0.0.1:$PORT/health" --check "down=http://u:$T@127.0.0.1:1/?token=$T" \
    --retries 0 --timeout 2s "-HX-Access-Key: k$T" --audit-headers
  expect_rc 1; expect_json
  cp "$OUT" out/health.json; cp "$ERR" out/health.err
  check '[.metrics.checks[].target] == ["http://****@127.0.0.1:'"$PORT"'/health", "http://****:****@127.0.0.1:1/?token=****"]'
  no_secret out/health.json out/health.err
}
hostile_case "healthcheck: the same, on a healthy and a refused check" health_run

downstream() {
  [ -s out/bench.json ] && [ -s out/health.json ] || fail "needs the bench and health envelopes of the cases above"
  run "$SCORE" out/bench.json out/health.json --explain -o out/score.json
  expect_rc 1
  cp "$ERR" out/score.err
  run "$READYGATE_REPORT" out/score.json --sarif out/r.sarif --junit out/r.xml --codequality out/r.cq.json \
    --markdown out/r.md --annotations
  expect_rc 0
  cp "$OUT" out/annotations.txt; cp "$ERR" out/report.err
  [ -s out/r.md ] && [ -s out/r.xml ] && [ -s out/annotations.txt ] || fail "a report format is missing"
  no_secret out/*
}
hostile_case "score --explain, SARIF, JUnit, Code Quality, Markdown, annotations" downstream

# Errors name the input without its credentials: a scheme refused, a malformed header (all
# value), a header in a scenario file, a health config's check.
errors() {
  printf '{"endpoints": [{"url": "http://127.0.0.1:%s/", "headers": ["%s"]}], "phases": [{"name": "p", "requests": 1}]}' "$PORT" "$T" > scenario.json
  printf '{"checks": [{"name": "c", "url": "ftp://u:%s@127.0.0.1/", "headers": ["X-Key: %s"]}]}' "$T" "$T" > checks.json
  local cmd
  for cmd in "$BENCH --url ftp://$T@127.0.0.1/" "$BENCH --url http://127.0.0.1:$PORT/ -H $T" "$BENCH --scenario scenario.json" \
             "$HC -c checks.json" "$HC --check x=gopher://$T@127.0.0.1/" "$HC --check x=http://127.0.0.1/ -H no-colon-$T"; do
    # shellcheck disable=SC2086
    run $cmd
    expect_rc 2 "$cmd"
    no_secret "$ERR" "$OUT"
  done
}
hostile_case "error messages" errors
cases_done
