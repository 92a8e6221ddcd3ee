# `cpack -G DEB` on the build under test: a .deb with the five programs, ready-gate and their man
# pages and the DEP-5 copyright file, Depends worked out from the binaries (and nothing else: no
# jq), git and ca-certificates recommended, a changelog; unpacked, the programs run and
# ready-gate finds its siblings without PATH.
source "$(dirname "$0")/lib.sh"
: "${READYGATE_BUILD_DIR:?set READYGATE_BUILD_DIR to the build folder}"
for need in cpack dpkg-deb dpkg-shlibdeps file; do
  command -v "$need" >/dev/null || { echo "$need is not installed (scripts/install-deps.sh package): skipped"; exit 77; }
done

cd "$READYGATE_BUILD_DIR"
run cpack -G DEB -B "$WORK/pkg"
expect_rc 0 "cpack: $(tail -n 5 "$OUT" "$ERR")"
deb=$(ls "$WORK"/pkg/readygate_*.deb)
version=$("$SCAN" --version | cut -d' ' -f2)
[ "$(dpkg-deb -f "$deb" Package)" = readygate ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "version $(dpkg-deb -f "$deb" Version), programs say $version"
depends=$(dpkg-deb -f "$deb" Depends)
wanted=(libcurl4 libre2- libboost-program-options libpugixml libssl3 libpq5 libstdc++6)
# mimalloc is linked unless a sanitizer build (tools/bench/CMakeLists.txt): then it is a dependency.
if ldd "$READYGATE_BENCH" | grep -q libmimalloc; then wanted+=(libmimalloc); fi
for dependency in "${wanted[@]}"; do
  [[ "$depends" == *"$dependency"* ]] || fail "Depends lacks $dependency: $depends"
done
[[ "$depends" != *-dev* ]] || fail "Depends names a -dev package: $depends"
[[ "$depends" != *jq* ]] || fail "Depends names jq: ready-gate needs no JSON tool: $depends"
[ "$(dpkg-deb -f "$deb" Recommends)" = "git, ca-certificates" ] || fail "Recommends: $(dpkg-deb -f "$deb" Recommends)"

dpkg-deb -c "$deb" | awk '{print $6}' > "$WORK/contents"
for program in ready-scan ready-bench ready-healthcheck ready-score ready-report ready-gate; do
  grep -qx "./usr/bin/$program" "$WORK/contents" || fail "$program is not in the package"
  grep -qx "./usr/share/man/man1/$program.1.gz" "$WORK/contents" || fail "$program's man page is not in the package"
done
grep -qx "./usr/share/doc/readygate/copyright" "$WORK/contents" || fail "the copyright file is not in the package"
grep -qx "./usr/share/doc/readygate/changelog.gz" "$WORK/contents" || fail "the changelog is not in the package"

dpkg-deb -x "$deb" "$WORK/root"
# Machine-readable (DEP-5): the format line first, a Files: * paragraph and its licence.
copyright="$WORK/root/usr/share/doc/readygate/copyright"
head -n 1 "$copyright" | grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' \
  || fail "copyright is not DEP-5: $(head -n 1 "$copyright")"
grep -qx 'Files: \*' "$copyright" || fail "copyright has no Files: * paragraph"
grep -qx 'License: Apache-2.0' "$copyright" || fail "copyright names no Apache-2.0 licence"
for program in scan bench healthcheck score report; do
  [ "$("$WORK/root/usr/bin/ready-$program" --version)" = "ready-$program $version" ] || fail "ready-$program --version"
  # Read whole before matching: grep -q stops reading at the match, and under pipefail the
  # program's SIGPIPE on the rest of its help would fail the check at random.
  help=$("$WORK/root/usr/bin/ready-$program" --help)
  grep -q '^EXIT STATUS$' <<<"$help" || fail "ready-$program --help has no EXIT STATUS"
done
for page in "$WORK"/root/usr/share/man/man1/*.1.gz; do
  man=$(zcat "$page")
  [[ "$man" == .TH\ * ]] || fail "$page is not a man page"
  grep -q '^\.SH EXIT STATUS' <<<"$man" || fail "$page has no EXIT STATUS"
  if command -v groff >/dev/null; then
    warnings=$(zcat "$page" | groff -man -ww -z 2>&1)
    [ -z "$warnings" ] || fail "$page: $warnings"
  fi
done
# The unpacked ready-gate runs the unpacked programs (its own folder), not anything on PATH.
mkdir -p "$WORK/tree"
printf 'AWS_ACCESS_KEY_ID=AKIAJ7QW2M5RTXV3KD6B\n' > "$WORK/tree/settings.env"
PATH=/usr/bin:/bin run "$WORK/root/usr/bin/ready-gate" --scan-only --path "$WORK/tree" --out "$WORK/gate"
expect_rc 1 "the unpacked gate fails on a leaked key"
check '.tool == "scan" and .summary.findings == 1' "$WORK/gate/scan.json"
echo "$(basename "$deb"): Depends: $depends"
