#!/usr/bin/env bash
# Installs Microsoft's SARIF validator (npm @microsoft/sarif-multitool) into build/npm and prints
# the path of its Linux binary. Installs Node.js and npm from Debian when there is no npm.
set -euo pipefail
cd "$(dirname "$0")/.."
version=5.7.0
prefix=build/npm
binary=$prefix/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$binary" ]; then
  if ! command -v npm >/dev/null; then
    as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  mkdir -p "$prefix"
  if ! npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "@microsoft/sarif-multitool@$version" >&2; then
    echo "install-sarif-multitool: npm could not install @microsoft/sarif-multitool (no access to the npm registry?)" >&2
    exit 1
  fi
  chmod u+x "$binary"  # its postinstall script does this, but newer npm does not run it
fi
echo "$(pwd)/$binary"
