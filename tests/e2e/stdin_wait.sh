# ready-score and ready-report with no file and stdin a terminal say that they wait for input
# (script(1) gives them a pseudo-terminal); from a pipe they say nothing of the kind.
source "$(dirname "$0")/lib.sh"
SCORE="$READYGATE_SCORE" REPORT="$READYGATE_REPORT"
command -v script >/dev/null || { echo "SKIP: script(1) is missing (util-linux)"; exit 77; }
for program in "$SCORE" "$REPORT"; do
  args=()
  [ "$program" = "$REPORT" ] && args=(--markdown "$WORK/summary.md")
  # The terminal never sends anything: the program waits until timeout ends it.
  script -qec "timeout 3 $(printf '%q ' "$program" "${args[@]}")" /dev/null > "$WORK/tty.txt" 2>&1 < /dev/null || true
  grep -q "waiting for JSON on standard input (a terminal): end it with Ctrl-D" "$WORK/tty.txt" ||
    fail "$(basename "$program") did not say that it waits on the terminal: $(head -c 300 "$WORK/tty.txt")"
  printf '' | "$program" "${args[@]}" > /dev/null 2> "$WORK/pipe.txt" || true
  grep -q "waiting for JSON" "$WORK/pipe.txt" && fail "$(basename "$program") said it waits while reading a pipe"
done
echo "ok"
