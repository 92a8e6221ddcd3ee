# scripts/ci-setup.sh install from a release archive (scripts/install-release.sh), against a
# stand-in for GitHub's release downloads on 127.0.0.1 (tests/support/release_server.py, via
# READYGATE_RELEASE_BASE_URL) serving archives the test builds itself, laid out as
# scripts/release.sh lays them out (shell scripts for the programs). Checks: a good archive is
# installed and put on GITHUB_PATH; a cache hit downloads and installs nothing; a bad checksum,
# an HTTP 403 and a refused connection install nothing and exit 1; no release (404), or one
# whose ready-scan does not run here, builds from source when READYGATE_FROM_SOURCE allows it
# and the version is the tree's own; with curl hidden from PATH, wget downloads. The source build and
# apt are stubs on PATH (cmake, dpkg-query, apt-get) that log their calls: the test sees that the
# build was run, for which source and prefix, without compiling for minutes.
source "$(dirname "$0")/lib.sh"
SETUP="$READYGATE_SOURCE/scripts/ci-setup.sh"
if command -v ready-scan >/dev/null; then
  echo "ready-scan is installed system-wide: skipped"; exit 77
fi
own=$(sed -n -E 's/^project\(readygate VERSION ([0-9.]+).*/\1/p' "$READYGATE_SOURCE/CMakeLists.txt")
[ -n "$own" ] || fail "no project VERSION in CMakeLists.txt"
arch=$(uname -m)
unset GITHUB_PATH READYGATE_VERSION READYGATE_FROM_SOURCE READYGATE_PREFIX READYGATE_CACHE_DIR

# Stubs: the source build's cmake and install-deps.sh's dpkg-query/apt-get log their calls.
S="$WORK/stubs"
mkdir -p "$S"
cat > "$S/cmake" <<'SH'
#!/bin/sh
echo "cmake $*" >> "$STUB_LOG"
case "$1" in
  -S) build=$4; mkdir -p "$build"; for a in "$@"; do case "$a" in -DCMAKE_INSTALL_PREFIX=*) echo "${a#*=}" > "$build/prefix" ;; esac; done ;;
  --install) p=$(cat "$2/prefix"); mkdir -p "$p/bin"; printf '#!/bin/sh\necho "ready-scan 0.0.0-built"\n' > "$p/bin/ready-scan"; chmod +x "$p/bin/ready-scan" ;;
esac
SH
printf '#!/bin/sh\necho "dpkg-query $*" >> "$STUB_LOG"\necho "install ok installed"\n' > "$S/dpkg-query"
printf '#!/bin/sh\necho "apt-get $*" >> "$STUB_LOG"\nexit 1\n' > "$S/apt-get"
chmod +x "$S"/*
export STUB_LOG="$WORK/stub.log"
: > "$STUB_LOG"
SYSTEM_PATH=$S:$PATH

# make_release DIR VERSION [broken]: an archive and its .sha256 in www/DIR/vVERSION/; broken:
# its ready-scan fails.
make_release() {
  local name="readygate-$2-linux-$arch" stage="$WORK/stage/$1"
  rm -rf "$stage"; mkdir -p "$stage/$name/bin" "$stage/$name/lib/readygate" "$stage/$name/share/man/man1" \
    "$stage/$name/share/doc/readygate" "$WORK/www/$1/v$2"
  for program in ready-scan ready-bench ready-healthcheck ready-score ready-report ready-gate; do
    printf '#!/bin/sh\necho "%s %s"\n' "$program" "$2" > "$stage/$name/bin/$program"
  done
  [ "${3:-}" = broken ] && printf '#!/bin/sh\necho "libfoo.so: not found" >&2\nexit 127\n' > "$stage/$name/bin/ready-scan"
  chmod +x "$stage/$name/bin/"*
  echo "libfake" > "$stage/$name/lib/readygate/libfake.so.1"
  echo ".TH READY-SCAN 1" | gzip -9n > "$stage/$name/share/man/man1/ready-scan.1.gz"
  cp "$READYGATE_SOURCE/LICENSE" "$stage/$name/share/doc/readygate/"
  tar -czf "$WORK/www/$1/v$2/$name.tar.gz" -C "$stage" "$name"
  (cd "$WORK/www/$1/v$2" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
}
make_release ok "$own"
make_release badsum "$own"
printf '%064d  readygate-%s-linux-%s.tar.gz\n' 0 "$own" "$arch" > "$WORK/www/badsum/v$own/readygate-$own-linux-$arch.tar.gz.sha256"
make_release broken "$own" broken
make_release othername "$own"
sed -i 's/  .*/  other.tar.gz/' "$WORK/www/othername/v$own/readygate-$own-linux-$arch.tar.gz.sha256"
mkdir -p "$WORK/www/empty"

