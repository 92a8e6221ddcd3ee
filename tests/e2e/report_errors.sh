# ready-report on bad input and bad usage: a clear message and exit code 2 (3 when it cannot write).
source "$(dirname "$0")/lib.sh"
cd "$WORK"
printf '{"readygate": 1, "tool": "scan", "findings": []}\n' > ok.json

printf '{"readygate": 1, "tool": "scan"}\n{"readygate": 1,\n "tool": "scan", "findings": [1, 2,\n' > truncated.json
run "$REPORT" truncated.json --sarif out.sarif
expect_rc 2; expect_stderr "truncated.json:"; expect_stderr "malformed JSON"
[ ! -e out.sarif ] || fail "no output may be written for bad input"

printf '{"readygate": 1, "tool": "scan", "findings": [}' > malformed.json
run "$REPORT" malformed.json --sarif out.sarif
expect_rc 2; expect_stderr "malformed.json:1:"

printf '{"readygate": 9, "tool": "scan"}' > future.json
run "$REPORT" future.json --sarif out.sarif
expect_rc 2; expect_stderr "unsupported envelope version 9"

printf '{"readygate": 1, "tool": "scan", "findings": [{"rule": "x", "severity": "apocalyptic"}]}' > severity.json
run "$REPORT" severity.json --sarif out.sarif
expect_rc 2; expect_stderr 'unknown severity "apocalyptic"'

run "$REPORT" /dev/null --sarif out.sarif
expect_rc 2; expect_stderr "no envelopes to report on"

run "$REPORT" ok.json
expect_rc 2; expect_stderr "nothing to write"

run "$REPORT" ok.json --sarif - --markdown -
expect_rc 2; expect_stderr "only one output can go to standard output"

run "$REPORT" ok.json --no-such-flag
expect_rc 2; expect_stderr "unrecognised option"

run "$REPORT" ok.json --sarif "$WORK/missing-dir/out.sarif"
expect_rc 3; expect_stderr "cannot open for writing"

# Unknown tools are rendered, never rejected.
printf '{"readygate": 1, "tool": "my-linter", "checks": [{"id": "lint.ok", "status": "pass"}], "findings": [{"rule": "L1", "severity": "low", "message": "m", "location": {"path": "a.c", "line": 3}}]}' > custom.json
run "$REPORT" custom.json --sarif custom.sarif --junit custom.xml
expect_rc 0
check '.runs[0].tool.driver.name == "my-linter" and (.runs[0].results | length) == 1' custom.sarif
grep -q 'testsuite name="readygate.my-linter"' custom.xml || fail "no suite for the unknown tool"
