#!/usr/bin/env bash
# Installs readygate on a CI runner, for actions/setup and the GitLab template.
#   ci-setup.sh probe     prints found=true|false, prefix=DIR and cache-key=KEY (GITHUB_OUTPUT
#                         format): found when ready-scan and ready-gate are on PATH; the key names
#                         the version, the OS release and the architecture, and changes whenever
#                         readygate's sources do
#   ci-setup.sh install   unless found: uses PREFIX when PREFIX/bin has ready-scan (a cache hit;
#                         nothing is downloaded or installed, unless its programs do not run: a
#                         cached source build needs the runner packages), else installs the
#                         release archive of VERSION (scripts/install-release.sh), else builds
#                         from source (apt dependencies, a release build); then adds PREFIX/bin
#                         to GITHUB_PATH when that is set
#   ci-setup.sh prefix    prints PREFIX
# Environment (docs/CI.md, "How setup installs readygate"):
#   READYGATE_VERSION       the release to install (default: this tree's, CMakeLists.txt's
#                           project VERSION); a leading v is dropped
#   READYGATE_FROM_SOURCE   auto (default): the release, else, when it does not exist (HTTP 404)
#                           or does not run here, and VERSION is this tree's, a build from
#                           source; never: the release or fail; always: build from source,
#                           download nothing
#   READYGATE_RELEASE_BASE_URL  where releases are downloaded from (install-release.sh)
#   READYGATE_PREFIX, READYGATE_CACHE_DIR   PREFIX is READYGATE_PREFIX, else
#                           READYGATE_CACHE_DIR/KEY (default ~/.cache/readygate/KEY)
# Exit: 0 installed (or already there), 1 failed (nothing installed), 2 bad input.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

own_version=$(sed -n -E 's/^project\(readygate VERSION ([0-9][0-9.]*).*/\1/p' "$root/CMakeLists.txt")
[ -n "$own_version" ] || { echo "readygate: no project VERSION in $root/CMakeLists.txt" >&2; exit 2; }
version=${READYGATE_VERSION:-$own_version}
version=${version#v}
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
  echo "readygate: not a release version: '${READYGATE_VERSION:-}' (READYGATE_VERSION, the version input; e.g. 0.1.0)" >&2
  exit 2
fi
mode=${READYGATE_FROM_SOURCE:-auto}
case "$mode" in
  auto | never | always) ;;
  *) echo "readygate: READYGATE_FROM_SOURCE (from-source) must be auto, never or always, not '$mode'" >&2; exit 2 ;;
esac

source_hash() {
  (cd "$root" && find CMakeLists.txt CMakePresets.json cmake common tools scripts -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}
cache_key() {
  local os=unknown built=$version
  [ -r /etc/os-release ] && os=$(. /etc/os-release && echo "${ID:-linux}-${VERSION_ID:-0}")
  [ "$mode" = always ] && built=$version-source
  echo "readygate-$built-$os-$(uname -m)-$(source_hash)"
}
found() { command -v ready-scan >/dev/null && command -v ready-gate >/dev/null; }

# build_from_source: the build dependencies (apt) and a release build of this tree into PREFIX;
# only of this tree's own version, which is all it can build.
build_from_source() {
  if [ "$version" != "$own_version" ]; then
    echo "readygate: this copy of readygate is $own_version, so $version cannot be built from it: ask for a released version, or use the action or template at v$version" >&2
    exit 1
  fi
  "$root/scripts/install-deps.sh" runner
  local build
  build=$(mktemp -d "${TMPDIR:-/tmp}/readygate-build-XXXXXX")
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
    -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
  cmake --build "$build" -j "$(nproc)"
  cmake --install "$build" >/dev/null
  rm -rf "$build"
}

# install_release: the release archive of VERSION, or what READYGATE_FROM_SOURCE says instead.
install_release() {
  command -v curl >/dev/null || command -v wget >/dev/null || "$root/scripts/install-deps.sh" fetch
  local rc=0
  "$root/scripts/install-release.sh" "$version" "$prefix" || rc=$?
  case "$rc" in
    0) return 0 ;;
    4) ;;
    2) exit 2 ;;
    *) echo "readygate: to build from source instead, set from-source: always (READYGATE_FROM_SOURCE=always)" >&2
       exit 1 ;;
  esac
  if [ "$mode" = never ]; then
    echo "readygate: READYGATE_FROM_SOURCE=never (from-source: never): not building from source" >&2
    exit 1
  fi
  echo "readygate: building $version from source instead (minutes; from-source: never turns this off)" >&2
  build_from_source
}

key=$(cache_key)
prefix=${READYGATE_PREFIX:-${READYGATE_CACHE_DIR:-${HOME:-/tmp}/.cache/readygate}/$key}
prefix=$(realpath -m "$prefix")  # cmake wants it absolute; the GitLab template gives a relative one

case "${1:-}" in
  probe)
    echo "found=$(found && echo true || echo false)"
    echo "prefix=$prefix"
    echo "cache-key=$key"
    ;;
  prefix) echo "$prefix" ;;
  install)
    if found; then
      echo "readygate: using $(command -v ready-scan) ($(ready-scan --version))" >&2
      exit 0
    fi
    if [ -x "$prefix/bin/ready-scan" ]; then
      echo "readygate: using the cached build in $prefix" >&2
      # A release runs as it is; a source build restored on a fresh runner lacks the shared
      # libraries it links against.
      "$prefix/bin/ready-scan" --version >/dev/null 2>&1 || "$root/scripts/install-deps.sh" runner
    elif [ "$mode" = always ]; then
      echo "readygate: building $version from source (READYGATE_FROM_SOURCE=always)" >&2
      build_from_source
    else
      install_release
    fi
    said=$("$prefix/bin/ready-scan" --version 2>&1) || {
      echo "readygate: $prefix/bin/ready-scan does not run: $said" >&2; exit 1; }
    [ -n "${GITHUB_PATH:-}" ] && echo "$prefix/bin" >> "$GITHUB_PATH"
    echo "readygate: $said in $prefix/bin" >&2
    ;;
  *) echo "usage: ci-setup.sh probe|install|prefix" >&2; exit 2 ;;
esac
