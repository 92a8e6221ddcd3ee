#!/usr/bin/env bash
# release-check.sh ARCHIVE [DEB]: tries a release on fresh, minimal Debian 11, 12 and 13.
# In a pristine copy of a debootstrap --variant=minbase chroot per release (no compiler, no
# -dev packages) it unpacks ARCHIVE with tar as a user would and runs every program: --version,
# a scan of a planted fake key, its SARIF, a load of a server on the host's 127.0.0.1, and
# ready-gate --scan-only; it checks no program misses a library (ldd) and that each release's
# glibc is new enough. With DEB, it installs the package with apt in fresh copies of 11, 12 and 13
# and runs it. Prints a table (release x check: ok/FAILED) and exits 1 on any failure.
# Needs root, and on the host debootstrap (installed with apt when missing), jq, python3 and
# binutils. See docs/RELEASE.md.
#   READYGATE_CHROOT_CACHE  where the base chroots are kept, one tarball per release
#                           (default ${XDG_CACHE_HOME:-$HOME/.cache}/readygate/chroots)
#   READYGATE_CHECK_SUITES  the releases to try (default "bullseye bookworm trixie")
#   READYGATE_CHECK_LOGS    where each step's output is kept (default: a new folder under /tmp)
set -euo pipefail

usage() { echo "usage: $0 ARCHIVE.tar.gz [PACKAGE.deb]   (see docs/RELEASE.md)" >&2; exit 2; }
if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
case "$1" in -h|--help) usage ;; esac
archive=$(realpath -e -- "$1" 2>/dev/null) || { echo "release-check: no such archive: $1" >&2; exit 2; }
[[ "$archive" == *.tar.gz ]] || { echo "release-check: $1 is not a .tar.gz" >&2; exit 2; }
deb=""
if [ $# -eq 2 ]; then
  deb=$(realpath -e -- "$2" 2>/dev/null) || { echo "release-check: no such package: $2" >&2; exit 2; }
  [[ "$deb" == *.deb ]] || { echo "release-check: $2 is not a .deb" >&2; exit 2; }
fi
[ "$(id -u)" -eq 0 ] || { echo "release-check: needs root (debootstrap, chroot, mount)" >&2; exit 2; }
for tool in jq python3 objdump readelf; do
  command -v "$tool" >/dev/null || { echo "release-check: needs $tool on the host (scripts/install-deps.sh release-check)" >&2; exit 2; }
done
if ! command -v debootstrap >/dev/null; then
  "$(dirname "$0")/install-deps.sh" release-check
fi

cache=${READYGATE_CHROOT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/readygate/chroots}
read -r -a suites <<<"${READYGATE_CHECK_SUITES:-bullseye bookworm trixie}"
mirror=http://deb.debian.org/debian
mkdir -p "$cache"
run_dir=$(mktemp -d /tmp/release-check.XXXXXX)
logs=${READYGATE_CHECK_LOGS:-$run_dir.logs}
mkdir -p "$logs"
server_pid=""

# Cleanup, always: the server, every mount under the run folder (deepest first), then the
# folder, but never while something is still mounted in it.
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  local mounts
  mounts=$(awk -v d="$run_dir/" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r)
  for mount_point in $mounts; do umount "$mount_point" 2>/dev/null || umount -l "$mount_point" || true; done
  if awk -v d="$run_dir/" 'index($2, d) == 1 {found=1} END {exit !found}' /proc/self/mounts; then
    echo "release-check: still mounted under $run_dir: left in place" >&2
  else
    rm -rf "$run_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "release-check: $*" >&2; }

# base SUITE: the cached pristine tarball of SUITE's minbase chroot, made once.
base() {
  local suite=$1 tarball="$cache/$1.tar"
  if [ ! -f "$tarball" ]; then
    say "creating the $suite chroot (debootstrap --variant=minbase, once; cached in $cache)"
    local start=$SECONDS
    rm -rf "$cache/$suite.tmp"
    debootstrap --variant=minbase "$suite" "$cache/$suite.tmp" "$mirror" >"$logs/debootstrap-$suite.log" 2>&1 ||
      { say "debootstrap $suite failed: see $logs/debootstrap-$suite.log"; tail -n 20 "$logs/debootstrap-$suite.log" >&2; return 1; }
    tar -C "$cache/$suite.tmp" --numeric-owner -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    rm -rf "$cache/$suite.tmp"
    say "created the $suite chroot in $(( SECONDS - start ))s"
  fi
  printf '%s\n' "$tarball"
}

# fresh NAME SUITE: a new copy of SUITE's chroot at $run_dir/NAME, with /proc, a minimal /dev
# and the host's resolv.conf (for apt); prints its path.
fresh() {
  local root="$run_dir/$1" tarball
  tarball=$(base "$2")
  mkdir -p "$root"
  tar -C "$root" --numeric-owner -xf "$tarball"
  mount -t proc proc "$root/proc"
  mount -t tmpfs -o mode=755,size=1m devtmp "$root/dev"
  mknod -m 666 "$root/dev/null" c 1 3; mknod -m 666 "$root/dev/zero" c 1 5
  mknod -m 666 "$root/dev/full" c 1 7; mknod -m 666 "$root/dev/random" c 1 8
  mknod -m 666 "$root/dev/urandom" c 1 9; mknod -m 666 "$root/dev/tty" c 5 0
  ln -s /proc/self/fd "$root/dev/fd"; ln -s /proc/self/fd/0 "$root/dev/stdin"
  ln -s /proc/self/fd/1 "$root/dev/stdout"; ln -s /proc/self/fd/2 "$root/dev/stderr"
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  printf '%s\n' "$root"
}

# The archive is tried as a user would: unpacked and run by an unprivileged user (nobody's ids)
# in their home; apt runs as root.
home=/home/user
chroot=$(command -v chroot)
# inside ROOT COMMAND...: runs COMMAND in the chroot ROOT, with a clean environment, as that
# user when as_user=1.
as_user=0
inside() {
  local root=$1; shift
  local environment=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
                     LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive) user=()
  if [ "$as_user" = 1 ]; then
    environment=(PATH=/usr/local/bin:/usr/bin:/bin "HOME=$home" LANG=C.UTF-8 TERM=dumb)
    user=(--userspec=65534:65534)
    mkdir -p "$root$home" && chown 65534:65534 "$root$home"
  fi
  timeout 600 env -i "${environment[@]}" "$chroot" "${user[@]}" "$root" "$@"
}

