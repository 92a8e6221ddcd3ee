# Bad input: missing paths, broken rules files. Each is a clear message and exit code 2.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/src"
printf 'def run(x):\n    return eval(x)\n' > "$WORK/src/a.py"

run "$SCAN" "$WORK/does-not-exist"
expect_rc 2; expect_no_stdout; expect_stderr "does-not-exist: No such file or directory"

printf '{"rules": [{"id": "x.bad", "title": "t", "category": "security", "severity": "high",\n  "pattern": "(unclosed", "message": "m"}]}\n' > "$WORK/bad-regex.json"
run "$SCAN" "$WORK/src" --rules "$WORK/bad-regex.json"
expect_rc 2; expect_no_stdout
expect_stderr 'rule "x.bad": field "pattern": invalid regular expression'

printf '{"rules": [\n  {"id": "x.a",\n   "title": "t",,\n' > "$WORK/bad-json.json"
run "$SCAN" "$WORK/src" --rules "$WORK/bad-json.json"
expect_rc 2; expect_no_stdout
expect_stderr "bad-json.json:3:"
expect_stderr "malformed JSON"

printf '{"rules": [{"id": "x.a", "title": "t", "category": "security", "severity": "urgent", "pattern": "a", "message": "m"}]}' > "$WORK/bad-field.json"
run "$SCAN" "$WORK/src" --rules "$WORK/bad-field.json"
expect_rc 2; expect_stderr 'field "severity"'

run "$SCAN" "$WORK/src" --rules "$WORK/no-such-rules.json"
expect_rc 2; expect_stderr "no-such-rules.json: cannot open"

printf '{"readygate": 7, "tool": "scan"}' > "$WORK/future.json"
run "$SCAN" "$WORK/src" --baseline "$WORK/future.json"
expect_rc 2; expect_stderr "unsupported envelope version"

# A valid custom rule works, replaces nothing, and runs with the built-ins.
printf '{"rules": [{"id": "team.no-todo", "title": "TODO left", "category": "quality", "severity": "info", "pattern": "TODO", "message": "m", "in": ["comment"]}]}' > "$WORK/team.json"
printf '# TODO: remove\n' > "$WORK/src/b.py"
run "$SCAN" "$WORK/src" --rules "$WORK/team.json"
expect_rc 0; expect_json
check '[.findings[].rule] | sort == ["py.eval-parameter", "team.no-todo"]'
run "$SCAN" "$WORK/src" --rules "$WORK/team.json" --no-builtin-rules
expect_rc 0; check '[.findings[].rule] == ["team.no-todo"]'
# Without "in", a code rule looks at code only: the TODO in a comment is not for it.
sed 's/, "in": \["comment"\]//' "$WORK/team.json" > "$WORK/team-code.json"
run "$SCAN" "$WORK/src" --rules "$WORK/team-code.json" --no-builtin-rules
expect_rc 0; check '.findings == []'
printf '{"rules": [{"id": "x.a", "title": "t", "category": "quality", "severity": "info", "pattern": "a", "message": "m", "in": ["prose"]}]}' > "$WORK/bad-in.json"
run "$SCAN" "$WORK/src" --rules "$WORK/bad-in.json"
expect_rc 2; expect_stderr 'field "in": expected code, comment, string or docstring, got "prose"'
