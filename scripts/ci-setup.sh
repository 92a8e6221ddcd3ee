#!/usr/bin/env bash
# Installs readygate on a CI runner (Debian or Ubuntu), for actions/setup and the GitLab template.
#   ci-setup.sh probe     prints found=true|false, prefix=DIR and cache-key=KEY (GITHUB_OUTPUT
#                         format): found when ready-scan and ready-gate are on PATH; the key changes
#                         whenever the sources, the OS release or the architecture do
#   ci-setup.sh install   unless found: installs the build dependencies (apt), builds a release
#                         into PREFIX when PREFIX/bin has no ready-scan yet (a cache hit), and
#                         adds PREFIX/bin to GITHUB_PATH when that is set
#   ci-setup.sh prefix    prints PREFIX
# PREFIX comes from READYGATE_PREFIX, else READYGATE_CACHE_DIR/KEY (default ~/.cache/readygate/KEY).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

source_hash() {
  (cd "$root" && find CMakeLists.txt CMakePresets.json cmake common tools scripts -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}
cache_key() {
  local os=unknown
  [ -r /etc/os-release ] && os=$(. /etc/os-release && echo "${ID:-linux}-${VERSION_ID:-0}")
  echo "readygate-$os-$(uname -m)-$(source_hash)"
}
found() { command -v ready-scan >/dev/null && command -v ready-gate >/dev/null; }

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
    # The -dev packages are what the release links against, under the same names on Debian
    # and Ubuntu; a cached build needs their shared libraries too.
    "$root/scripts/install-deps.sh" runner
    if [ ! -x "$prefix/bin/ready-scan" ]; then
      build=$(mktemp -d "${TMPDIR:-/tmp}/readygate-build-XXXXXX")
      cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
        -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
      cmake --build "$build" -j "$(nproc)"
      cmake --install "$build" >/dev/null
      rm -rf "$build"
    else
      echo "readygate: using the cached build in $prefix" >&2
    fi
    [ -n "${GITHUB_PATH:-}" ] && echo "$prefix/bin" >> "$GITHUB_PATH"
    echo "readygate: $("$prefix/bin/ready-scan" --version) in $prefix/bin" >&2
    ;;
  *) echo "usage: ci-setup.sh probe|install|prefix" >&2; exit 2 ;;
esac
