# ready-healthcheck ends as soon as its last check is decided: no poll for the default interval
# once nothing is pending (the run used to wait 200 ms more after the last answer). Measured by
# counting, not by the clock: under strace, the prober's last waiting poll() is the one that
# brought the last answer, never one that ran out its timeout. And a --wait run with a 5 s
# interval whose checks are all healthy at once ends well before one interval.
source "$(dirname "$0")/lib.sh"
HC="$READYGATE_HEALTHCHECK"
command -v nginx >/dev/null || fail "nginx is not installed: scripts/install-deps.sh test installs it"
command -v strace >/dev/null || fail "strace is not installed: scripts/install-deps.sh test installs it"
cd "$WORK"
start_nginx health_only_conf
args=()
for i in $(seq 10); do args+=(--check "c$i=http://127.0.0.1:$NGINX_PORT/health"); done

# strace may be refused (no ptrace in some containers): that is a reason to fail, said plainly.
# LeakSanitizer cannot run under ptrace: in the sanitizer build the traced run goes without it.
if sanitized; then export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"; fi
strace -f -o probe.trace -e trace=poll,ppoll "$HC" "${args[@]}" >"$OUT" 2>"$ERR" || RC=$?
[ -s probe.trace ] || fail "strace could not trace ready-healthcheck: $(head -n 3 "$ERR")"
expect_rc 0; expect_json
check '.summary.healthy == 10'
MAIN=$(head -n 1 probe.trace | cut -d' ' -f1)
# The main thread's polls that could wait (a timeout above 0): the last one must have been woken.
LAST=$(grep "^$MAIN " probe.trace | grep -E 'poll\(.*, [1-9][0-9]*\) = ' | tail -n 1)
[ -n "$LAST" ] || fail "no waiting poll in the trace: $(head -n 5 probe.trace)"
case "$LAST" in
  *"= 0 (Timeout)"*) fail "after the last answer the run still polled until a timeout: $LAST" ;;
esac

# --wait with a 5 s interval: every check healthy at the first attempt, so the run ends then.
started=$(date +%s%N)
run "$HC" "${args[@]}" --wait 60s --interval 5s
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
expect_rc 0
check '.summary.healthy == 10 and all(.metrics.checks[]; .attempts == 1)'
[ "$elapsed_ms" -lt 5000 ] || fail "a run whose checks were all healthy waited an interval ($elapsed_ms ms)"
