#!/usr/bin/env bash
# Builds readygate and runs every test: the dev build (warnings are errors), then the whole
# suite again under AddressSanitizer and UndefinedBehaviorSanitizer, then the libFuzzer targets
# of tests/fuzz for a fixed number of runs each (docs/FUZZING.md); last the style checks
# (scripts/check-style.sh: clang-format, clang-tidy on the dev build). This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test
# Real clients from npm: Microsoft's SARIF validator (tests/e2e/report_sarif_multitool.sh),
# action-validator (tests/e2e/actions_validate.sh), gitlab-ci-local (tests/e2e/gitlab_template.sh)
# and marked + mermaid + puppeteer-core (tests/e2e/report_markdown_browser.sh).
READYGATE_SARIF_MULTITOOL=$(scripts/install-npm-tool.sh sarif-multitool)
READYGATE_ACTION_VALIDATOR=$(scripts/install-npm-tool.sh action-validator)
READYGATE_GITLAB_CI_LOCAL=$(scripts/install-npm-tool.sh gitlab-ci-local)
READYGATE_MARKDOWN_BROWSER=$(scripts/install-npm-tool.sh markdown-browser)
export READYGATE_SARIF_MULTITOOL READYGATE_ACTION_VALIDATOR READYGATE_GITLAB_CI_LOCAL READYGATE_MARKDOWN_BROWSER
for preset in dev asan fuzz; do
  echo "== $preset: build" >&2
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  echo "== $preset: test" >&2
  ctest --preset "$preset"
done
echo "== style: clang-format, clang-tidy" >&2
scripts/check-style.sh build/dev
