# ready-scan's command line: help, version, rule listing, output options, usage errors.
source "$(dirname "$0")/lib.sh"

run "$SCAN" --help
expect_rc 0; grep -q -- "--fail-on" "$OUT" || fail "--help lists no --fail-on"

run "$SCAN" --version
expect_rc 0; grep -qE '^ready-scan [0-9]+\.[0-9]+\.[0-9]+$' "$OUT" || fail "bad --version"

run "$SCAN" --list-rules
expect_rc 0; expect_json
check '.readygate == 1 and .tool == "scan" and (.rules | length) >= 40'
check '[.rules[] | select(.category == "performance")] | length >= 6'
check 'all(.rules[]; (.id | length) > 0 and (.fix | length) > 0 and (.cwe | length) > 0)'

mkdir -p "$WORK/src"
printf 'x = eval(input())\n' > "$WORK/src/app.py"

run "$SCAN" "$WORK/src" -o "$WORK/out.json" -q
expect_rc 0; expect_no_stdout
[ ! -s "$ERR" ] || fail "-q should leave stderr empty"
expect_json "$WORK/out.json"
[ "$(wc -l < "$WORK/out.json")" -eq 1 ] || fail "compact output is one line"

run "$SCAN" "$WORK/src" --pretty
expect_rc 0; expect_json
[ "$(wc -l < "$OUT")" -gt 10 ] || fail "--pretty output should span lines"
check '.summary.files == 1 and .findings[0].rule == "py.eval-parameter"'

run "$SCAN" "$WORK/src" --progress always
expect_rc 0; expect_json   # progress goes to stderr only, stdout stays JSON

for args in "--no-such-flag" "--fail-on severe" "--min-severity" "--max-file-size 5Q" "--shard 5/4" \
            "--progress sometimes" "--enable-only no.such.rule" "-j many" "--jobs 5000"; do
  # shellcheck disable=SC2086
  run "$SCAN" "$WORK/src" $args
  expect_rc 2 "$args"
  expect_no_stdout
  grep -q "^ready-scan: error: " "$ERR" || fail "no error message for $args"
done
