# GitHub's SARIF limits: at most 25,000 results per run, the file under 10 MB gzipped; and the
# Markdown summary under 1 MiB — with 30,000 findings of long messages going in.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
jq -n '{readygate: 1, tool: "scan", version: "0.1.0",
        findings: [range(30000) | {rule: "rule.\(. % 40)", title: "A title", message: ("m" * 150),
                   severity: (["critical","high","medium","low","info"][. % 5]), category: "security",
                   fix: ("f" * 150), cwe: ["CWE-89"], fingerprint: "fp\(.)",
                   location: {path: "src/dir/file\(. % 500).py", line: (. + 1), column: 1, end_line: (. + 1),
                              end_column: 20, snippet: ("s" * 200)}}]}' > big.json
run "$REPORT" big.json --sarif big.sarif --markdown big.md --codequality big.cq.json --junit big.xml
expect_rc 0
check '.runs[0].results | length == 25000' big.sarif
# 6,000 of each severity in; the 5,000 left out are all info, the least severe.
check '[.runs[0].results[].level] | group_by(.) | map({(.[0]): length}) | add == {"error": 12000, "warning": 6000, "note": 7000}' big.sarif
check '.runs[0].invocations[0].toolExecutionNotifications[0].message.text | startswith("5000 less severe")' big.sarif
size=$(gzip -c big.sarif | wc -c)
[ "$size" -lt $((10 * 1024 * 1024)) ] || fail "SARIF is $size bytes gzipped"
[ "$(wc -c < big.md)" -le $((1024 * 1024)) ] || fail "Markdown over 1 MiB"
check 'length == 30000' big.cq.json
if have_schemas; then validate_junit big.xml; fi
echo "30,000 findings: SARIF $(wc -c < big.sarif) bytes, $size gzipped; Markdown $(wc -c < big.md) bytes"
