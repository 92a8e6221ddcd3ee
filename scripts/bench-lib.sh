# Sourced by the measurement scripts (bench_scan.sh, bench_history.sh): what they print about
# the run they measured. REPO is the readygate checkout; READY_SCAN_GIVEN is set when the
# caller chose the binary.

# Quotes each argument for a shell, readably: 'a b' rather than a\ b.
shell_words() {
  local word out=()
  for word in "$@"; do
    if [[ $word =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then out+=("$word")
    else out+=("'${word//\'/\'\\\'\'}'")
    fi
  done
  printf '%s\n' "${out[*]}"
}

# The commit the measured binary was built from, as far as the checkout can tell.
source_revision() {
  local head dirty
  head=$(git -C "$REPO" log -1 --format='%h %s' 2>/dev/null) || { echo "not a git checkout"; return; }
  dirty=$(git -C "$REPO" status --porcelain -- tools common cmake CMakeLists.txt CMakePresets.json 2>/dev/null)
  echo "$head${dirty:+ (with uncommitted changes to the sources)}${READY_SCAN_GIVEN:+; READY_SCAN was given, so the binary may be of other sources}"
}
