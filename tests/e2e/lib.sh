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

WORK=$(mktemp -d "${TMPDIR:-/tmp}/readygate-e2e-XXXXXX")
chmod 755 "$WORK"
trap 'chmod -R u+rwX "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
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

# validate_sarif FILE: against the official SARIF 2.1.0 JSON schema (python3-jsonschema).
validate_sarif() {
  local python=python3
  "$python" -c "import jsonschema" 2>/dev/null || python=/usr/bin/python3
  "$python" - "$READYGATE_SCHEMAS/sarif-schema-2.1.0.json" "$1" <<'PY' || fail "SARIF does not validate: $1"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator(schema).validate(json.load(open(sys.argv[2])))
PY
}

# validate_junit FILE: against junit-10.xsd with xmllint.
validate_junit() {
  xmllint --noout --schema "$READYGATE_SCHEMAS/junit-10.xsd" "$1" 2>"$WORK/.xmllint" \
    || { cat "$WORK/.xmllint" >&2; fail "JUnit does not validate: $1"; }
}
