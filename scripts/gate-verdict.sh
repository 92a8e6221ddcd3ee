#!/usr/bin/env bash
# The GitHub Action's last step: fails the job when the gate failed and fail-on-gate is true.
# The gate step itself always succeeds (--fail-on-gate false) so that the SARIF upload between
# the two runs either way. Reads READYGATE_PASSED and READYGATE_SCORE (the gate step's outputs)
# and READYGATE_FAIL_ON_GATE (the input).
set -euo pipefail
passed=${READYGATE_PASSED:-}
score=${READYGATE_SCORE:-}
case "$passed" in
  true) echo "readygate: the gate passed${score:+ (score $score)}" ;;
  false)
    if [ "${READYGATE_FAIL_ON_GATE:-true}" = true ]; then
      echo "::error title=readygate::the gate failed${score:+ (score $score)}: see the job summary and the code-scanning alerts"
      exit 1
    fi
    echo "readygate: the gate failed${score:+ (score $score)}; fail-on-gate is false, so the job goes on" ;;
  *) echo "::error title=readygate::the gate did not finish (see the gate step's log)"; exit 1 ;;
esac
