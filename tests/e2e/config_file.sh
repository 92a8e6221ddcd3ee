# readygate.toml as a user meets it: found from a subfolder, each program reading its section,
# flags over the file, exclude and disable silencing what CI flagged, errors with file:line:column,
# --print-config saying where each setting came from, and no secret in any of it.
source "$(dirname "$0")/lib.sh"
SCORE=$READYGATE_SCORE BENCH=$READYGATE_BENCH HEALTHCHECK=$READYGATE_HEALTHCHECK
KEY="AK""IA""Q7XW2MJD""4TR5ZK3V"

mkdir -p "$WORK/repo/src/deep" "$WORK/repo/legacy" "$WORK/repo/spec" && cd "$WORK/repo"
git init -q .
printf 'import os\n\ndef run(cmd):\n    os.system(cmd)\n' > src/deep/tasks.py
printf 'import pickle\n\ndef load(data):\n    return pickle.loads(data)\n' > legacy/old.py
printf 'AWS_ACCESS_KEY_ID = "%s"\n' "$KEY" > src/settings.py
printf 'import os\nos.system("ls " + name)\n' > spec/test_run.py
git add -A && git commit -qm init

run "$SCAN" .
expect_rc 0
check '[.findings[].location.path] | index("legacy/old.py") != null'
check '[.findings[] | select(.rule | startswith("py.command-injection"))] | length == 2'

# The rule CI flagged is disabled and the legacy folder excluded, from the file alone.
rule=$(jq -r '[.findings[] | select(.location.path == "src/deep/tasks.py")][0].rule' "$OUT")
cat > readygate.toml <<EOF
# readygate settings for this repository
[scan]
exclude = ["legacy/**"]
disable = ["$rule"]
roles = ["test=spec/**"]
fail-on = "high"

[score]
min-score = 90

[bench]
header = ["Authorization: Bearer secret-token-value"]
threshold = ["p95<250ms"]
EOF
git add readygate.toml && git commit -qm config
run "$SCAN" .
expect_rc 1 "fail-on high from the file: the key is still there"
check '[.findings[].location.path] | index("legacy/old.py") == null'
check '[.findings[] | select(.rule == "'"$rule"'")] | length == 0'
check '[.findings[] | select(.location.path == "spec/test_run.py")] | all(.role == "test")'

# Found from a subfolder of the work tree, paths still relative to where ready-scan runs.
(cd src/deep && run "$SCAN" . && expect_rc 0 "nothing left in src/deep" && check '.summary.findings == 0') || exit 1
(cd src/deep && run "$SCAN" --print-config && expect_rc 0 && grep -q '^exclude = \["legacy/\*\*"\]  # \.\./\.\./readygate\.toml:3:1$' "$OUT") ||
  fail "--print-config from a subfolder: $(cat "$OUT")"

# A flag wins over the file; exclude and disable add to it; --no-config ignores the file.
run "$SCAN" . --fail-on critical
expect_rc 1 "an AWS key is critical"
run "$SCAN" . --exclude 'src/settings.py' --fail-on critical
expect_rc 0 "the flag's exclude adds to the file's"
check '[.findings[].location.path] | (index("legacy/old.py") == null and index("src/settings.py") == null)'
run "$SCAN" . --no-config
expect_rc 0
check '[.findings[].location.path] | index("legacy/old.py") != null'
run "$SCAN" --print-config --fail-on medium --exclude 'x/**'
expect_rc 0
grep -q "^fail-on = \"medium\"  # flag, over readygate.toml:6:1$" "$OUT" || fail "fail-on from the flag: $(cat "$OUT")"
grep -q '^exclude = \["x/\*\*", "legacy/\*\*"\]  # readygate\.toml:3:1 + flag$' "$OUT" || fail "exclude from both"
grep -q '^no-git = false  # default$' "$OUT" || fail "defaults are shown"

# Every program reads its own section; secrets in the file are not printed.
run "$SCORE" --print-config
expect_rc 0
grep -q '^min-score = 90  # readygate\.toml:9:1$' "$OUT" || fail "score's section: $(cat "$OUT")"
run "$BENCH" --print-config
expect_rc 0
grep -q '^threshold = \["p95<250ms"\]  # readygate\.toml:13:1$' "$OUT" || fail "bench's section: $(cat "$OUT")"
grep -q 'Authorization: \*\*\*\*' "$OUT" || fail "the header is shown redacted"
grep -q 'secret-token-value' "$OUT" "$ERR" && fail "a header value from the file was printed"
run "$HEALTHCHECK" --print-config
expect_rc 0
grep -q '^# configuration file\|configuration file: readygate.toml' "$OUT" || fail "healthcheck names the file"
run "$REPORT" --print-config
expect_rc 0

