# ready-scan's text report (--format text, the default on a terminal) against a golden file, the
# envelope unchanged through a pipe and a file, --show of earlier envelopes, and the reason
# ready-scan and ready-report give on stderr when --fail-on exits 1 (the same words for both).
source "$(dirname "$0")/lib.sh"
[ -n "$REPORT" ] || fail "READYGATE_REPORT is not set"
EXPECTED="$READYGATE_SOURCE/tests/e2e/expected/scan_text.txt"
cd "$WORK"
mkdir -p src/api src/lib tests
printf 'import os\n\n\ndef run(expr):\n    return eval(expr)\n' > src/api/app.py
printf 'def old(x):\n    return eval(x)  # ready:ignore\n' > src/lib/old.py
printf '# settings\nAWS_ACCESS_KEY_ID=AKIAJ7QW2M5RTXV3KD6B\n' > src/settings.env
printf 'def test_it():\n    assert eval(input()) == 1\n' > tests/test_app.py
# The duration is the machine's: the golden file says TIME.
normalise() { sed -E 's/, in [0-9.]+ m?s$/, in TIME/' "$1"; }

run "$SCAN" --no-config src tests --format text
expect_rc 0 "text report"
normalise "$OUT" > text.txt
diff -u "$EXPECTED" text.txt >&2 || fail "the text report differs from $EXPECTED"
grep -q AKIAJ7QW2M5RTXV3KD6B text.txt && fail "the text report shows the secret"

# A pipe, a file and --format json get the same envelope (only the run's time and args differ).
"$SCAN" --no-config src tests > piped.json
"$SCAN" --no-config src tests -o file.json
"$SCAN" --no-config src tests --format json > forced.json
strip() { jq -cS 'del(.run, .summary.duration_ms)' "$1"; }
[ "$(strip piped.json)" = "$(strip file.json)" ] && [ "$(strip piped.json)" = "$(strip forced.json)" ] ||
  fail "the envelope differs between a pipe, -o and --format json"
# The summary line counts what summary.findings counts.
n=$(jq .summary.findings piped.json)
grep -q "scanned: $n findings (" text.txt || fail "text summary does not say $n findings: $(tail -1 text.txt)"
check '.summary.suppressed == 1' piped.json

# --show: the envelopes as the same report (without the match marker: the envelope keeps no
# position in the snippet).
run "$SCAN" --show file.json
expect_rc 0 "--show"
diff -u <(grep -v '^ *^' text.txt) <(normalise "$OUT") >&2 || fail "--show differs from the report of the scan"
run "$SCAN" --show file.json --format json
expect_rc 2; expect_stderr "--show: prints text only"
run "$SCAN" --show "$WORK/none.json"
expect_rc 2

# --fail-on: exit 1, and why on stderr: the count, the threshold, the findings by severity.
run "$SCAN" --no-config src tests --fail-on high -o gated.json
expect_rc 1 "--fail-on high"
reason="1 finding at or above high (--fail-on high):
  src/settings.env:2  critical  secret.aws-access-key-id"
[ "$(sed -n '/at or above/,$p' "$ERR" | sed 's/^ready-scan: //')" = "$reason" ] || fail "ready-scan's reason: $(cat "$ERR")"
# (the test file's eval is not product code, the suppressed one is not open: neither counts)
run "$SCAN" --no-config src tests --fail-on medium -o gated.json -q
expect_rc 1
grep -qx 'ready-scan: 2 findings at or above medium (--fail-on medium):' "$ERR" || fail "-q hid the reason: $(cat "$ERR")"
run "$REPORT" gated.json --markdown summary.md --fail-on high
expect_rc 1 "ready-report --fail-on high"
[ "$(sed -n '/at or above/,$p' "$ERR" | sed 's/^ready-report: //')" = "$reason" ] || fail "ready-report's reason: $(cat "$ERR")"
run "$REPORT" gated.json --markdown summary.md --fail-on critical
expect_rc 1
run "$SCAN" --no-config src tests --fail-on critical --enable-only py.eval -o clean.json
expect_rc 0
grep -q "at or above" "$ERR" && fail "a passing --fail-on gave a reason"
echo "ok"
