#!/usr/bin/env bash
# Builds readygate and runs every test: the dev build (warnings are errors), then the whole
# suite again under AddressSanitizer and UndefinedBehaviorSanitizer. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test
# Microsoft's SARIF validator with GitHub's rules, for tests/e2e/report_sarif_multitool.sh.
READYGATE_SARIF_MULTITOOL=$(scripts/install-sarif-multitool.sh)
export READYGATE_SARIF_MULTITOOL
for preset in dev asan; do
  echo "== $preset: build" >&2
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  echo "== $preset: test" >&2
  ctest --preset "$preset"
done
