#!/usr/bin/env bash
# Throughput of ready-bench side by side with wrk and hey (Debian's packages), against the same
# nginx endpoint (the example service's /health), at the same connections and duration, in one
# run; then client CPU and memory at 1000 connections. Prints a Markdown report (medians).
#   scripts/bench_http.sh [DURATION_SECONDS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
runs=${2:-3}
connections=50
threads=$(nproc)

for tool in wrk hey nginx jq; do
  command -v "$tool" >/dev/null || {
    [ "$(id -u)" -eq 0 ] || { echo "bench_http: install wrk hey nginx jq" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk hey nginx libnginx-mod-http-echo jq >/dev/null
    break
  }
done
bench=${READY_BENCH:-build/release/bin/ready-bench}
[ -x "$bench" ] || { cmake --preset release >/dev/null && cmake --build --preset release >&2; }

work=$(mktemp -d)
port=$(scripts/example-service.sh start "$work/svc")
trap 'scripts/example-service.sh stop "$work/svc"; rm -rf "$work"' EXIT
url="http://127.0.0.1:$port/health"

# Each prints requests per second; /usr/bin/time records user+sys CPU seconds and peak RSS.
run_wrk() { /usr/bin/time -f '%U %S %M' -o "$work/time" wrk -t"$threads" -c"$1" -d"${seconds}s" "$url" | awk '/Requests\/sec/ { print $2 }'; }
run_hey() { /usr/bin/time -f '%U %S %M' -o "$work/time" hey -c "$1" -z "${seconds}s" "$url" | awk '/Requests\/sec/ { print $2 }'; }
run_ready() { /usr/bin/time -f '%U %S %M' -o "$work/time" "$bench" --url "$url" -c "$1" -d "${seconds}s" --threads "$threads" -q | jq '.metrics.overall.rps'; }

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A rps
for tool in ready wrk hey; do rps[$tool]=""; done
# Interleave the tools, so that drift in the machine's load hits all of them alike.
for _ in $(seq "$runs"); do
  for tool in ready wrk hey; do rps[$tool]+=" $("run_$tool" "$connections")"; done
done

echo "Throughput against nginx \`/health\` on 127.0.0.1 (one worker), $connections connections, ${seconds} s, $runs interleaved runs each, $threads client threads (wrk, ready-bench):"
echo
echo "| client | median requests/s | runs | × wrk | × hey |"
echo "| --- | ---: | --- | ---: | ---: |"
m_wrk=$(median ${rps[wrk]}); m_hey=$(median ${rps[hey]})
for tool in ready wrk hey; do
  m=$(median ${rps[$tool]})
  name=$([ "$tool" = ready ] && echo "ready-bench" || echo "$tool")
  printf '| %s | %.0f | %s | %.2f | %.2f |\n' "$name" "$m" "$(echo ${rps[$tool]} | tr ' ' '/')" \
    "$(awk -v a="$m" -v b="$m_wrk" 'BEGIN { print a / b }')" "$(awk -v a="$m" -v b="$m_hey" 'BEGIN { print a / b }')"
done

echo
echo "Client cost at 1000 connections (${seconds} s, one run each): CPU seconds per 100,000 requests and peak memory."
echo
echo "| client | requests/s | CPU s per 100k requests | peak RSS MiB |"
echo "| --- | ---: | ---: | ---: |"
for tool in ready wrk hey; do
  r=$("run_$tool" 1000)
  read -r user sys rss < "$work/time"
  name=$([ "$tool" = ready ] && echo "ready-bench" || echo "$tool")
  awk -v n="$name" -v r="$r" -v u="$user" -v s="$sys" -v m="$rss" -v d="$seconds" \
    'BEGIN { printf "| %s | %.0f | %.2f | %.1f |\n", n, r, (u + s) / (r * d) * 100000, m / 1024 }'
done
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); hey $(dpkg-query -W -f='${Version}' hey); $("$bench" --version)"
