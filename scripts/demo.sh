#!/usr/bin/env bash
# Installs what is missing, builds a release, scans the bundled example service and writes
# every report format.
# The results go to demo-out/ (override with READYGATE_DEMO_OUT).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh demo
cmake --preset release >/dev/null
cmake --build --preset release
bin=build/release/tools
out=${READYGATE_DEMO_OUT:-demo-out}
mkdir -p "$out"

echo
echo "== ready-scan examples/service"
"$bin/scan/ready-scan" examples/service --pretty -o "$out/scan.json"
jq -r '.summary | "\(.files) files, \(.findings) findings: \(.by_severity | to_entries | map("\(.value) \(.key)") | join(", "))"' "$out/scan.json"
echo
jq -r '{"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4} as $rank
       | .findings | sort_by($rank[.severity]) | .[]
       | [.severity, "\(.location.path):\(.location.line)", .rule, .location.snippet] | @tsv' "$out/scan.json" \
  | awk -F'\t' '{ printf "  %-9s %-40s %-36s %s\n", $1, $2, $3, substr($4, 1, 60) }'

echo
echo "== ready-report: SARIF, JUnit, GitLab Code Quality, Markdown"
"$bin/report/ready-report" "$out/scan.json" --sarif "$out/readygate.sarif" --junit "$out/junit.xml" \
  --codequality "$out/gl-code-quality.json" --markdown "$out/summary.md"
echo
echo "Results in $out/:"
for f in scan.json readygate.sarif junit.xml gl-code-quality.json summary.md; do
  printf '  %-22s %s\n' "$f" "$(wc -c < "$out/$f") bytes"
done
