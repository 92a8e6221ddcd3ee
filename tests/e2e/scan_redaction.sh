# Secrets never appear in full: not on stdout, not on stderr, not in -o files, not with -v.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/src"
GH="ghp_R7tK2mX9qL4vB8nZ3wY6pD1sF5hJ0cG2aE7u"
AWS="AKIA2OGYBAH6STMMNXNN"
PW="v9Qm2Lx7Rk4TzW8n"
cat > "$WORK/src/config.py" <<PY
GITHUB_TOKEN = "$GH"
DATABASE_URL = "postgres://app:$PW@db:5432/app"
print("$AWS", "$GH")  # two secrets on one line, and a print finding
PY

run "$SCAN" "$WORK/src" -v -o "$WORK/out.json"
expect_rc 0
expect_json "$WORK/out.json"
for secret in "$GH" "$AWS" "$PW" "${GH:4:10}" "${PW:4:8}"; do
  if grep -qF -- "$secret" "$OUT" "$ERR" "$WORK/out.json"; then
    fail "a secret (or a piece of one past its first 4 characters) leaked: $secret"
  fi
done
check '[.findings[] | select(.category == "secrets")] | length == 4' "$WORK/out.json"
check '[.findings[] | select(.category == "secrets") | .severity] | unique == ["critical"]' "$WORK/out.json"
check 'any(.findings[]; .rule == "py.debug-print" and (.location.snippet | contains("ghp_****")))' "$WORK/out.json"
