#!/usr/bin/env bash
# Installs a readygate release archive into PREFIX (scripts/ci-setup.sh calls it):
#   install-release.sh VERSION PREFIX
# Downloads readygate-VERSION-linux-ARCH.tar.gz (ARCH from uname -m) and its .sha256 from
# BASE/vVERSION/, BASE being READYGATE_RELEASE_BASE_URL (default GitHub's release downloads),
# with curl, or wget when there is no curl; checks the SHA-256; unpacks; checks that the six
# programs are there and that bin/ready-scan --version runs and names VERSION; only then moves
# the folder into PREFIX. Any failed check leaves PREFIX untouched. No credentials are sent.
# Exit: 0 installed; 4 no release usable here: the archive's URL answered 404, or its checked
# ready-scan does not run on this system (e.g. an older C library); 1 any other failure
# (network, HTTP error, checksum, archive); 2 bad arguments.
set -euo pipefail

base=${READYGATE_RELEASE_BASE_URL:-https://github.com/readygate/readygate/releases/download}
base=${base%/}
version=${1:-}
prefix=${2:-}
if [ $# -ne 2 ] || [ -z "$prefix" ]; then
  echo "usage: install-release.sh VERSION PREFIX" >&2; exit 2
fi
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
  echo "readygate: not a release version: '$version' (expected e.g. 0.1.0)" >&2; exit 2
fi
prefix=$(realpath -m "$prefix")
name=readygate-$version-linux-$(uname -m)
archive=$name.tar.gz
programs=(ready-scan ready-bench ready-healthcheck ready-score ready-report ready-gate)

# shown: a URL as printed, without any user:password@ a mirror's base may carry.
shown() { sed -E 's#^([a-z]+://)[^/@]*@#\1***@#' <<<"$1"; }
die() { echo "readygate: $*; nothing installed" >&2; exit 1; }

if command -v curl >/dev/null; then tool=curl
elif command -v wget >/dev/null; then tool=wget
else die "neither curl nor wget is installed"
fi

# The downloads and the unpacked tree live beside PREFIX, so that the last step is a rename.
mkdir -p "$(dirname "$prefix")"
tmp=$(mktemp -d "$(dirname "$prefix")/.readygate-release-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# fetch URL FILE: downloads URL into FILE; prints the final HTTP status (000: no answer) and
# leaves the tool's own error message in $tmp/fetch.err.
fetch() {
  local status=000 rc=0
  if [ "$tool" = curl ]; then
    status=$(curl -sSL --proto '=http,https' --connect-timeout 30 --max-time 900 --retry 3 \
      -o "$2" -w '%{http_code}' "$1" 2>"$tmp/fetch.err") || rc=$?
    [ "$rc" -eq 0 ] || status=000  # e.g. a 200 cut short: curl's message says why
  else
    wget -q -S --tries=3 --timeout=30 -O "$2" "$1" 2>"$tmp/fetch.err" || rc=$?
    case "$rc" in  # -q keeps wget's own words to itself: its exit code says what failed
      0 | 8) ;;
      4) echo "wget: network failure (no connection, or no name resolution)" >>"$tmp/fetch.err" ;;
      5) echo "wget: the server's TLS certificate could not be verified" >>"$tmp/fetch.err" ;;
      *) echo "wget: failed with exit code $rc" >>"$tmp/fetch.err" ;;
    esac
    status=$(sed -n 's#^ *HTTP/[0-9.]* \([0-9][0-9][0-9]\).*#\1#p' "$tmp/fetch.err" | tail -n 1)
  fi
  echo "${status:-000}"
}
# download NAME: BASE/vVERSION/NAME into $tmp/NAME; 404 on the archive means no such release.
download() {
  local url status
  url="$base/v$version/$1"
  echo "readygate: downloading $(shown "$url") ($tool)" >&2
  status=$(fetch "$url" "$tmp/$1")
  case "$status" in
    200) ;;
    404)
      if [ "$1" = "$archive" ]; then
        echo "readygate: no release v$version for linux-$(uname -m): $(shown "$url") answered 404" >&2
        exit 4
      fi
      die "the release v$version has no $1 ($(shown "$url") answered 404): refusing an unchecked archive" ;;
    000) die "could not download $(shown "$url"): $(grep -v '^ ' "$tmp/fetch.err" | head -n 1)" ;;
    *) die "$(shown "$url") answered HTTP $status" ;;
  esac
}
download "$archive"
download "$archive.sha256"

# The checksum file is sha256sum's: "<64 hex>  NAME", one line.
pattern=${archive//./\\.}
pattern=${pattern//+/\\+}
expected=$(sed -n -E "1s/^([0-9a-f]{64}) [ *]$pattern\$/\1/p" "$tmp/$archive.sha256")
if [ -z "$expected" ] || [ "$(wc -l <"$tmp/$archive.sha256")" -gt 1 ]; then
  die "$archive.sha256 is not a sha256sum line for $archive"
fi
actual=$(sha256sum "$tmp/$archive" | cut -c1-64)
[ "$actual" = "$expected" ] \
  || die "checksum mismatch for $archive: $archive.sha256 says $expected, the download is $actual"

# One top folder, nothing outside it.
entries=$(tar -tzf "$tmp/$archive" 2>/dev/null) || die "$archive is not a gzipped tar archive"
bad=$(grep -Ev "^$name(/|\$)" <<<"$entries" | head -n 1 || true)
[ -z "$bad" ] || die "$archive holds $bad, outside its folder $name/"
! grep -Eq '(^|/)\.\.(/|$)' <<<"$entries" || die "$archive holds a path with '..'"
mkdir "$tmp/unpack"
tar -xzf "$tmp/$archive" -C "$tmp/unpack" --no-same-owner || die "could not unpack $archive"
top=$tmp/unpack/$name
for program in "${programs[@]}"; do
  if [ ! -f "$top/bin/$program" ] || [ ! -x "$top/bin/$program" ]; then
    die "$archive has no executable bin/$program"
  fi
done
if ! said=$("$top/bin/ready-scan" --version 2>"$tmp/version.err"); then
  echo "readygate: the release's bin/ready-scan --version does not run here: $(head -n 1 "$tmp/version.err")" >&2
  exit 4
fi
[[ " $said " == *" $version "* ]] || die "the release's bin/ready-scan --version says '$said', not $version"

if [ ! -e "$prefix" ] || rmdir "$prefix" 2>/dev/null; then
  mv "$top" "$prefix"
else
  cp -a "$top/." "$prefix/"  # an existing folder, e.g. /usr/local: merged, as an install would
fi
echo "readygate: installed release v$version in $prefix" >&2