# Results: result[ROW|CHECK] = ok or FAILED; rows and checks in the order first seen.
declare -A result=()
rows=() checks=() failures=0
record() {  # record ROW CHECK STATUS [WHY]
  [[ " ${rows[*]} " == *" $1 "* ]] || rows+=("$1")
  [[ " ${checks[*]} " == *" $2 "* ]] || checks+=("$2")
  result[$1|$2]=$3
  if [ "$3" = FAILED ]; then failures=$((failures + 1)); say "$1: $2 FAILED${4:+: $4}"; else say "$1: $2 $3${4:+ ($4)}"; fi
}
# step ROW CHECK LOG COMMAND...: records ok when COMMAND succeeds, else FAILED and the log's tail.
# (Its locals are named so as not to hide the callers' own from COMMAND.)
step() {
  local step_row=$1 step_check=$2 step_log=$3; shift 3
  if "$@" >"$step_log" 2>&1; then record "$step_row" "$step_check" ok; else
    record "$step_row" "$step_check" FAILED "see $step_log"; tail -n 8 "$step_log" | sed 's/^/    /' >&2
  fi
}

# The archive, checked once on the host: its layout and the newest glibc symbol it needs.
name=$(basename "$archive" .tar.gz)
version=${name#readygate-}; version=${version%-linux-x86_64}
top=$(tar tzf "$archive" | sed 's|^\./||; s|/.*||' | sort -u)
[ "$top" = "$name" ] || { say "the archive must hold one folder $name/, it holds: $(echo "$top" | tr '\n' ' ')"; exit 1; }
host_copy="$run_dir/host"
mkdir -p "$host_copy"
tar -C "$host_copy" -xzf "$archive"
programs=(ready-scan ready-bench ready-healthcheck ready-score ready-report ready-gate)
layout_ok=true
for program in "${programs[@]}"; do [ -x "$host_copy/$name/bin/$program" ] || { say "missing bin/$program"; layout_ok=false; }; done
for page in "${programs[@]}"; do [ -f "$host_copy/$name/share/man/man1/$page.1.gz" ] || { say "missing share/man/man1/$page.1.gz"; layout_ok=false; }; done
[ -f "$host_copy/$name/share/doc/readygate/LICENSE" ] || { say "missing share/doc/readygate/LICENSE"; layout_ok=false; }
if [ -f "$archive.sha256" ]; then
  (cd "$(dirname "$archive")" && sha256sum -c --status "$archive.sha256") || { say "$archive.sha256 does not match"; layout_ok=false; }
else
  say "no $archive.sha256 beside the archive"; layout_ok=false
fi
if [ "$layout_ok" = true ]; then record archive layout ok; else record archive layout FAILED "see above"; fi
elves=()
while IFS= read -r file; do
  if [ -f "$file" ] && [ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" = '177ELF' ]; then elves+=("$file"); fi
done < <(find "$host_copy/$name/bin" "$host_copy/$name/lib" -type f 2>/dev/null | sort)
# glibc_of FILE...: the highest GLIBC_x.y symbol version the files ask for.
# (none: 0; a file without dynamic symbols adds nothing)
glibc_of() {
  { [ $# -eq 0 ] || objdump -T "$@" 2>/dev/null || true; } | { grep -o 'GLIBC_[0-9][0-9.]*' || echo GLIBC_0; } |
    sed 's/GLIBC_//' | sort -uV | tail -n 1
}
glibc_needed=$(glibc_of "${elves[@]}")
bin_elves=()
for file in "${elves[@]}"; do [[ "$file" != */bin/* ]] || bin_elves+=("$file"); done
programs_need=$(glibc_of "${bin_elves[@]}")
neediest=""
for file in "${elves[@]}"; do
  if [ "$(glibc_of "$file")" = "$glibc_needed" ]; then neediest+=" ${file#"$host_copy/$name/"}"; fi
done
say "the binaries need glibc $glibc_needed (the highest GLIBC_ symbol version under bin/ and lib/; bin/ alone: $programs_need), asked for by:$neediest"
bad=""
for program in "${programs[@]:0:5}"; do
  readelf -d "$host_copy/$name/bin/$program" | grep -F 'RUNPATH' | grep -qF "\$ORIGIN/../lib/readygate" || bad+=" $program"
done
if [ -z "$bad" ]; then record archive runpath ok; else record archive runpath FAILED "no \$ORIGIN/../lib/readygate RUNPATH:$bad"; fi

# The loopback server, outside the chroots (they share the host's network).
mkdir -p "$run_dir/www"
printf 'ok\n' > "$run_dir/www/index.html"
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$run_dir/www" >"$logs/http-server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's/.* port \([0-9]*\).*/\1/p' "$logs/http-server.log" | head -n 1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { say "the HTTP server did not start: $(cat "$logs/http-server.log")"; exit 1; }
say "HTTP server on 127.0.0.1:$port"

# The fake secret: an AWS-style access key id (not a real one), in a small tree.
plant() {
  mkdir -p "$1/tree/config"
  printf 'AWS_ACCESS_KEY_ID=AKIAJ7QW2M5RTXV3KD6B\n' > "$1/tree/config/settings.env"
  printf 'def add(a, b):\n    return a + b\n' > "$1/tree/calc.py"
}

# check_archive SUITE: every check of the unpacked archive in a fresh SUITE chroot.
check_archive() {
  local suite=$1 root log="$logs/$1" have program
  as_user=0
  mkdir -p "$log"
  root=$(fresh "archive-$suite" "$suite")
  have=$(inside "$root" dpkg-query -W -f="\${Version}" libc6)
  have=${have%%-*}
  cp "$archive" "$root/tmp/"
  as_user=1
  step "$suite" unpack "$log/unpack.log" inside "$root" tar xzf "/tmp/$name.tar.gz" -C "$home"
  if dpkg --compare-versions "$have" ge "$glibc_needed"; then
    record "$suite" glibc ok "has $have, needs $glibc_needed"
  else
    record "$suite" glibc FAILED "has $have, the binaries need $glibc_needed"
  fi
  ldd_all() {
    local file listing
    listing=$(for file in "${elves[@]}"; do
      file=$home/$name/${file#"$host_copy/$name/"}
      echo "== $file"
      inside "$root" ldd "$file" 2>&1 || echo "ldd $file failed"
    done)
    echo "$listing"
    [ -n "$listing" ] || { echo "no ldd output"; return 1; }
    if grep -q -e 'not found' -e '^ldd .* failed$' <<<"$listing"; then
      echo "missing libraries or symbol versions:"; grep -E '^== |not found|failed$' <<<"$listing" | grep -B 1 -E 'not found|failed$'; return 1
    fi
  }
  step "$suite" ldd "$log/ldd.log" ldd_all
  versions() {
    local program out
    for program in "${programs[@]}"; do
      out=$(inside "$root" "$home/$name/bin/$program" --version) || { echo "$program --version failed: $out"; return 1; }
      echo "$out"
      [ "$out" = "$program $version" ] || { echo "expected '$program $version'"; return 1; }
    done
  }
  step "$suite" version "$log/version.log" versions
  plant "$root/tmp"
  scan() {
    local rc=0
    inside "$root" "$home/$name/bin/ready-scan" /tmp/tree --fail-on high -o /tmp/scan.json || rc=$?
    [ "$rc" -eq 1 ] || { echo "ready-scan --fail-on high exited $rc, expected 1 (a high finding)"; return 1; }
    jq -e '[.findings[] | select(.rule == "secret.aws-access-key-id")] | length == 1' "$root/tmp/scan.json" ||
      { echo "no secret.aws-access-key-id finding in the envelope:"; jq -c '.findings' "$root/tmp/scan.json"; return 1; }
    ! grep -q RTXV3KD6B "$root/tmp/scan.json" || { echo "the key is in the envelope"; return 1; }
  }
  step "$suite" scan "$log/scan.log" scan
  sarif() {
    inside "$root" "$home/$name/bin/ready-report" /tmp/scan.json --sarif /tmp/scan.sarif || return 1
    jq -e '.version == "2.1.0" and (.runs | length) >= 1 and ([.runs[].results[].ruleId] | index("secret.aws-access-key-id") != null)' "$root/tmp/scan.sarif"
  }
  step "$suite" sarif "$log/sarif.log" sarif
  bench() {
    inside "$root" "$home/$name/bin/ready-bench" "http://127.0.0.1:$port/" -n 200 -c 4 -o /tmp/bench.json || return 1
    jq -e '.metrics.overall.requests == 200 and .metrics.overall.errors == 0' "$root/tmp/bench.json" ||
      { jq -c '.metrics.overall | {requests, errors, errors_by_class}' "$root/tmp/bench.json"; return 1; }
  }
  step "$suite" bench "$log/bench.log" bench
  gate() {
    local rc=0
    inside "$root" bash -c "cd /tmp/tree && $home/$name/bin/ready-gate --scan-only --out /tmp/gate-out" || rc=$?
    [ "$rc" -eq 1 ] || { echo "ready-gate --scan-only exited $rc, expected 1 (the planted key)"; return 1; }
    jq -e '[.runs[].results[].ruleId] | index("secret.aws-access-key-id") != null' "$root/tmp/gate-out/readygate.sarif"
  }
  step "$suite" gate "$log/gate.log" gate
}

# check_deb SUITE: apt installs the package in a fresh SUITE chroot; it runs.
check_deb() {
  local suite=$1 root log="$logs/deb-$1" row="deb:$1"
  as_user=0
  mkdir -p "$log"
  root=$(fresh "deb-$suite" "$suite")
  cp "$deb" "$root/tmp/"
  deb_install() {
    inside "$root" apt-get update -q && inside "$root" apt-get install -y -q "/tmp/$(basename "$deb")"
  }
  step "$row" install "$log/install.log" deb_install
  [ "${result[$row|install]}" = ok ] || { grep -E 'Depends|unmet|E:' "$log/install.log" | sed 's/^/    apt: /' >&2 || true; }
  deb_versions() { inside "$root" ready-scan --version && [ "$(inside "$root" ready-scan --version)" = "ready-scan $version" ]; }
  step "$row" version "$log/version.log" deb_versions
  deb_man_page() {
    if inside "$root" sh -c 'command -v man' >/dev/null; then inside "$root" man -w ready-scan
    else echo "(no man in the chroot)"; inside "$root" ls -l /usr/share/man/man1/ready-scan.1.gz; fi
  }
  step "$row" man "$log/man.log" deb_man_page
  plant "$root/tmp"
  deb_scan() {
    local rc=0
    inside "$root" ready-scan /tmp/tree --fail-on high -o /tmp/scan.json || rc=$?
    [ "$rc" -eq 1 ] || { echo "ready-scan exited $rc, expected 1"; return 1; }
    jq -e '.summary.findings == 1' "$root/tmp/scan.json"
  }
  step "$row" scan "$log/scan.log" deb_scan
}

start=$SECONDS
for suite in "${suites[@]}"; do check_archive "$suite"; done
if [ -n "$deb" ]; then
  for suite in "${suites[@]}"; do check_deb "$suite"; done
fi

echo
echo "readygate $version release check ($(basename "$archive")${deb:+, $(basename "$deb")}), glibc needed: $glibc_needed, $(( SECONDS - start ))s"
printf '%-14s' ""; for check in "${checks[@]}"; do printf ' %-8s' "$check"; done; echo
for row in "${rows[@]}"; do
  printf '%-14s' "$row"
  for check in "${checks[@]}"; do printf ' %-8s' "${result[$row|$check]:--}"; done
  echo
done
echo "logs: $logs"
[ "$failures" -eq 0 ] || { echo "$failures check(s) FAILED"; exit 1; }
echo "all checks passed"
