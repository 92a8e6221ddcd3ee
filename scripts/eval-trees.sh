#!/usr/bin/env bash
# eval-trees.sh DIR: lays out under DIR the real-code trees that scripts/eval_rules.py measures
# ready-scan and its peers on (see tests/eval/README.md).
#
#   DIR/python/<name>   a Python package from Debian 12, copied from /usr/lib/python3/dist-packages
#   DIR/npm/<name>      an npm package (pinned below) installed with --ignore-scripts, copied
#                       without its dependencies
#   DIR/.scratch/       the npm install folder; DIR/.stamps/ what each tree was copied from
#
# Installs with apt-get only the Debian packages that are missing (one `apt-get update` at most,
# and only when something is missing). Safe to run again: a tree whose package version has not
# changed is left as it is. Prints a summary (files, lines of .py/.js/.ts) at the end.
# Chosen so that several trees ship their own tests (tornado, cherrypy, twisted, django/test;
# fastify, pino, find-my-way, light-my-request, qs, minimist on npm).
set -euo pipefail

dir=${1:-}
if [ -z "$dir" ]; then echo "usage: $0 DIR" >&2; exit 2; fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
case "$dir" in "$(cd "$(dirname "$0")/.." && pwd)"*)
  echo "eval-trees: DIR must be outside the repository" >&2; exit 2 ;;
esac

# name  Debian package  folder in dist-packages
python_trees=(
  "django python3-django django"
  "flask python3-flask flask"
  "requests python3-requests requests"
  "werkzeug python3-werkzeug werkzeug"
  "jinja2 python3-jinja2 jinja2"
  "sqlalchemy python3-sqlalchemy sqlalchemy"
  "httpx python3-httpx httpx"
  "fastapi python3-fastapi fastapi"
  "aiohttp python3-aiohttp aiohttp"
  "starlette python3-starlette starlette"
  "tornado python3-tornado tornado"
  "cherrypy python3-cherrypy3 cherrypy"
  "twisted python3-twisted twisted"
  "falcon python3-falcon falcon"
  "paramiko python3-paramiko paramiko"
)

# Pinned npm versions (the newest the registry served when this list was made).
npm_trees=(
  express@5.3.0
  koa@3.3.0
  fastify@5.12.8
  qs@6.17.1
  pino@10.4.0
  find-my-way@9.10.2
  light-my-request@6.8.1
  minimist@1.2.8
  body-parser@2.4.0
  ws@8.23.0
  axios@1.21.1
  jsonwebtoken@9.0.3
  ejs@7.0.2
  knex@3.3.0
  sequelize@6.37.8
  mysql@2.18.1
)


# --- Debian packages -------------------------------------------------------------------------
source "$(dirname "${BASH_SOURCE[0]}")/apt-install-missing.sh"
debs=()
for entry in "${python_trees[@]}"; do
  read -r _ deb _ <<<"$entry"
  debs+=("$deb")
done
apt_install_missing "${debs[@]}"

mkdir -p "$dir/python" "$dir/npm" "$dir/.stamps"
for entry in "${python_trees[@]}"; do
  read -r name deb folder <<<"$entry"
  src=/usr/lib/python3/dist-packages/$folder
  stamp="$deb $(dpkg-query -W -f='${Version}' "$deb")"
  if [ -d "$dir/python/$name" ] && [ "$(cat "$dir/.stamps/python-$name" 2>/dev/null)" = "$stamp" ]; then
    continue
  fi
  [ -d "$src" ] || { echo "eval-trees: $src is missing after installing $deb" >&2; exit 1; }
  rm -rf "$dir/python/$name"
  # A copy, not a symlink: the tools then see plain files, and nothing in DIR changes when the
  # package is upgraded until this script runs again. Byte-code caches are left out.
  cp -a "$src" "$dir/python/$name"
  find "$dir/python/$name" -name __pycache__ -type d -prune -exec rm -rf {} +
  echo "$stamp" >"$dir/.stamps/python-$name"
done

# --- npm packages ----------------------------------------------------------------------------
command -v npm >/dev/null || { echo "eval-trees: npm is missing (scripts/install-deps.sh node)" >&2; exit 1; }
scratch=$dir/.scratch/npm
wanted=$(printf '%s\n' "${npm_trees[@]}")
if [ "$(cat "$dir/.stamps/npm-install" 2>/dev/null)" != "$wanted" ]; then
  rm -rf "$scratch"
  mkdir -p "$scratch"
  echo '{"private": true}' >"$scratch/package.json"
  # --ignore-scripts: nothing from these packages runs here.
  npm install --prefix "$scratch" --ignore-scripts --no-audit --no-fund --loglevel=error \
    "${npm_trees[@]}" >&2
  echo "$wanted" >"$dir/.stamps/npm-install"
fi
for spec in "${npm_trees[@]}"; do
  name=${spec%@*}
  stamp=$spec
  if [ -d "$dir/npm/$name" ] && [ "$(cat "$dir/.stamps/npm-$name" 2>/dev/null)" = "$stamp" ]; then
    continue
  fi
  src=$scratch/node_modules/$name
  got=$(node -p "require('$src/package.json').version")
  [ "$name@$got" = "$spec" ] || { echo "eval-trees: $name is $got, not ${spec#*@}" >&2; exit 1; }
  rm -rf "$dir/npm/$name"
  # The package itself, without a nested node_modules (its dependencies are not measured).
  cp -a "$src" "$dir/npm/$name"
  find "$dir/npm/$name" -name node_modules -type d -prune -exec rm -rf {} +
  echo "$stamp" >"$dir/.stamps/npm-$name"
done

# --- summary ---------------------------------------------------------------------------------
printf '%-22s %-34s %7s %7s %9s\n' tree source files "py/js/ts" lines
total_files=0 total_code=0 total_lines=0
for kind in python npm; do
  for tree in "$dir/$kind"/*/; do
    tree=${tree%/}
    name=$(basename "$tree")
    src=$(cat "$dir/.stamps/$kind-$name" 2>/dev/null || echo '?')
    files=$(find "$tree" -type f | wc -l)
    code=$(find "$tree" -type f \( -name '*.py' -o -name '*.js' -o -name '*.mjs' -o -name '*.cjs' \
      -o -name '*.ts' -o -name '*.mts' -o -name '*.cts' \) | wc -l)
    lines=$(find "$tree" -type f \( -name '*.py' -o -name '*.js' -o -name '*.mjs' -o -name '*.cjs' \
      -o -name '*.ts' -o -name '*.mts' -o -name '*.cts' \) -print0 | xargs -0 -r cat | wc -l)
    printf '%-22s %-34s %7d %7d %9d\n' "$kind/$name" "$src" "$files" "$code" "$lines"
    total_files=$((total_files + files)) total_code=$((total_code + code)) total_lines=$((total_lines + lines))
  done
done
printf '%-22s %-34s %7d %7d %9d\n' total '' "$total_files" "$total_code" "$total_lines"
