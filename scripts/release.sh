#!/usr/bin/env bash
# Builds readygate's release files into DIR (default dist/):
#   readygate-VERSION-linux-ARCH.tar.gz   bin/, lib/readygate/, share/ under one top folder
#   readygate_VERSION_ARCH.deb            the same programs and libraries in /usr
#   and a .sha256 beside each (sha256sum's format), then checks the archive is self-contained.
#
#   scripts/release.sh [--out DIR] [--build DIR]
#
# Both come from one portable build (cmake -DREADYGATE_PORTABLE=ON, cmake/portable.cmake, then
# cpack): libstdc++ and the C++ libraries linked statically, every other library but glibc's
# bundled in lib/readygate and found through an $ORIGIN RUNPATH. glibc is the system's, so the
# release runs where glibc is at least the build machine's: build it on the oldest system it must
# run on (Debian 11, glibc 2.31; .github/workflows/release.yml does). The check at the end fails
# the release if a program needs a library the archive lacks, or does not run with an empty
# environment; scripts/release-check.sh then tries it in fresh Debian chroots.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$root/dist
build=$root/build/portable
usage() { echo "usage: release.sh [--out DIR] [--build DIR]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || usage; out=$2; shift 2 ;;
    --build) [ $# -ge 2 ] || usage; build=$2; shift 2 ;;
    *) usage ;;
  esac
done
mkdir -p "$out"
out=$(cd "$out" && pwd)

"$root/scripts/install-deps.sh" release
# Debian 11 has no mimalloc: ready-bench links glibc's malloc there.
mimalloc=ON
dpkg-query -W -f='${Status}' libmimalloc-dev 2>/dev/null | grep -q "install ok installed" || mimalloc=OFF
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DREADYGATE_PORTABLE=ON \
  -DREADYGATE_MIMALLOC=$mimalloc >/dev/null
cmake --build "$build" -j "$(nproc)"
rm -f "$build"/readygate*.tar.gz "$build"/readygate*.deb
(cd "$build" && cpack -G "TGZ;DEB" >&2)

archive=$(cd "$build" && ls readygate-*-linux-*.tar.gz)
deb=$(cd "$build" && ls readygate_*.deb)
for file in "$archive" "$deb"; do
  mv "$build/$file" "$out/$file"
  (cd "$out" && sha256sum "$file" > "$file.sha256")
done

# The archive as a user gets it: unpacked anywhere, run with nothing set.
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
tar -xzf "$out/$archive" -C "$check"
top="$check/${archive%.tar.gz}"
version=${archive#readygate-}
version=${version%-linux-*}  # cpack named it from the project's VERSION
failed=0
for program in scan bench healthcheck score report; do
  said=$(env -i "$top/bin/ready-$program" --version 2>&1) || said="failed: $said"
  [ "$said" = "ready-$program $version" ] || { echo "release: ready-$program --version: $said" >&2; failed=1; }
done
[ -x "$top/bin/ready-gate" ] || { echo "release: ready-gate is missing" >&2; failed=1; }
elves=()
for file in "$top"/bin/* "$top"/lib/readygate/*; do
  [ -L "$file" ] && continue
  head -c 4 "$file" | grep -q 'ELF' && elves+=("$file")
done
for file in "${elves[@]}"; do
  # Every library found, and found in the archive unless it is glibc's.
  while read -r name _ path _; do
    case "$name" in linux-vdso.so.*|ld-linux-*|libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*|libresolv.so.*) continue ;; esac
    [ "$path" = "not" ] || path=$(realpath -m "$path")  # bin/../lib/readygate/…
    if [ "$path" = "not" ] || [[ "$path" != "$top/lib/readygate/"* ]]; then
      echo "release: ${file#"$top/"} loads $name from ${path/#not/nowhere (not found)}, not from the archive" >&2
      failed=1
    fi
  done < <(env -i ldd "$file" | awk 'NF >= 3 && $2 == "=>"')
done
glibc=$(objdump -T "${elves[@]}" | grep -o 'GLIBC_[0-9][0-9.]*' | sort -uV | tail -n 1)
[ "$failed" -eq 0 ] || { echo "release: the archive is not self-contained" >&2; exit 1; }
{
  echo "release: $out/$archive ($(du -h "$out/$archive" | cut -f1), unpacked $(du -sh "$top" | cut -f1)), needs glibc ${glibc#GLIBC_} or newer"
  echo "release: $out/$deb ($(du -h "$out/$deb" | cut -f1)), Depends: $(dpkg-deb -f "$out/$deb" Depends)"
} >&2
