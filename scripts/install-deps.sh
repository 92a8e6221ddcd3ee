#!/usr/bin/env bash
# Installs the Debian 12 packages readygate needs (Debian 11's for the release build), and only those that are missing.
#   install-deps.sh build   compiler, CMake, Ninja and the libraries
#   install-deps.sh runner  what a CI runner needs: the same as build (ready-gate needs no more)
#   install-deps.sh fetch   only what downloading a release archive needs (curl, CA certificates)
#   install-deps.sh package build's packages, plus what `cpack -G DEB` needs (dpkg-dev, file)
#   install-deps.sh release the above, plus patchelf: scripts/release.sh's portable build. On
#                           Debian 11 (bullseye), where the release is built (its glibc 2.31 is
#                           the oldest it runs on): bullseye's compiler, CMake and libraries,
#                           plus two header-only Debian 12 packages (see below), and no mimalloc.
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
  release)
    wanted=("${build_packages[@]}" dpkg-dev file patchelf)
    # shellcheck source=/dev/null
    if (. /etc/os-release && [ "${VERSION_CODENAME:-}" = bullseye ]); then
      # Bullseye's own: g++ 10, CMake 3.18, libcurl 7.74, OpenSSL 1.1.1, RE2, Boost 1.74, pugixml
      # 1.11, libpq 13. Not its nlohmann-json3-dev (3.9.1, we need 3.10), nor doctest (no tests
      # in a release build); it has no toml++ and no mimalloc (release.sh builds without it).
      # bullseye-backports is no longer on the mirrors, and nothing here needs it.
      wanted=(g++ cmake ninja-build pkg-config dpkg-dev file patchelf
              libboost-program-options-dev libcurl4-openssl-dev libre2-dev libssl-dev libpugixml-dev libpq-dev)
      bookworm_headers=1
    fi
    ;;
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

# What runs apt-get and dpkg: nothing as root, else sudo; without sudo, a clear stop, and only
# when something is missing.
need_root() { echo "install-deps: need root (or sudo) to run: $*" >&2; exit 1; }
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then as_root=(sudo); else as_root=(need_root); fi
fi

# On bullseye, the two header-only libraries it has too old or not at all come from Debian 12,
# at the versions Debian 12 builds with: nlohmann-json3-dev 3.11.2-2 installed as it is (all
# headers and its CMake files, no dependencies), and the headers alone of libtomlplusplus-dev
# 3.3.0+ds-1 in /usr/local/include/toml++ (the package itself depends on Debian 12's shared
# library, which we do not use). Fetched by apt from bookworm on the mirror the system uses for
# bullseye, with a list of its own, which leaves the system's sources as they are; bullseye's
# keyring trusts Debian 12's keys.
bookworm_json=3.11.2-2 bookworm_toml=3.3.0+ds-1
install_bookworm_headers() {
  local have_json
  have_json=$(dpkg-query -W -f='${Status} ${Version}' nlohmann-json3-dev 2>/dev/null || true)
  if [ "$have_json" = "install ok installed $bookworm_json" ] && [ -f /usr/local/include/toml++/toml.h ]; then
    return 0
  fi
  echo "install-deps: installing Debian 12's nlohmann-json3-dev $bookworm_json and libtomlplusplus-dev $bookworm_toml headers" >&2
  [ "${as_root[0]:-}" != need_root ] || need_root "dpkg -i, to install them"
  local mirror
  mirror=$(sed -n -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+)[[:space:]]+bullseye[[:space:]].*/\2/p' \
             /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n 1 || true)
  if [ -z "$mirror" ]; then
    echo "install-deps: no 'deb URI bullseye …' line in /etc/apt/sources.list: which mirror has bookworm?" >&2
    exit 1
  fi
  dir=$(mktemp -d)  # global: the EXIT trap removes it after the function has returned
  chmod 755 "$dir"  # apt's _apt user goes through it
  trap '"${as_root[@]}" rm -rf "$dir"' EXIT
  "${as_root[@]}" mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/debs" "$dir/toml"
  echo "deb $mirror bookworm main" | "${as_root[@]}" tee "$dir/bookworm.list" >/dev/null
  ! id _apt >/dev/null 2>&1 || "${as_root[@]}" chown -R _apt "$dir/lists" "$dir/cache" "$dir/debs"  # apt fetches as _apt
  local apt_bookworm=(-o Dir::Etc::SourceList="$dir/bookworm.list" -o Dir::Etc::SourceParts=/nonexistent
                      -o Dir::State::Lists="$dir/lists" -o Dir::Cache="$dir/cache")
  "${as_root[@]}" apt-get "${apt_bookworm[@]}" update -qq
  (cd "$dir/debs" && "${as_root[@]}" apt-get "${apt_bookworm[@]}" download -qq \
     "nlohmann-json3-dev=$bookworm_json" "libtomlplusplus-dev=$bookworm_toml")
  "${as_root[@]}" dpkg -i "$dir/debs/nlohmann-json3-dev_${bookworm_json}_all.deb" >/dev/null
  "${as_root[@]}" dpkg-deb -x "$dir/debs/libtomlplusplus-dev_${bookworm_toml}_"*.deb "$dir/toml"
  "${as_root[@]}" rm -rf /usr/local/include/toml++
  "${as_root[@]}" cp -R "$dir/toml/usr/include/toml++" /usr/local/include/
}

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -z "${bookworm_headers:-}" ] || install_bookworm_headers
