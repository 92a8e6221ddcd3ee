# ready-scan --history and --staged on real git repositories made here: a key added in one
# commit and removed in the next is found, with its commit; the same key in several commits is
# one finding with a count; ranges, --all, bad revisions; the index, not the work tree.
# The key is assembled from parts so that this repository holds no live-looking credential.
source "$(dirname "$0")/lib.sh"
command -v git >/dev/null || { echo "git is not installed: skipped"; exit 77; }
KEY="AK""IA""Q7XW2MJD""4TR5ZK3V"
repo="$WORK/repo"
mkdir -p "$repo" && cd "$repo"
git init -q -b main . && git config user.email dev@example.org && git config user.name "Dev One"
commit() { git add -A && git commit -qm "$1"; }
printf 'x = 1\n' > app.py && commit one
base=$(git rev-parse HEAD)
git checkout -q -b feature
printf 'x = 1\nAWS_ACCESS_KEY_ID = "%s"\n' "$KEY" > app.py && commit "add a key"
added=$(git rev-parse HEAD)
printf 'x = 1\n' > app.py && commit "remove it again"
mkdir -p src && printf 'KEY = "%s"\n' "$KEY" > src/copy.py && commit "copy it"
git rm -q src/copy.py && git commit -qm "and remove the copy"

# The work tree is clean: a plain scan finds nothing; the history finds the key.
run "$SCAN" . --fail-on high
expect_rc 0 "the work tree holds no key"
run "$SCAN" --history --fail-on high
expect_rc 1 "the key is in the history"; expect_json
check '.target == "git history: HEAD" and (.findings | length) == 1'
check ".findings[0] | .rule == \"secret.aws-access-key-id\" and .location.path == \"app.py\" and .location.line == 2
       and .commit.id == \"$added\" and .commit.author == \"$(git log -1 --format='%an <%ae>' "$added")\" and .commit.count == 2"
check '.findings[0].commit.date | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T")'
fingerprint=$(jq -r '.findings[0].fingerprint' "$OUT")
grep -q "$KEY" "$OUT" "$ERR" && fail "the key was printed whole"

# SARIF places the finding at its path and names the commit in the message and properties.
cp "$OUT" "$WORK/history.json"
run "$READYGATE_REPORT" "$WORK/history.json" --sarif "$WORK/history.sarif"
expect_rc 0
check ".runs[0].results[0] | (.message.text | contains(\"added in commit ${added:0:12}\") and contains(\"in 2 commits\"))
       and .properties.commit == \"$added\" and .properties.commits == 2
       and .locations[0].physicalLocation.artifactLocation.uri == \"app.py\"" "$WORK/history.sarif"

# A pull request's commits: base..head. Stable fingerprints across runs.
run "$SCAN" --history "$base..feature"
expect_rc 0; check "(.findings | length) == 1 and .findings[0].fingerprint == \"$fingerprint\""
run "$SCAN" --history "$added..feature"
expect_rc 0; check '[.findings[] | [.location.path, .commit.count]] == [["src/copy.py", 1]]'
# Only the main branch: nothing; --all: every ref.
run "$SCAN" --history main
expect_rc 0; check '.findings == []'
git checkout -q main
run "$SCAN" --history --all
expect_rc 0; check '(.findings | length) == 1'
# The code rules do not run on history unless asked.
printf 'def f(x):\n    return eval(x)\n' > ev.py && commit "eval"
run "$SCAN" --history main
expect_rc 0; check '.findings == []'
run "$SCAN" --history main --enable-only py.eval-parameter
expect_rc 0; check '[.findings[].rule] == ["py.eval-parameter"]'

run "$SCAN" --history no-such-ref
expect_rc 2 "unknown revision"; expect_no_stdout; expect_stderr "--history: git log failed"
run "$SCAN" --all
expect_rc 2 "--all without --history"; expect_stderr "--all: only with --history"

# --staged: what the index holds, on the lines it changes; the work tree may differ.
printf 'TOKEN = "%s"\n' "$KEY" > staged.py && git add staged.py
printf 'TOKEN = None\n' > staged.py
printf 'OTHER = "%s"\n' "$KEY" > unstaged.py
run "$SCAN" --staged --fail-on high
expect_rc 1 "the index holds a key"
check '.target == "git index (staged)" and [.findings[] | "\(.location.path):\(.location.line)"] == ["staged.py:1"]'
# --exclude and the default excludes hold for the index as for the work tree.
run "$SCAN" --staged --fail-on high --exclude staged.py
expect_rc 0 "staged.py excluded"; check '.summary.skipped.excluded == 1'
mkdir -p node_modules/dep && printf 'K = "%s"\n' "$KEY" > node_modules/dep/index.js && git add -f node_modules/dep/index.js
run "$SCAN" --staged --exclude staged.py
check '.findings == [] and .summary.skipped.excluded == 2'
git reset -q node_modules
git reset -q staged.py
run "$SCAN" --staged --fail-on high
expect_rc 0 "nothing staged"
cd "$WORK"
run "$SCAN" --staged
expect_rc 2 "outside a repository"; expect_stderr "--staged: not inside a git work tree"
exit 0
