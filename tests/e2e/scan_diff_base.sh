# ready-scan --diff-base auto and --history auto: the pull/merge request's base from the CI's
# environment (GitHub: origin/$GITHUB_BASE_REF; GitLab: $CI_MERGE_REQUEST_DIFF_BASE_SHA), fetched
# into a shallow clone when missing; outside a request, every line and no history.
source "$(dirname "$0")/lib.sh"
command -v git >/dev/null || { echo "git is not installed: skipped"; exit 77; }
unset GITHUB_BASE_REF CI_MERGE_REQUEST_DIFF_BASE_SHA

# origin: main has an old eval; the branch feature adds one and a key it removes again.
R="$WORK/origin"
mkdir -p "$R" && cd "$R"
git init -q -b main
printf 'def old(y):\n    return eval(y)\n' > app.py
git add app.py && git commit -qm base
base=$(git rev-parse HEAD)
git checkout -q -b feature
printf 'def old(y):\n    return eval(y)\n\ndef new(x):\n    return eval(x)\n' > app.py
printf 'STRIPE_KEY = "sk_live_%s"\n' "4eC39HqLyjWDarjtT1zdp7dc" > pay.py
git add app.py pay.py && git commit -qm feature
git rm -q pay.py && git commit -qm "remove the key"
git checkout -q main
printf '# main moves on\n' > NEWS && git add NEWS && git commit -qm news

git clone -q --branch feature "$R" "$WORK/full"
git clone -q --depth=1 --branch feature "file://$R" "$WORK/shallow"

# lines: the findings' lines in app.py.
lines() { jq -c '[.findings[] | select(.location.path == "app.py") | .location.line]' "$OUT"; }

for clone in full shallow; do
  cd "$WORK/$clone"
  GITHUB_BASE_REF=main run "$SCAN" . --diff-base auto
  expect_rc 0 "$clone: GitHub"
  [ "$(lines)" = "[5]" ] || fail "$clone: GitHub pull request: only the changed line: $(lines)"
  expect_stderr "--diff-base auto: scanning only lines changed since origin/main"
  CI_MERGE_REQUEST_DIFF_BASE_SHA=$base run "$SCAN" . --diff-base auto
  expect_rc 0 "$clone: GitLab"
  [ "$(lines)" = "[5]" ] || fail "$clone: GitLab merge request: only the changed line: $(lines)"
done
git -C "$WORK/shallow" rev-parse -q --verify origin/main >/dev/null || fail "the base was not fetched into the shallow clone"

cd "$WORK/full"
# Outside a request: every line, said once.
run "$SCAN" . --diff-base auto
expect_rc 0
[ "$(lines)" = "[2,5]" ] || fail "outside a request: every line: $(lines)"
[ "$(grep -c 'not in a pull or merge request' "$ERR")" -eq 1 ] || fail "said more than once, or not at all"
run "$SCAN" . --diff-base none -q
[ "$(lines)" = "[2,5]" ] || fail "none: every line"
# A base that cannot be found: auto warns and scans every line; an explicit REF is exit 2.
CI_MERGE_REQUEST_DIFF_BASE_SHA=0123456789abcdef0123456789abcdef01234567 run "$SCAN" . --diff-base auto
expect_rc 0
[ "$(lines)" = "[2,5]" ] || fail "a missing base: every line: $(lines)"
expect_stderr "is not in this clone and cannot be fetched"
run "$SCAN" . --diff-base origin/no-such-branch
expect_rc 2; expect_no_stdout; expect_stderr "--diff-base origin/no-such-branch: not a commit in this clone"

# --history auto: the request's commits (the key added and removed), nothing outside a request.
GITHUB_BASE_REF=main run "$SCAN" --history auto
expect_rc 0
check '[.findings[] | .location.path] == ["pay.py"] and .findings[0].commit.count == 1'
! grep -q 4eC39HqLyjWDarjtT1zdp7dc "$OUT" "$ERR" || fail "the key leaked"
# A shallow clone has only its newest commit: base..HEAD is that one (the base is fetched).
cd "$WORK/shallow"
CI_MERGE_REQUEST_DIFF_BASE_SHA=$base run "$SCAN" --history auto
expect_rc 0; expect_json
expect_stderr "--history auto: scanning the commits since $base"
run "$SCAN" --history auto
expect_rc 0; expect_json
check '.tool == "scan" and .findings == [] and .summary.findings == 0'
expect_stderr "--history auto: not in a pull or merge request"
run "$SCAN" --history auto HEAD
expect_rc 2; expect_stderr "--history auto: not with other revisions"
