# Inside a git work tree: .gitignore respected, --diff-base for pull requests, and baselines.
source "$(dirname "$0")/lib.sh"
command -v git >/dev/null || { echo "git is not installed: skipped"; exit 77; }

R="$WORK/repo"
mkdir -p "$R/src"
cd "$R"
git init -q
git config user.email t@example.invalid
git config user.name t
printf 'build.log\ngenerated/\n' > .gitignore
printf 'def old(y):\n    return eval(y)\n' > src/app.py
mkdir -p generated && printf 'eval(x)\n' > generated/out.py
printf 'eval(x)\n' > build.log
git add -A && git commit -qm base

run "$SCAN" .
expect_rc 0; expect_json
check '[.findings[].location.path] == ["src/app.py"]'
cp "$OUT" "$WORK/baseline.json"

# A change: the old finding moves down two lines, a new one is added, a new file appears.
printf 'import os\n\ndef old(y):\n    return eval(y)\n\ndef new(x):\n    return eval(x)\n' > src/app.py
printf 'exec(code)\n' > src/untracked.py

run "$SCAN" . --diff-base HEAD
expect_rc 0; expect_json
check '[.findings[] | "\(.location.path):\(.location.line)"] == ["src/app.py:7", "src/untracked.py:1"]'

run "$SCAN" . --baseline "$WORK/baseline.json" --fail-on medium
expect_rc 1; expect_json
check '.summary.new == 2'
check '[.findings[] | select(.baseline_state == "unchanged") | .location.line] == [4]'

# Suppress the new findings: the gate passes again, and the suppressions are counted.
printf 'import os\n\ndef old(y):\n    return eval(y)\n\ndef new(x):\n    return eval(x)  # ready:ignore[py.eval-parameter]\n' > src/app.py
printf '# nosec\nexec(code)\n' > src/untracked.py
run "$SCAN" . --baseline "$WORK/baseline.json" --fail-on medium
expect_rc 0; expect_json
check '.summary.suppressed == 2 and .summary.new == 0'

run "$SCAN" . --diff-base no-such-ref
expect_rc 2; expect_no_stdout; expect_stderr "--diff-base no-such-ref: not a commit in this clone"
