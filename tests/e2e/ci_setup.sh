# scripts/ci-setup.sh, behind actions/setup and the GitLab template's install: probe says whether
# readygate is on PATH and names the cache key and prefix; install does nothing when it is on
# PATH, uses a build already in the prefix (a cache hit) and adds it to GITHUB_PATH.
# (A cache miss, the release download and the fallback build from source: setup_release.sh.)
source "$(dirname "$0")/lib.sh"
: "${READYGATE_GATE:?set READYGATE_GATE to the built ready-gate}"
BIN=$(dirname "$READYGATE_GATE")
SETUP="$READYGATE_SOURCE/scripts/ci-setup.sh"
SYSTEM_PATH=$PATH
if command -v ready-scan >/dev/null; then
  echo "ready-scan is installed system-wide: skipped"; exit 77
fi

# probe: not found; the key names the version, the OS release and the architecture and is stable.
run env READYGATE_CACHE_DIR="$WORK/cache" "$SETUP" probe
expect_rc 0
grep -qx 'found=false' "$OUT" || fail "probe without readygate on PATH: $(cat "$OUT")"
key=$(sed -n 's/^cache-key=//p' "$OUT")
own=$(sed -n -E 's/^project\(readygate VERSION ([0-9.]+).*/\1/p' "$READYGATE_SOURCE/CMakeLists.txt")
[[ "$key" =~ ^readygate-${own//./\\.}-[a-z0-9.-]+-$(uname -m)-[0-9a-f]{16}$ ]] || fail "cache key: $key"
grep -qx "prefix=$WORK/cache/$key" "$OUT" || fail "prefix: $(cat "$OUT")"
[ "$(READYGATE_CACHE_DIR="$WORK/cache" "$SETUP" probe | sed -n 's/^cache-key=//p')" = "$key" ] || fail "the key changed between two probes"
# The key follows the sources: a changed script is a new key.
mkdir -p "$WORK/copy"
for part in scripts CMakeLists.txt CMakePresets.json cmake common tools; do cp -r "$READYGATE_SOURCE/$part" "$WORK/copy/"; done
[ "$("$WORK/copy/scripts/ci-setup.sh" probe | sed -n 's/^cache-key=//p')" = "$key" ] || fail "a copy of the same sources has another key"
echo "# changed" >> "$WORK/copy/common/log.cpp"
[ "$("$WORK/copy/scripts/ci-setup.sh" probe | sed -n 's/^cache-key=//p')" != "$key" ] || fail "changed sources kept the key"

# Another version, or a build from source, is another key; a bad version is refused.
[ "$(READYGATE_VERSION=v9.8.7 "$SETUP" probe | sed -n 's/^cache-key=//p')" = "${key/$own/9.8.7}" ] || fail "the key for version 9.8.7"
[ "$(READYGATE_FROM_SOURCE=always "$SETUP" probe | sed -n 's/^cache-key=//p')" = "${key/$own/$own-source}" ] || fail "the key for a source build"
READYGATE_VERSION='1.0; rm -rf /' run "$SETUP" probe
expect_rc 2; expect_stderr "not a release version"

# probe: found when the programs are on PATH.
PATH="$BIN:$SYSTEM_PATH" run "$SETUP" probe
grep -qx 'found=true' "$OUT" || fail "probe with readygate on PATH: $(cat "$OUT")"

# install with readygate on PATH: says which it uses, changes nothing.
PATH="$BIN:$SYSTEM_PATH" GITHUB_PATH="$WORK/github_path" run "$SETUP" install
expect_rc 0; expect_stderr "using $BIN/ready-scan"
[ ! -s "$WORK/github_path" ] || fail "GITHUB_PATH written although readygate was on PATH"

# install with the build in the prefix (what actions/cache restores): used, added to GITHUB_PATH;
# its programs run, so nothing is installed.
mkdir -p "$WORK/cache/$key"
ln -s "$BIN" "$WORK/cache/$key/bin"
READYGATE_CACHE_DIR="$WORK/cache" GITHUB_PATH="$WORK/github_path" run "$SETUP" install
expect_rc 0 "$(cat "$ERR")"
expect_stderr "using the cached build in $WORK/cache/$key"
[ "$(cat "$WORK/github_path")" = "$WORK/cache/$key/bin" ] || fail "GITHUB_PATH: $(cat "$WORK/github_path")"

run "$SETUP" frobnicate
expect_rc 2; expect_stderr "usage: ci-setup.sh"
