#!/usr/bin/env bash
# Installs one of the npm tools the tests drive into build/npm/TOOL and prints the path of its
# program. Installs Node.js and npm from Debian when there is no npm.
#   install-npm-tool.sh sarif-multitool    Microsoft's SARIF validator (@microsoft/sarif-multitool)
#   install-npm-tool.sh action-validator   action.yml and workflow validator (@action-validator/cli)
#   install-npm-tool.sh gitlab-ci-local    runs a .gitlab-ci.yml locally (needs rsync)
set -euo pipefail
cd "$(dirname "$0")/.."
tool=${1:-}
case "$tool" in
  sarif-multitool)
    packages=(@microsoft/sarif-multitool@5.7.0)
    program=node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool ;;
  action-validator)
    packages=(@action-validator/cli@0.6.0 @action-validator/core@0.6.0)
    program=node_modules/.bin/action-validator ;;
  gitlab-ci-local)
    # 4.60.0: runs on Debian 12's Node.js; later versions want a newer one.
    packages=(gitlab-ci-local@4.60.0)
    program=node_modules/.bin/gitlab-ci-local ;;
  *) echo "usage: install-npm-tool.sh sarif-multitool|action-validator|gitlab-ci-local" >&2; exit 2 ;;
esac
prefix=build/npm/$tool
if [ ! -x "$prefix/$program" ]; then
  if ! command -v npm >/dev/null; then
    as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  mkdir -p "$prefix"
  if ! npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "${packages[@]}" >&2; then
    echo "install-npm-tool: npm could not install ${packages[*]} (no access to the npm registry?)" >&2
    exit 1
  fi
  # sarif-multitool's postinstall script makes it executable, but newer npm does not run it
  chmod u+x "$prefix/$program"
fi
echo "$(pwd)/$prefix/$program"
