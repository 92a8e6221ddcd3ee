# The .pre-commit-hooks.yaml at the repository root, through Debian's pre-commit, offline: a
# hook repository by file path holding a copy of it, a project using both hooks, and real
# `git commit`s that the hooks block or let through.
source "$(dirname "$0")/lib.sh"
command -v git >/dev/null || { echo "git is not installed: skipped"; exit 77; }
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (apt-get install pre-commit): skipped"; exit 77; }
[ -n "$REPORT" ] || { echo "READYGATE_REPORT is not set: skipped"; exit 77; }

# The hooks are `language: system`: they find ready-scan and ready-report on PATH, the built ones
# first. pre-commit's cache, HOME and git's config are all scratch; git may use no protocol but
# file, so nothing can reach the network (the hook repository is a path).
export PATH="$(dirname "$SCAN"):$(dirname "$REPORT"):$PATH"
export PRE_COMMIT_HOME="$WORK/pre-commit-home" HOME="$WORK/home"
export GIT_CONFIG_NOSYSTEM=1 GIT_ALLOW_PROTOCOL=file
export PRE_COMMIT_COLOR=never
mkdir -p "$HOME"
[ "$(command -v ready-scan)" = "$SCAN" ] || fail "PATH finds $(command -v ready-scan), not $SCAN"

# The hook repository: the manifest as it is in this tree (committed or not), in a repository
# of its own; the project pins its commit, as `pre-commit autoupdate` would.
HOOKS="$WORK/readygate-hooks"
git init -q "$HOOKS"
cp "$READYGATE_SOURCE/.pre-commit-hooks.yaml" "$HOOKS/"
git -C "$HOOKS" add .pre-commit-hooks.yaml
git -C "$HOOKS" commit -qm hooks
REV=$(git -C "$HOOKS" rev-parse HEAD)
run pre-commit validate-manifest "$HOOKS/.pre-commit-hooks.yaml"
expect_rc 0 "the manifest validates"

P="$WORK/project"
git init -q "$P"
cd "$P"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $HOOKS
    rev: $REV
    hooks:
      - id: readygate-secrets
      - id: readygate-scan
YAML
run timeout $((60 * TIME_SCALE)) pre-commit install
expect_rc 0 "pre-commit install"
[ -x .git/hooks/pre-commit ] || fail "pre-commit install wrote no .git/hooks/pre-commit"

# commit MESSAGE: git commit through the installed hook, bounded in time. git sends a hook's
# stdout to stderr: pre-commit's whole output is $LOG.
LOG="$WORK/.hooks"
commit() {
  run timeout $((60 * TIME_SCALE)) git commit -qm "$1"
  [ "$RC" -ne 124 ] || fail "git commit timed out"
  cat "$OUT" "$ERR" >"$LOG"
}
head_is() { [ "$(git log -1 --format=%s)" = "$1" ] || fail "HEAD is \"$(git log -1 --format=%s)\", not \"$1\""; }

# The first commit: the config and a clean file; both hooks run (the repository has no HEAD yet).
printf 'def add(a, b):\n    return a + b\n' > app.py
git add .pre-commit-config.yaml app.py
commit "clean start"
expect_rc 0 "a clean first commit"
head_is "clean start"
grep -qE '^readygate secrets\.+Passed' "$LOG" || fail "the secrets hook did not pass"
grep -qE '^readygate scan\.+Passed' "$LOG" || fail "the scan hook did not pass"
grep -qF "Initializing environment for $HOOKS" "$LOG" || fail "pre-commit did not use the hook repository by path"

# A synthetic AWS access key id, assembled here so that this repository holds none.
KEY="AK""IA""Q7XW2MJD""4TR5ZK3V"
printf 'AWS_ACCESS_KEY_ID = "%s"\n' "$KEY" > settings.py
git add settings.py
commit "add settings"
expect_rc 1 "a staged key blocks the commit"
head_is "clean start"
grep -qE '^readygate secrets\.+Failed' "$LOG" || fail "the secrets hook did not fail"
grep -qE '^readygate scan\.+Failed' "$LOG" || fail "the scan hook (all rules) did not fail too"
grep -qF -- '- exit code: 1' "$LOG" || fail "a hook failed with another exit code than 1"
grep -qF '| critical | `settings.py:1` | `secret.aws-access-key-id` |' "$LOG" || fail "the output does not name the finding"
grep -qF '| ❌ | scan | No findings at or above medium |' "$LOG" || fail "the output does not name the failed check"
! grep -qF "$KEY" "$LOG" || fail "the key is printed in full"