# The score's policy inline, and the file's min-score below a flag's.
printf '{"readygate":1,"tool":"scan","target":".","summary":{"findings":0},"checks":[],"findings":[]}\n' > "$WORK/scan.json"
run "$SCORE" "$WORK/scan.json"
expect_rc 0
check '.score.min == 90'
run "$SCORE" "$WORK/scan.json" --min-score 10
check '.score.min == 10'
cat > "$WORK/inline.toml" <<'EOF'
[score.policy]
min_score = 75

[[score.policy.categories]]
name = "security"
weight = 1
kind = "findings"
tools = ["scan"]
finding_categories = ["secrets", "security"]
points = { critical = 40, high = 15, medium = 5, low = 1, info = 0 }
EOF
run "$SCORE" --config "$WORK/inline.toml" --print-policy
expect_rc 0
check '.min_score == 75 and ([.categories[].name] == ["security"])'
run "$SCORE" "$WORK/scan.json" --config "$WORK/inline.toml"
expect_rc 0
check '.score.min == 75 and ([.score.categories[].name] == ["security"])'
run "$SCORE" "$WORK/scan.json" --config "$WORK/inline.toml" --policy /dev/null
expect_rc 2 "the flag's policy wins over the inline one"
expect_stderr "/dev/null: expected one policy document"
printf '[score.policy]\nmin_score = "high"\n' > "$WORK/inline.toml"
run "$SCORE" "$WORK/scan.json" --config "$WORK/inline.toml"
expect_rc 2
expect_stderr "inline.toml:1:8 [score.policy]"

# Errors: file:line:column, the known keys, exit 2, and where a bad value was set.
bad() {  # bad TOML EXPECTED...
  printf '%b' "$1" > "$WORK/bad.toml"; shift
  run "$SCAN" . --config "$WORK/bad.toml"
  expect_rc 2 "bad configuration: $(cat "$WORK/bad.toml")"
  local text; for text in "$@"; do expect_stderr "$text"; done
  expect_no_stdout
}
bad '[scan]\nexlude = ["x"]\n' "bad.toml:2:1: unknown key 'exlude' in [scan]; known keys: path, rules," "exclude"
bad '[scan]\njobs = "four"\n' "bad.toml:2:8: [scan] jobs: expected a number, got a string"
bad '[scan]\nexclude = 3\n' "bad.toml:2:11: [scan] exclude: expected a string, got an integer"
bad '[sacn]\n' "bad.toml:1:2: unknown section [sacn]; known sections: scan, bench, healthcheck, score, report"
bad '[scan\n' "bad.toml:1:6:"
bad '[scan]\nmin-severity = "severe"\n' "--min-severity:" "(set at $WORK/bad.toml:2:1)"
bad '[scan]\nbaseline = "missing.json"\n' "../missing.json: cannot open"
run "$SCAN" . --config "$WORK/none.toml"
expect_rc 2
expect_stderr "--config: cannot read"
cp readygate.toml .readygate.toml
run "$SCAN" .
expect_rc 2
expect_stderr "two configuration files in one folder"
rm .readygate.toml

# Outside a work tree only the working folder is looked at.
mkdir -p "$WORK/plain/sub" && printf '[scan]\nfail-on = "info"\n' > "$WORK/plain/readygate.toml"
printf 'import pickle\n\ndef load(data):\n    return pickle.loads(data)\n' > "$WORK/plain/sub/a.py"
(cd "$WORK/plain/sub" && run "$SCAN" . && expect_rc 0 "no file is read from above a folder outside git") || exit 1
(cd "$WORK/plain" && run "$SCAN" sub && expect_rc 1 "fail-on info from the folder's file") || exit 1
# The documented example is one every program takes, and its scan section names real rules.
mkdir -p "$WORK/example/ci" && cp "$READYGATE_SOURCE/examples/config/readygate.toml" "$WORK/example/"
cat > "$WORK/example/ci/readygate-rules.json" <<'EOF'
{"rules": [{"id": "team.todo-ship", "title": "A shipping blocker", "category": "quality", "severity": "low",
  "pattern": "DO_NOT_SHIP", "message": "Marked as not to ship.", "fix": "Finish it."}]}
EOF
printf 'DO_NOT_SHIP = True\n' > "$WORK/example/app.py"
: > "$WORK/example/ci/reviewed.readygateignore"
for program in "$SCAN" "$BENCH" "$HEALTHCHECK" "$SCORE" "$REPORT"; do
  (cd "$WORK/example" && run "$program" --print-config && expect_rc 0 "$program --print-config on the example") || exit 1
done
(cd "$WORK/example" && run "$SCAN" . && expect_rc 0 "the example's scan section" &&
  check '[.findings[].rule] == ["team.todo-ship"]') || exit 1
echo "config_file: ok"
