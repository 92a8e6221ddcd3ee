#!/usr/bin/env bash
# eval-tools.sh DIR: installs the peers that scripts/eval_rules.py runs beside ready-scan.
#
#   bandit          Debian 12's python3-bandit (apt-get, only when missing)
#   DIR/eslint/     ESLint, eslint-plugin-security and, for .ts files, @typescript-eslint/parser
#                   (with the TypeScript it needs), pinned below, from the npm registry
#
# ESLint 9.39.5 is the newest ESLint whose engines field accepts Node.js 18 (^18.18.0 || ^20.9.0
# || >=21.1.0): Debian 12's nodejs is 18.20.4; ESLint 10 needs ^20.19.0. The plugin and the
# parser declare the same range; TypeScript 5.9.3 is the newest the parser accepts (<6.1.0).
# Checked: on Debian 12's Node.js 18.20.4 and on Node.js 20.20.2 these find the same 3166
# findings on the trees.
# No configuration is stored here: eval_rules.py writes its flat config at run time.
# Safe to run again: it installs nothing that is already there at the pinned version.
# Prints the versions at the end.
set -euo pipefail

dir=${1:-}
if [ -z "$dir" ]; then echo "usage: $0 DIR" >&2; exit 2; fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

npm_tools=(
  eslint@9.39.5
  eslint-plugin-security@4.1.0
  @typescript-eslint/parser@8.74.0
  typescript@5.9.3
)


source "$(dirname "${BASH_SOURCE[0]}")/apt-install-missing.sh"
if command -v npm >/dev/null; then apt_install_missing python3-bandit; else apt_install_missing python3-bandit nodejs npm; fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
node_minor=$(node -p 'process.versions.node.split(".")[1]')
if [ "$node_major" -lt 18 ] || { [ "$node_major" -eq 18 ] && [ "$node_minor" -lt 18 ]; }; then
  echo "eval-tools: ESLint 9 needs Node.js 18.18 or newer; this is $(node --version)" >&2
  exit 1
fi

prefix=$dir/eslint
wanted=$(printf '%s\n' "${npm_tools[@]}")
if [ "$(cat "$prefix/.installed" 2>/dev/null)" != "$wanted" ] || [ ! -x "$prefix/node_modules/.bin/eslint" ]; then
  rm -rf "$prefix"
  mkdir -p "$prefix"
  echo '{"private": true}' >"$prefix/package.json"
  npm install --prefix "$prefix" --ignore-scripts --no-audit --no-fund --loglevel=error \
    "${npm_tools[@]}" >&2
  echo "$wanted" >"$prefix/.installed"
fi

echo "bandit                     $(bandit --version 2>/dev/null | head -1 | awk '{print $2}') (python3-bandit $(dpkg-query -W -f='${Version}' python3-bandit), $(/usr/bin/python3 --version))"
echo "eslint                     $("$prefix/node_modules/.bin/eslint" --version) (Node.js $(node --version))"
for package in eslint-plugin-security @typescript-eslint/parser typescript; do
  printf "%-26s %s\n" "$package" "$(node -p "require('$prefix/node_modules/$package/package.json').version")"
done
echo "eslint: $prefix/node_modules/.bin/eslint"
