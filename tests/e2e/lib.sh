# Helpers for the end-to-end tests: each test is a bash script that drives the built binaries
# only through argv, stdin, stdout, files and exit codes. ctest sets READYGATE_SCAN and
# READYGATE_REPORT (the binaries), READYGATE_SOURCE (the repository) and READYGATE_SCHEMAS
# (../shared/schemas, which a user's clone does not have).
set -euo pipefail

: "${READYGATE_SCAN:?set READYGATE_SCAN to the ready-scan binary}"
: "${READYGATE_SOURCE:?set READYGATE_SOURCE to the repository root}"
SCAN="$READYGATE_SCAN"
REPORT="${READYGATE_REPORT:-}"
export NO_COLOR=1
# Commits the tests make need an identity; a fresh machine has no global one.
export GIT_AUTHOR_NAME=readygate-test GIT_AUTHOR_EMAIL=test@readygate.invalid
export GIT_COMMITTER_NAME=readygate-test GIT_COMMITTER_EMAIL=test@readygate.invalid

WORK=$(mktemp -d "${TMPDIR:-/tmp}/readygate-e2e-XXXXXX")
chmod 755 "$WORK"
CLEANUP=()
# on_exit COMMAND: run COMMAND when the test ends, however it ends (servers it started, …).
on_exit() { CLEANUP+=("$1"); }
cleanup() {
  local command
  for command in "${CLEANUP[@]}"; do eval "$command" || true; done
  if [ -f "$WORK/nginx.pid" ]; then
    # nginx writes into $WORK while it shuts down: wait for it, or rm races with it.
    local pid; pid=$(cat "$WORK/nginx.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  chmod -R u+rwX "$WORK" 2>/dev/null || true
  rm -rf "$WORK" || true
}
trap cleanup EXIT
OUT="$WORK/.stdout"
ERR="$WORK/.stderr"
RC=0

fail() {
  echo "FAIL: $*" >&2
  echo "--- stdout (first 40 lines)" >&2; head -n 40 "$OUT" >&2 2>/dev/null || true
  echo "--- stderr (first 40 lines)" >&2; head -n 40 "$ERR" >&2 2>/dev/null || true
  exit 1
}

# run CMD ARGS... : runs with stdin from /dev/null, keeps stdout, stderr and the exit code.
run() {
  set +e
  "$@" </dev/null >"$OUT" 2>"$ERR"
  RC=$?
  set -e
}

expect_rc() { [ "$RC" -eq "$1" ] || fail "expected exit code $1, got $RC (${2:-})"; }
expect_stderr() { grep -qF -- "$1" "$ERR" || fail "stderr lacks: $1"; }
expect_no_stdout() { [ ! -s "$OUT" ] || fail "stdout should be empty"; }
# expect_json [FILE]: the file (default stdout) is valid JSON.
expect_json() { jq -e . "${1:-$OUT}" >/dev/null || fail "not valid JSON: ${1:-stdout}"; }
# check 'JQ EXPRESSION' [FILE]: the expression is true on the file (default stdout).
check() { jq -e "$1" "${2:-$OUT}" >/dev/null || fail "jq check failed: $1 => $(jq -c "$1" "${2:-$OUT}" 2>&1 | head -c 300)"; }

# have_schemas: true when ../shared/schemas is there; says so when it is not.
have_schemas() {
  if [ -n "${READYGATE_SCHEMAS:-}" ] && [ -f "$READYGATE_SCHEMAS/sarif-schema-2.1.0.json" ]; then
    return 0
  fi
  echo "note: ../shared/schemas is absent (a user's clone): schema validation skipped" >&2
  return 1
}

# validate_sarif FILE: against the official SARIF 2.1.0 JSON schema (python3-jsonschema); without
# ../shared/schemas, only that it is JSON.
validate_sarif() {
  if ! have_schemas; then expect_json "$1"; return; fi
  local python=python3
  "$python" -c "import jsonschema" 2>/dev/null || python=/usr/bin/python3
  "$python" - "$READYGATE_SCHEMAS/sarif-schema-2.1.0.json" "$1" <<'PY' || fail "SARIF does not validate: $1"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator(schema).validate(json.load(open(sys.argv[2])))
PY
}

# validate_junit FILE: against junit-10.xsd with xmllint; without ../shared/schemas, only that it
# is well-formed XML.
validate_junit() {
  if ! have_schemas; then xmllint --noout "$1" || fail "JUnit is not well-formed XML: $1"; return; fi
  xmllint --noout --schema "$READYGATE_SCHEMAS/junit-10.xsd" "$1" 2>"$WORK/.xmllint" \
    || { cat "$WORK/.xmllint" >&2; fail "JUnit does not validate: $1"; }
}

# start_nginx WRITE_CONF: picks a port P, calls the shell function WRITE_CONF (which writes
# $WORK/nginx.conf listening on $P, with "pid $WORK/nginx.pid"), and starts nginx; another port
# is tried when the first is taken. Sets NGINX_PORT. nginx is stopped when the test ends.
start_nginx() {
  local attempt
  for attempt in 1 2 3 4 5; do
    P=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    "$1"
    if nginx -c "$WORK/nginx.conf" -e "$WORK/error.log" 2>/dev/null; then
      NGINX_PORT=$P
      for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$P") 2>/dev/null && return 0; sleep 0.1; done
    fi
  done
  fail "nginx did not start: $(cat "$WORK/error.log" 2>/dev/null)"
}

# health_only_conf: a WRITE_CONF for start_nginx with one endpoint, /health answering 200 JSON.
health_only_conf() {
  cat > "$WORK/nginx.conf" <<CONF
$(nginx_head)
  server {
    listen 127.0.0.1:$P;
    location = /health { default_type application/json; return 200 '{"status": "ok"}'; }
  }
}
CONF
}

