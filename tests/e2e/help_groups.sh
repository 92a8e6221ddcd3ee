# Every program's --help groups its options under names a user understands (not the name of a
# C++ type), and the groups a long list was split into are there, in order.
source "$(dirname "$0")/lib.sh"
groups() {  # groups PROGRAM GROUP... : each "GROUP:" heading in this order, then "Common options:"
  local program=$1; shift
  run "$program" --help
  expect_rc 0 "$program --help"
  local at=0 line
  for group in "$@" "Common options"; do
    line=$(grep -nxF "  $group:" "$OUT" | head -1 | cut -d: -f1)
    [ -n "$line" ] || fail "$(basename "$program") --help lacks the group \"$group\""
    [ "$line" -gt "$at" ] || fail "$(basename "$program") --help: \"$group\" out of order"
    at=$line
  done
  if grep -qE 'EnvelopeSet|Options:$' "$OUT"; then fail "$(basename "$program") --help: a group named after code"; fi
}
groups "$READYGATE_SCAN" "Scan options"
groups "$READYGATE_BENCH" "Load" "Requests" "Thresholds"
groups "$READYGATE_HEALTHCHECK" "Checks" "Waiting and retries" "TLS and security headers"
groups "$READYGATE_SCORE" "Evidence" "Policy and gate"
groups "$READYGATE_REPORT" "Report options"
# The text report is offered by the programs that have one.
for program in "$READYGATE_BENCH" "$READYGATE_HEALTHCHECK" "$READYGATE_SCORE"; do
  run "$program" --help
  grep -qF -- "--format FORMAT" "$OUT" || fail "$(basename "$program") --help lacks --format"
done
