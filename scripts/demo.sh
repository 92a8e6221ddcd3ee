#!/usr/bin/env bash
# The whole gate on the bundled example service: installs what is missing, builds a release,
# starts the example service (nginx on 127.0.0.1), and runs ready-gate on it — health checks
# (waiting for it), the scenario that reproduces the original five load tests, a scan of its
# source, the score, and SARIF, JUnit, Code Quality and Markdown — then stops the service.
# The results go to demo-out/ (override with READYGATE_DEMO_OUT).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh demo
cmake --preset release >/dev/null
cmake --build --preset release
out=${READYGATE_DEMO_OUT:-demo-out}
mkdir -p "$out"
out=$(cd "$out" && pwd)

service=$(mktemp -d "${TMPDIR:-/tmp}/readygate-demo-XXXXXX")
chmod 755 "$service"
trap 'scripts/example-service.sh stop "$service"; rm -rf "$service"' EXIT
port=$(scripts/example-service.sh start "$service")
echo
echo "== the example service answers on http://127.0.0.1:$port (examples/service)"
echo

# The example service's source leaks keys on purpose, so the gate fails: that is the demo.
rc=0
build/release/bin/ready-gate --path examples/service --checks examples/service/healthchecks.json \
  --scenario examples/scenarios/original-five.json --base-url "http://127.0.0.1:$port" \
  --out "$out" --fail-on-gate false || rc=$?

echo
echo "Results in $out/:"
for f in health.json bench.json scan.json score.json readygate.sarif junit.xml gl-code-quality.json summary.md; do
  [ -f "$out/$f" ] && printf '  %-22s %s\n' "$f" "$(wc -c < "$out/$f") bytes"
done
echo "Start with $out/summary.md; 'ready-score --explain' output is above."
exit "$rc"
