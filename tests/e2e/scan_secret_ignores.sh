# The markers and ignore files users of other secret scanners already have: gitleaks:allow,
# detect-secrets' pragmas, .gitleaksignore, and ready-scan's own .readygateignore. Each
# suppresses (counted in summary.suppressed, never dropped); unreadable entries are warned about.
# Secrets are assembled from parts so that this repository holds no live-looking credential.
source "$(dirname "$0")/lib.sh"
KEY="AK""IA""Q7XW2MJD""4TR5ZK3V"
mkdir -p "$WORK/repo/config" && cd "$WORK/repo"
{
  printf 'AWS_ACCESS_KEY_ID = "%s"  # gitleaks:allow\n' "$KEY"
  printf 'AWS_ACCESS_KEY_ID_2 = "%s"  # pragma: allowlist secret\n' "$KEY"
  printf '# pragma: allowlist nextline secret\nAWS_ACCESS_KEY_ID_3 = "%s"\n' "$KEY"
  printf 'AWS_ACCESS_KEY_ID_4 = "%s"\n' "$KEY"
} > settings.py
printf 'AWS_ACCESS_KEY_ID=%s\n' "$KEY" > config/.env

run "$SCAN" . --no-git --fail-on high
expect_rc 1 "two keys are not marked"
check '[.findings[] | select(.suppressed | not) | "\(.location.path):\(.location.line)"] | sort == ["config/.env:1", "settings.py:5"]'
check '.summary.suppressed == 3'

# .gitleaksignore names config/.env:1 (its rule id is gitleaks', not ours); .readygateignore the
# other by fingerprint. Both are read from the folder ready-scan runs in.
printf '# reviewed: a rotated key\nconfig/.env:aws-access-token:1\nnot an entry\n' > .gitleaksignore
fingerprint=$(jq -r '.findings[] | select(.location.line == 5) | .fingerprint' "$OUT")
printf '%s  # settings.py, rotated 2026-11\n' "$fingerprint" > .readygateignore
run "$SCAN" . --no-git --fail-on high
expect_rc 0 "every key is ignored"
check '.summary.suppressed == 5 and ([.findings[] | select(.suppressed | not)] | length) == 0'
grep -q '\.gitleaksignore:3: not a gitleaks fingerprint' "$ERR" || fail "the unreadable .gitleaksignore line is not warned about: $(cat "$ERR")"
grep -q "$KEY" "$OUT" "$ERR" && fail "the key was printed whole"

# --ignore-file names lists kept elsewhere: the same entries, read by their format's name.
mkdir -p "$WORK/lists"
mv .readygateignore "$WORK/lists/reviewed.readygateignore"
mv .gitleaksignore "$WORK/lists/team.gitleaksignore"
run "$SCAN" . --no-git --fail-on high
expect_rc 1 "without the lists two keys are open again"
run "$SCAN" . --no-git --fail-on high --ignore-file "$WORK/lists/reviewed.readygateignore" \
  --ignore-file "$WORK/lists/team.gitleaksignore"
expect_rc 0 "the named lists ignore both keys"
check '.summary.suppressed == 5'
run "$SCAN" . --no-git --ignore-file "$WORK/lists/missing"
expect_rc 2 "a named list that cannot be read"
exit 0
