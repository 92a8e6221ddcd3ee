#!/usr/bin/env bash
# ready-healthcheck probes every check at once: 100 endpoints that never answer, each with a
# timeout T, should take about T in all, not 100 × T. Also 100 healthy endpoints of the example
# service. Prints a Markdown table (medians of RUNS).
#   scripts/bench_healthcheck.sh [TIMEOUT_SECONDS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
timeout_s=${1:-2}
runs=${2:-3}
hc=${READY_HEALTHCHECK:-build/release/bin/ready-healthcheck}
fault=${FAULT_SERVER:-build/dev/tests/fault_server}
[ -x "$hc" ] || { cmake --preset release >/dev/null && cmake --build --preset release >&2; }
[ -x "$fault" ] || { cmake --preset dev >/dev/null && cmake --build --preset dev --target fault_server >&2; }

work=$(mktemp -d)
"$fault" hang "$work/hang.port" 600 >/dev/null 2>&1 &
fault_pid=$!
port=$(scripts/example-service.sh start "$work/svc")
trap 'kill $fault_pid 2>/dev/null; scripts/example-service.sh stop "$work/svc"; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/hang.port" ] && break; sleep 0.1; done
hang=$(cat "$work/hang.port")

checks() {  # checks URL: 100 --check flags, all to URL
  for i in $(seq 100); do printf -- '--check c%03d=%s ' "$i" "$1"; done
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
measure() {  # measure BASE: median wall seconds of RUNS runs, and the statuses of the last
  local times=()
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2046
    /usr/bin/time -f '%e' -o "$work/time" "$hc" $(checks "$1") --timeout "${timeout_s}s" --retries 0 -q -o "$work/out.json" || true
    times+=("$(tail -n 1 "$work/time")")  # GNU time puts "Command exited with…" first on failure
  done
  echo "$(median "${times[@]}") $(jq -r '[.metrics.checks[].status] | group_by(.) | map("\(length) \(.[0])") | join(", ")' "$work/out.json")"
}

read -r hang_s hang_status < <(measure "http://127.0.0.1:$hang/")
read -r up_s up_status < <(measure "http://127.0.0.1:$port/health")
echo "100 checks at once, timeout ${timeout_s} s, no retries, median of $runs runs:"
echo
echo "| endpoints | median wall s | sum of the timeouts, s | outcome |"
echo "| --- | ---: | ---: | --- |"
echo "| 100 that never answer | $hang_s | $((100 * timeout_s)) | $hang_status |"
echo "| 100 healthy (example service) | $up_s | — | $up_status |"
echo
echo "Machine: $(nproc) cores; $("$hc" --version)"
