#!/usr/bin/env bash
# Installs one of the npm tools the tests drive into build/npm/TOOL and prints the path of its
# program. Installs Node.js and npm from Debian when there is no npm (install-deps.sh node).
#   install-npm-tool.sh sarif-multitool    Microsoft's SARIF validator (@microsoft/sarif-multitool)
#   install-npm-tool.sh action-validator   action.yml and workflow validator (@action-validator/cli)
#   install-npm-tool.sh gitlab-ci-local    runs a .gitlab-ci.yml locally (needs rsync)
#   install-npm-tool.sh markdown-browser   marked, mermaid and puppeteer-core: renders the Markdown
#                                          summary as GitHub does, in Chromium (node_modules/.bin/marked)
#   install-npm-tool.sh autocannon         HTTP load generator, compared in scripts/bench_http.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tool=${1:-}
overrides='{}'  # versions forced on dependencies (npm "overrides")
case "$tool" in
  sarif-multitool)
    packages=(@microsoft/sarif-multitool@5.7.0)
    program=node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool ;;
  action-validator)
    packages=(@action-validator/cli@0.6.0 @action-validator/core@0.6.0)
    program=node_modules/.bin/action-validator ;;
  gitlab-ci-local)
    # 4.60.0 runs on Node.js 18 (Debian 12's) and 20. Its native dependency re2 is built here
    # (its prebuilt binaries are on GitHub, out of reach): re2 1.22.1 is the newest whose
    # node-gyp still runs on Node.js 18.
    packages=(gitlab-ci-local@4.60.0)
    overrides='{"re2": "1.22.1"}'
    program=node_modules/.bin/gitlab-ci-local ;;
  markdown-browser)
    # tests/support/render_markdown.js: GFM by marked, ```mermaid by mermaid, in Debian's
    # chromium driven by puppeteer-core (23.x runs on Node.js 18; it downloads no browser).
    packages=(marked@15.0.8 mermaid@11.6.0 puppeteer-core@23.9.0)
    program=node_modules/.bin/marked ;;
  autocannon)
    packages=(autocannon@7.15.0)
    program=node_modules/.bin/autocannon ;;
  *) echo "usage: install-npm-tool.sh sarif-multitool|action-validator|gitlab-ci-local|markdown-browser|autocannon" >&2; exit 2 ;;
esac
prefix=build/npm/$tool
if [ ! -x "$prefix/$program" ]; then
  scripts/install-deps.sh node
  mkdir -p "$prefix"
  printf '{"private": true, "overrides": %s}\n' "$overrides" > "$prefix/package.json"
  # node-gyp takes Node's headers from here instead of downloading them.
  if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
  if ! npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "${packages[@]}" >&2; then
    echo "install-npm-tool: npm could not install ${packages[*]} (no access to the npm registry?)" >&2
    exit 1
  fi
  # sarif-multitool's postinstall script makes it executable, but newer npm does not run it
  chmod u+x "$prefix/$program"
fi
echo "$(pwd)/$prefix/$program"
