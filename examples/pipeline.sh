#!/usr/bin/env bash
# The gate as a plain shell pipeline, one program per step, for any CI or none: what
# ready-gate does, spelled out. Usage: examples/pipeline.sh [BASE_URL] (default: the example
# service on http://127.0.0.1:8080, see scripts/example-service.sh). OUT: where the results go
# (default pipeline-out); SCENARIO: the load scenario (default the original five tests, ~30 s).
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-pipeline-out}
scenario=${SCENARIO:-$here/scenarios/original-five.json}
mkdir -p "$out"

# 1. Wait until the service is healthy (exit 1 if it never is: stop here).
ready-healthcheck -c "$here/service/healthchecks.json" --base-url "$base" --wait 60s --audit-headers \
  -o "$out/health.json"
# 2. Load it (by default with the scenario that reproduces the original five tests).
ready-bench --scenario "$scenario" --base-url "$base" \
  --threshold 'p95<100ms' -o "$out/bench.json" || [ $? -eq 1 ]   # 1: a threshold missed
# 3. Scan the source.
ready-scan "$here/service" -o "$out/scan.json"
# 4. Score all the evidence (exit 1 when the gate fails; the reports are still wanted).
gate=0
ready-score "$out"/{health,bench,scan}.json --explain -o "$out/score.json" || gate=$?
[ "$gate" -le 1 ]
# 5. Every report from the score envelope (which embeds its inputs), and the verdict as a
# dotenv file (READYGATE_SCORE, READYGATE_PASSED, READYGATE_FINDINGS) for the shell.
ready-report "$out/score.json" --sarif "$out/readygate.sarif" --junit "$out/junit.xml" \
  --codequality "$out/gl-code-quality.json" --markdown "$out/summary.md" --dotenv "$out/readygate.env"
source "$out/readygate.env"
echo "score $READYGATE_SCORE, gate $([ "$READYGATE_PASSED" = true ] && echo pass || echo fail); see $out/summary.md"
exit "$gate"