# The key removed from the index, but still in the work tree (settings.py untracked), and another
# one in a tracked file's unstaged change: neither is being committed, so neither blocks.
git rm -q --cached settings.py
printf 'def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n' > app.py
git add app.py
printf '\nKEY = "%s"\n' "$KEY" >> app.py
commit "add sub"
expect_rc 0 "keys only in the work tree do not block"
head_is "add sub"
[ "$(git show HEAD:app.py | grep -c KEY)" -eq 0 ] || fail "the unstaged key was committed"
grep -qF "$KEY" app.py || fail "pre-commit did not restore the unstaged change"
git checkout -q app.py
rm settings.py

# The full-scan hook alone: a high-severity injection blocks it, not the secrets hook.
printf 'import os\n\n\ndef listing(name):\n    os.system("ls " + name)\n' > tools.py
git add tools.py
commit "add tools"
expect_rc 1 "an injection blocks the commit"
head_is "add sub"
grep -qE '^readygate secrets\.+Passed' "$LOG" || fail "the secrets hook should pass on an injection"
grep -qE '^readygate scan\.+Failed' "$LOG" || fail "the scan hook did not fail"
grep -qF '| high | `tools.py:5` | `py.command-injection.shell-call` |' "$LOG" || fail "the output does not name the injection"
git rm -q --cached tools.py && rm tools.py

# Below a hook's threshold: a Sentry DSN is a low finding, the hooks let it through.
printf 'SENTRY_DSN = "https://%s@o123456.ingest.sentry.io/4504202342336512"\n' "0123456789abcdef0123456789abcdef" > monitoring.py
git add monitoring.py
run "$SCAN" --staged --enable-only secrets
check '[.findings[] | .severity] == ["low"]'
commit "add monitoring"
expect_rc 0 "a low finding is below both thresholds"
head_is "add monitoring"

# Only the lines a commit adds count: a key committed past the hooks (--no-verify) does not
# block a later commit that changes another line of the same file.
printf 'AWS_ACCESS_KEY_ID = "%s"\nREGION = "eu-west-1"\n' "$KEY" > settings.py
git add settings.py
run timeout $((60 * TIME_SCALE)) git commit -qm "key past the hooks" --no-verify
expect_rc 0 "--no-verify"
printf 'AWS_ACCESS_KEY_ID = "%s"\nREGION = "eu-central-1"\n' "$KEY" > settings.py
git add settings.py
commit "change region"
expect_rc 0 "a line already in HEAD does not block"
head_is "change region"

# args: are passed on to ready-scan (here a role that leaves fixtures out; --staged does not
# apply --exclude), and a bad one is exit code 2.
printf 'TOKEN = "%s"\n' "$KEY" > fixture_key.py
git add fixture_key.py
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $HOOKS
    rev: $REV
    hooks:
      - id: readygate-secrets
        args: [--role, 'vendored=fixture_*.py']
YAML
git add .pre-commit-config.yaml
commit "fixture, excluded"
expect_rc 0 "args: --role reaches ready-scan"
head_is "fixture, excluded"
sed -i "s/args: .*/args: [--no-such-flag]/" .pre-commit-config.yaml
git add .pre-commit-config.yaml
commit "bad args"
expect_rc 1 "a bad argument fails the commit"
grep -qF -- '- exit code: 2' "$LOG" || fail "a bad argument is not exit code 2"
grep -qF -- "--no-such-flag" "$LOG" || fail "the error does not name the bad argument"
head_is "fixture, excluded"
echo "ok: pre-commit $(pre-commit --version | cut -d' ' -f2): both hooks block, pass and scan only the index"