# nginx's user line: root's workers must stay root to write into $WORK.
nginx_user() { [ "$(id -u)" -eq 0 ] && echo "user root;" || true; }

# nginx_head: the start of a test's nginx.conf, up to inside "http {": the user, pid, logs and
# temporary files all in $WORK. The test writes its servers and the closing brace.
nginx_head() {
  cat <<CONF
$(nginx_user)
daemon on; worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/b; proxy_temp_path $WORK/p; fastcgi_temp_path $WORK/f; uwsgi_temp_path $WORK/u; scgi_temp_path $WORK/s;
CONF
}

# start_fault MODE: a tests/support/fault_server (hang, reset, garbage); sets FAULT_PORT. It
# lives as long as the longest ctest time limit (it is killed when the test ends; the lifetime
# only ends a leaked one), never less than the test: a fixed 60 s ran out under load.
start_fault() {
  rm -f "$WORK/$1.port"
  "$READYGATE_FAULT_SERVER" "$1" "$WORK/$1.port" $((240 * TIME_SCALE)) >/dev/null 2>&1 &
  on_exit "kill $!"
  for _ in $(seq 50); do [ -s "$WORK/$1.port" ] && break; sleep 0.1; done
  FAULT_PORT=$(cat "$WORK/$1.port")
}

# hostile_case NAME FUNCTION: runs FUNCTION in a subshell, as one case of a suite of many; a
# failing case is reported with its output and counted, and the other cases still run, so one
# run shows every case that fails. End the suite with cases_done. Servers a case needs are
# started outside it (a subshell's on_exit is lost).
CASES_FAILED=0
hostile_case() {
  local started=$SECONDS
  local name=$1 rc
  shift
  set +e
  (set -e; "$@") >"$WORK/.case.log" 2>&1
  rc=$?
  set -e
  if [ "$rc" -eq 0 ]; then
    echo "ok   $name ($((SECONDS - started)) s)"
  else
    echo "FAIL $name"
    sed 's/^/     /' "$WORK/.case.log" | cut -c1-300 | head -n 30
    CASES_FAILED=$((CASES_FAILED + 1))
  fi
}
cases_done() {
  if [ "$CASES_FAILED" -ne 0 ]; then
    echo "$CASES_FAILED case(s) failed" >&2
    exit 1
  fi
}

# sanitized: true in the ASan/UBSan build, where the heaviest cases do less and ulimit -v
# cannot apply (the sanitizers reserve terabytes of address space). ctest says so
# (READYGATE_SANITIZED, set by tests/CMakeLists.txt when READYGATE_SANITIZE is ON); run by hand,
# a build folder named *asan* counts too.
sanitized() {
  [ "${READYGATE_SANITIZED:-0}" = 1 ] && return 0
  case "${READYGATE_BUILD_DIR:-}" in *asan*) return 0 ;; *) return 1 ;; esac
}
# TIME_SCALE: what a time bound inside a test (`timeout $((60 * TIME_SCALE)) …`) is multiplied
# by: a bound is a guard against a hang, proportional to the work, never a speed assertion.
if sanitized; then TIME_SCALE=5; else TIME_SCALE=1; fi
