# Helpers for the end-to-end tests: each test is a bash script that drives the built binaries
# only through argv, stdin, stdout, files and exit codes. ctest sets READYGATE_BIN (the folder
# of the binaries) and READYGATE_SOURCE (the repository).
set -euo pipefail

: "${READYGATE_BIN:?set READYGATE_BIN to the folder holding ready-scan}"
: "${READYGATE_SOURCE:?set READYGATE_SOURCE to the repository root}"
SCAN="$READYGATE_BIN/ready-scan"
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
