#!/usr/bin/env bash
# Installs the Debian 12 packages readygate needs, and only those that are missing.
#   install-deps.sh build   compiler, CMake, Ninja and the libraries
#   install-deps.sh runner  what a CI runner needs: the same as build (ready-gate needs no more)
#   install-deps.sh fetch   only what downloading a release archive needs (curl, CA certificates)
#   install-deps.sh package build's packages, plus what `cpack -G DEB` needs (dpkg-dev, file)
#   install-deps.sh release the above, plus patchelf: scripts/release.sh's portable build
#   install-deps.sh test    the above, plus what the test suite drives (jq, git, wget, …) and
#                           clang-14 with libFuzzer (libclang-rt-14-dev) for tests/fuzz,
#                           clang-format-14 and clang-tidy-14 for scripts/check-style.sh
#   install-deps.sh release-check  what scripts/release-check.sh needs on the host: debootstrap (the
#                           Debian 11/12/13 chroots), jq, python3 (its loopback server), binutils
#   install-deps.sh node    Node.js and npm, and what npm needs to build a native module
#                           (node-gyp: make, g++, python3, Node's headers), for the npm tools
# Runs apt-get through sudo when not root. Safe to run again: it does nothing when all is there.
set -euo pipefail

mode=${1:-build}
build_packages=(
  g++ cmake ninja-build pkg-config git
  libboost-program-options-dev libcurl4-openssl-dev libre2-dev nlohmann-json3-dev
  doctest-dev libssl-dev libpugixml-dev libpq-dev libmimalloc-dev libtomlplusplus-dev
)
demo_packages=(nginx libnginx-mod-http-echo)
test_packages=(jq python3-yaml util-linux coreutils python3-jsonschema libxml2-utils nginx libnginx-mod-http-echo openssl rsync dpkg-dev file pre-commit
               wget                              # setup_release: the download without curl
               clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14
               chromium fonts-noto-color-emoji  # the browser test of the Markdown summary
               postgresql redis-server strace    # the service probes' tests, healthcheck_speed
               docker.io busybox-static)        # a private dockerd and a local image: the docker:// probe

case "$mode" in
  build) wanted=("${build_packages[@]}") ;;
  runner) wanted=("${build_packages[@]}") ;;
  fetch) wanted=(curl ca-certificates) ;;
  package) wanted=("${build_packages[@]}" dpkg-dev file) ;;
  release) wanted=("${build_packages[@]}" dpkg-dev file patchelf) ;;
  demo) wanted=("${build_packages[@]}" "${demo_packages[@]}") ;;
  test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
  release-check) wanted=(debootstrap jq python3 binutils) ;;
  node)
    wanted=(make g++ python3)
    # Debian's nodejs and npm, unless a Node.js is already there (NodeSource's package ships npm
    # and conflicts with Debian's); its headers (libnode-dev) unless that Node.js brought them.
    command -v npm >/dev/null || wanted+=(nodejs npm)
    [ -f /usr/include/node/node.h ] || wanted+=(libnode-dev)
    ;;
  *) echo "usage: $0 build|runner|fetch|package|release|release-check|demo|test|node" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
