# Files that break naive scanners: binary, huge single line, invalid UTF-8, symlink loops,
# FIFOs, unreadable files and folders. None may crash, hang or corrupt the JSON.
source "$(dirname "$0")/lib.sh"

T="$WORK/tree"
mkdir -p "$T/sub"
printf 'eval(x)\n' > "$T/ok.py"
printf 'eval(x)\0\x01\x02binary' > "$T/blob.py"
{ head -c $((20 * 1024 * 1024)) /dev/zero | tr '\0' 'a'; printf ' eval(payload)\n'; } > "$T/huge.py"
printf 'name = "caf\xe9 \xff\xfe"; eval(name)\n' > "$T/latin1.py"
ln -s .. "$T/sub/loop"
ln -s ../ok.py "$T/sub/link.py"
mkfifo "$T/pipe.py"

run timeout $((60 * TIME_SCALE)) "$SCAN" "$T" --no-git
expect_rc 0; expect_json
check '.summary.files == 2'
check '.summary.skipped.binary == 1'
check '.summary.skipped.too_large == 1'
check '.summary.skipped.symlinks == 2'
check '.summary.skipped.special == 1'
check '[.findings[].location.path | sub(".*/"; "")] | sort == ["latin1.py", "ok.py"]'
check '.findings[] | select(.location.path | endswith("latin1.py")) | .location.snippet | contains("\ufffd")'

# The 20 MB line scans when allowed, with a bounded snippet.
run timeout $((60 * TIME_SCALE)) "$SCAN" "$T/huge.py" --max-file-size 30M
expect_rc 0; expect_json
check '.findings | length == 1'
check '.findings[0].location.column == 20971522'
check '(.findings[0].location.snippet | length) <= 210'

# Unreadable file and folder: warned, counted, a warn check; the rest is still scanned.
U="$WORK/perm"
mkdir -p "$U/locked"
printf 'eval(x)\n' > "$U/ok.py"
printf 'eval(x)\n' > "$U/secret.py"
printf 'eval(x)\n' > "$U/locked/inner.py"
chmod 000 "$U/secret.py" "$U/locked"
if [ "$(id -u)" -eq 0 ]; then
  # root reads everything: run the scan as an unprivileged user instead.
  command -v setpriv >/dev/null || { echo "setpriv missing: cannot test unreadable files as root"; exit 77; }
  AS_USER=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
  AS_USER=()
fi
run "${AS_USER[@]}" "$SCAN" "$U" --no-git
expect_rc 0; expect_json
check '.summary.files == 1 and .summary.unreadable == 2'
check '.checks[] | select(.id == "scan.unreadable") | .status == "warn" and .value == 2'
expect_stderr "secret.py: Permission denied"
expect_stderr "locked: Permission denied"