python3 "$READYGATE_SOURCE/tests/support/release_server.py" "$WORK/www" "$WORK/port" "$WORK/server.log" &
on_exit "kill $!"
for _ in $(seq 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
[ -s "$WORK/port" ] || fail "the release server did not start"
URL="http://127.0.0.1:$(cat "$WORK/port")"
: > "$WORK/server.log"

# install BASE PREFIX [VAR=VALUE…]: ci-setup.sh install from BASE into PREFIX, bounded in time.
install() {
  local base=$1 prefix=$2
  shift 2
  run timeout $((60 * TIME_SCALE)) env PATH="$SYSTEM_PATH" READYGATE_RELEASE_BASE_URL="$base" \
    READYGATE_PREFIX="$prefix" GITHUB_PATH="$WORK/github_path" "$@" "$SETUP" install
}
# nothing_in PREFIX: the prefix was not created, and no download was left beside it.
nothing_in() {
  [ ! -e "$1" ] || fail "$1 exists after a failed install: $(ls -A "$1")"
  ! compgen -G "$(dirname "$1")/.readygate-release-*" >/dev/null || fail "a download was left beside $1"
  [ ! -s "$WORK/github_path" ] || fail "GITHUB_PATH written after a failed install"
}
no_stub_calls() { [ ! -s "$STUB_LOG" ] || fail "${1:-}: unexpected calls: $(cat "$STUB_LOG")"; }
reset() { : > "$STUB_LOG"; : > "$WORK/server.log"; rm -f "$WORK/github_path"; }

# A good archive of the tree's own version (the default): installed, on GITHUB_PATH, by curl.
P="$WORK/prefix/good"
reset
install "$URL/ok" "$P"
expect_rc 0 "good archive: $(cat "$ERR")"
[ "$("$P/bin/ready-scan" --version)" = "ready-scan $own" ] || fail "installed ready-scan: $("$P/bin/ready-scan" --version)"
for f in bin/ready-gate bin/ready-report lib/readygate/libfake.so.1 share/man/man1/ready-scan.1.gz share/doc/readygate/LICENSE; do
  [ -e "$P/$f" ] || fail "not installed: $f"
done
[ "$(cat "$WORK/github_path")" = "$P/bin" ] || fail "GITHUB_PATH: $(cat "$WORK/github_path")"
expect_stderr "installed release v$own in $P"
expect_stderr "ready-scan $own in $P/bin"
grep -q "^/ok/v$own/readygate-$own-linux-$arch.tar.gz curl/" "$WORK/server.log" || fail "not fetched by curl: $(cat "$WORK/server.log")"
grep -q "^/ok/v$own/readygate-$own-linux-$arch.tar.gz.sha256 curl/" "$WORK/server.log" || fail "checksum not fetched: $(cat "$WORK/server.log")"
no_stub_calls "a release install"
! compgen -G "$WORK/prefix/.readygate-release-*" >/dev/null || fail "the download was left beside the prefix"

# The same prefix again (what actions/cache restores): nothing downloaded, nothing installed.
reset
install "$URL/ok" "$P"
expect_rc 0 "cache hit: $(cat "$ERR")"
expect_stderr "using the cached build in $P"
[ ! -s "$WORK/server.log" ] || fail "a cache hit downloaded: $(cat "$WORK/server.log")"
no_stub_calls "a cache hit"
[ "$(cat "$WORK/github_path")" = "$P/bin" ] || fail "GITHUB_PATH after a cache hit"

# A cached build whose programs do not run (a source build without its libraries): the runner
# packages are installed (the dpkg-query stub is asked), then it must run.
P="$WORK/prefix/cached-source"
mkdir -p "$P/bin"
printf '#!/bin/sh\n[ -e "%s" ] || exit 127\necho "ready-scan 0.0.0-cached"\n' "$WORK/libs-installed" > "$P/bin/ready-scan"
chmod +x "$P/bin/ready-scan"
reset
install "$URL/ok" "$P"
expect_rc 1 "a cached build that does not run"
expect_stderr "$P/bin/ready-scan does not run"
grep -q '^dpkg-query ' "$STUB_LOG" || fail "install-deps.sh runner was not run for the cached source build"
touch "$WORK/libs-installed"
reset
install "$URL/ok" "$P"
expect_rc 0 "a cached build that runs: $(cat "$ERR")"
no_stub_calls "a cached build that runs"

# A bad checksum: a clear error, exit 1, nothing installed.
P="$WORK/prefix/badsum"
reset
install "$URL/badsum" "$P"
expect_rc 1 "bad checksum"
expect_stderr "checksum mismatch for readygate-$own-linux-$arch.tar.gz"
expect_stderr "nothing installed"
nothing_in "$P"
no_stub_calls "a bad checksum"

# A checksum file for another file (the right hash, the wrong name): refused.
P="$WORK/prefix/othername"
reset
install "$URL/othername" "$P"
expect_rc 1 "checksum file for another name"
expect_stderr "readygate-$own-linux-$arch.tar.gz.sha256 is not a sha256sum line for readygate-$own-linux-$arch.tar.gz"
nothing_in "$P"

# An archive whose ready-scan does not run here (say, a newer C library than the runner's): not
# installed; with from-source never that is the end, else it is built from source (below).
P="$WORK/prefix/broken"
reset
install "$URL/broken" "$P" READYGATE_FROM_SOURCE=never
expect_rc 1 "broken archive"
expect_stderr "bin/ready-scan --version does not run here: libfoo.so: not found"
nothing_in "$P"
reset
install "$URL/broken" "$P"
expect_rc 0 "broken archive, auto: $(cat "$ERR")"
expect_stderr "building $own from source instead"
grep -qF -- "-DCMAKE_INSTALL_PREFIX=$P" "$STUB_LOG" || fail "not built into the prefix: $(cat "$STUB_LOG")"
[ "$("$P/bin/ready-scan" --version)" = "ready-scan 0.0.0-built" ] || fail "the source build is not what was installed"

# HTTP 403 and a refused connection: an error naming the URL and the way out, no build. The
# user:password of a mirror's URL is never printed.
P="$WORK/prefix/forbidden"
reset
install "http://user:s3cret-pass@127.0.0.1:$(cat "$WORK/port")/forbidden" "$P"
expect_rc 1 "HTTP 403"
expect_stderr "forbidden/v$own/readygate-$own-linux-$arch.tar.gz answered HTTP 403"
expect_stderr "READYGATE_FROM_SOURCE=always"
! grep -q 's3cret-pass' "$OUT" "$ERR" || fail "the URL's password was printed"
nothing_in "$P"
no_stub_calls "HTTP 403"
reset
install "http://127.0.0.1:1/none" "$P"
expect_rc 1 "connection refused"
expect_stderr "could not download http://127.0.0.1:1/none/v$own/"
nothing_in "$P"
no_stub_calls "a refused connection"

# No release of the tree's own version (404): built from source instead, saying so; the stubbed
# cmake is given this tree and the prefix, install-deps.sh runs.
P="$WORK/prefix/fallback"
reset
install "$URL/empty" "$P"
expect_rc 0 "404 fallback: $(cat "$ERR")"
expect_stderr "no release v$own for linux-$arch"
expect_stderr "building $own from source instead"
grep -q '^dpkg-query ' "$STUB_LOG" || fail "install-deps.sh runner did not run before the build"
grep -qF -- "cmake -S $READYGATE_SOURCE -B " "$STUB_LOG" || fail "no configure of this tree: $(cat "$STUB_LOG")"
grep -qF -- "-DCMAKE_INSTALL_PREFIX=$P" "$STUB_LOG" || fail "not built into the prefix: $(cat "$STUB_LOG")"
grep -q '^cmake --install ' "$STUB_LOG" || fail "no cmake --install: $(cat "$STUB_LOG")"
! grep -q '^apt-get' "$STUB_LOG" || fail "apt-get ran although every package is there"
[ "$(cat "$WORK/github_path")" = "$P/bin" ] || fail "GITHUB_PATH after the source build"

# ... unless told never, or the version asked for is not this tree's: exit 1, no build.
P="$WORK/prefix/never"
reset
install "$URL/empty" "$P" READYGATE_FROM_SOURCE=never
expect_rc 1 "404 with never"
expect_stderr "not building from source"
nothing_in "$P"
no_stub_calls "404 with never"
reset
install "$URL/empty" "$P" READYGATE_VERSION=9.8.7
expect_rc 1 "404 for another version"
expect_stderr "no release v9.8.7"
expect_stderr "this copy of readygate is $own, so 9.8.7 cannot be built from it"
nothing_in "$P"
no_stub_calls "404 for another version"

# always: no download at all, a build from source.
P="$WORK/prefix/always"
reset
install "$URL/ok" "$P" READYGATE_FROM_SOURCE=always
expect_rc 0 "always: $(cat "$ERR")"
expect_stderr "building $own from source (READYGATE_FROM_SOURCE=always)"
[ ! -s "$WORK/server.log" ] || fail "always downloaded: $(cat "$WORK/server.log")"
grep -q '^cmake --install ' "$STUB_LOG" || fail "always did not build: $(cat "$STUB_LOG")"
# ... but only of this tree's version: always with another one builds nothing.
P="$WORK/prefix/always-other"
reset
install "$URL/ok" "$P" READYGATE_FROM_SOURCE=always READYGATE_VERSION=9.8.7
expect_rc 1 "always for another version"
expect_stderr "this copy of readygate is $own, so 9.8.7 cannot be built from it"
nothing_in "$P"
no_stub_calls "always for another version"

# Bad input: exit 2, before anything is fetched.
reset
install "$URL/ok" "$WORK/prefix/bad" READYGATE_VERSION=latest
expect_rc 2; expect_stderr "not a release version: 'latest'"
install "$URL/ok" "$WORK/prefix/bad" READYGATE_FROM_SOURCE=maybe
expect_rc 2; expect_stderr "must be auto, never or always, not 'maybe'"
[ ! -s "$WORK/server.log" ] || fail "bad input downloaded"

# curl hidden from PATH: wget downloads (the server sees its User-Agent), 404 is still told
# apart, and a v in front of the version is dropped.
command -v wget >/dev/null || fail "wget is not installed (scripts/install-deps.sh test)"
N="$WORK/nocurl"
mkdir -p "$N"
ln -s /usr/bin/* "$N/"
[ /bin -ef /usr/bin ] || ln -s /bin/* "$N/" 2>/dev/null || true  # without merged /usr: the rest
rm -f "$N/curl"
P="$WORK/prefix/wget"
reset
run timeout $((60 * TIME_SCALE)) env PATH="$S:$N" READYGATE_RELEASE_BASE_URL="$URL/ok" \
  READYGATE_PREFIX="$P" READYGATE_VERSION="v$own" "$N/bash" "$SETUP" install
expect_rc 0 "wget: $(cat "$ERR")"
expect_stderr "(wget)"
grep -q "^/ok/v$own/readygate-$own-linux-$arch.tar.gz Wget/" "$WORK/server.log" || fail "not fetched by wget: $(cat "$WORK/server.log")"
[ "$("$P/bin/ready-scan" --version)" = "ready-scan $own" ] || fail "wget install"
reset
run timeout $((60 * TIME_SCALE)) env PATH="$S:$N" READYGATE_RELEASE_BASE_URL="$URL/empty" \
  READYGATE_PREFIX="$WORK/prefix/wget404" READYGATE_FROM_SOURCE=never "$N/bash" "$SETUP" install
expect_rc 1 "wget 404"
expect_stderr "no release v$own for linux-$arch"
nothing_in "$WORK/prefix/wget404"
run timeout $((60 * TIME_SCALE)) env PATH="$S:$N" READYGATE_RELEASE_BASE_URL="http://127.0.0.1:1/none" \
  READYGATE_PREFIX="$WORK/prefix/wget-refused" "$N/bash" "$SETUP" install
expect_rc 1 "wget, connection refused"
expect_stderr "could not download http://127.0.0.1:1/none/v$own/readygate-$own-linux-$arch.tar.gz: wget: network failure"
nothing_in "$WORK/prefix/wget-refused"

# The setup action's own steps (tests/support/run_action_step.py evaluates their env: as the
# runner would): the inputs version and from-source reach the script; the key names the version.
A="$READYGATE_SOURCE/actions/setup/action.yml"
reset
: > "$WORK/github_output"
action_step() {
  run timeout $((60 * TIME_SCALE)) env PATH="$SYSTEM_PATH" READYGATE_RELEASE_BASE_URL="$1" \
    READYGATE_CACHE_DIR="$WORK/action-cache" GITHUB_OUTPUT="$WORK/github_output" \
    GITHUB_PATH="$WORK/github_path" python3 "$READYGATE_SOURCE/tests/support/run_action_step.py" "$A" "${@:2}"
}
action_step "$URL/ok" probe version="v$own" from-source=never
expect_rc 0 "action probe: $(cat "$ERR")"
cat "$OUT" >> "$WORK/github_output"
grep -q "^cache-key=readygate-$own-" "$WORK/github_output" || fail "the key does not name the version: $(cat "$WORK/github_output")"
action_step "$URL/ok" install version="v$own" from-source=never
expect_rc 0 "action install: $(cat "$ERR")"
prefix=$(sed -n 's/^prefix=//p' "$WORK/github_output")
[ "$(cat "$WORK/github_path")" = "$prefix/bin" ] || fail "the action's GITHUB_PATH: $(cat "$WORK/github_path")"
[ "$("$prefix/bin/ready-scan" --version)" = "ready-scan $own" ] || fail "the action's install"
rm -f "$WORK/github_path"
action_step "$URL/empty" probe version=9.8.7 from-source=never
expect_rc 0 "action probe: $(cat "$ERR")"
cp "$OUT" "$WORK/github_output"
action_step "$URL/empty" install version=9.8.7 from-source=never
expect_rc 1 "the action with a version that has no release"
expect_stderr "no release v9.8.7"
expect_stderr "not building from source"
action_step "$URL/ok" install from-source=sometimes
expect_rc 2 "the action with a bad from-source"
[ ! -s "$WORK/github_path" ] || fail "GITHUB_PATH written by a failed install"
echo "setup from a release: every case passed"
