#!/usr/bin/env bash
# Times ready-report turning N findings (default 100,000) into every format at once, and its
# peak memory, over several runs; prints a Markdown table (medians) for docs/PERFORMANCE.md.
#   scripts/bench_report.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
runs=${2:-5}
report=${READY_REPORT:-build/release/bin/ready-report}
if [ ! -x "$report" ]; then
  cmake --preset release >/dev/null && cmake --build --preset release >&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Findings shaped like ready-scan's: 40 rules, 2,000 files, 200-byte snippets, all five severities.
jq -n --argjson n "$n" '{readygate: 1, tool: "scan", version: "0.1.0", target: ".",
  run: {started: "2026-11-28T00:00:00Z", duration_ms: 1000},
  findings: [range($n) | {rule: "rule.\(. % 40)", title: "Title of rule \(. % 40)",
    message: "A message that explains what is wrong and why it matters, about eighty characters.",
    severity: (["critical","high","medium","low","info"][. % 5]), category: "security",
    fix: "A fix that says what to do instead, with an example call, about eighty characters.",
    cwe: ["CWE-89"], fingerprint: "\(.)-fingerprint-0123456789abcdef", suppressed: false,
    location: {path: "src/module\(. % 2000)/file.py", line: (. % 3000 + 1), column: 5,
               end_line: (. % 3000 + 1), end_column: 40, snippet: ("x" * 200)}}]}' > "$work/in.json"
input_mb=$(awk -v b="$(wc -c < "$work/in.json")" 'BEGIN { printf "%.1f", b / 1e6 }')

times=() rss=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f '%e %M' -o "$work/time" "$report" "$work/in.json" -q --sarif "$work/out.sarif" \
    --junit "$work/junit.xml" --codequality "$work/cq.json" --markdown "$work/summary.md" \
    --annotations > "$work/annotations.txt"
  read -r t m < "$work/time"
  times+=("$t"); rss+=("$m")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
size() { awk -v b="$(wc -c < "$1")" 'BEGIN { if (b < 1e6) printf "%.0f kB", b / 1e3; else printf "%.1f MB", b / 1e6 }'; }

echo "ready-report, $n findings ($input_mb MB of envelope) to SARIF + JUnit + Code Quality + Markdown + annotations, $runs runs:"
echo
echo "| median wall s | min–max s | median peak RSS MiB | SARIF | JUnit | Code Quality | Markdown |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '| %s | %s–%s | %s | %s | %s | %s | %s |\n' "$(median "${times[@]}")" \
  "$(printf '%s\n' "${times[@]}" | sort -g | head -1)" "$(printf '%s\n' "${times[@]}" | sort -g | tail -1)" \
  "$(median "${rss[@]}" | awk '{ printf "%.0f", $1 / 1024 }')" "$(size "$work/out.sarif")" "$(size "$work/junit.xml")" \
  "$(size "$work/cq.json")" "$(size "$work/summary.md")"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $("$report" --version)"
