#!/usr/bin/env bash
# Throughput of ready-bench side by side with wrk, h2load (nghttp2-client, over HTTP/1.1), hey,
# autocannon and a minimal libcurl multi loop (scripts/curl_min_loop.cpp: libcurl's ceiling),
# against the same nginx endpoint (the example service's /health) on this machine. For each
# connection count: the median requests/s over interleaved rounds (drift in the machine's load
# hits every client alike), the client's CPU µs per request (user+sys from /usr/bin/time) and its
# peak RSS; then one short run of each under `strace -f -c` for the syscalls per request.
# Prints a Markdown table. Defaults take about ten minutes (6 clients × 4 counts × 3 rounds × 5 s
# plus the strace runs):
#   scripts/bench_http.sh [SECONDS=5] [ROUNDS=3] [CONNECTIONS="10 50 200 1000"]
# READY_BENCH=path picks the ready-bench binary (default build/release/bin/ready-bench, built when
# missing); CLIENTS="ready wrk …" a subset of the clients.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
rounds=${2:-3}
read -r -a counts <<< "${3:-10 50 200 1000}"
threads=$(nproc)
read -r -a clients <<< "${CLIENTS:-ready minloop wrk h2load hey autocannon}"

missing=()
for pair in wrk:wrk hey:hey h2load:nghttp2-client nginx:nginx jq:jq strace:strace /usr/bin/time:time g++:g++ \
  curl-config:libcurl4-openssl-dev; do
  command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
[ -f /usr/lib/nginx/modules/ngx_http_echo_module.so ] || missing+=(libnginx-mod-http-echo)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "bench_http: install ${missing[*]}" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
autocannon=""
if [[ " ${clients[*]} " == *" autocannon "* ]]; then
  autocannon=$(scripts/install-npm-tool.sh autocannon)
fi
bench=${READY_BENCH:-build/release/bin/ready-bench}
[ -x "$bench" ] || { cmake --preset release >/dev/null && cmake --build --preset release >&2; }

work=$(mktemp -d)
g++ -std=c++20 -O2 -pthread scripts/curl_min_loop.cpp -o "$work/curl_min_loop" -lcurl
port=$(scripts/example-service.sh start "$work/svc")
trap 'scripts/example-service.sh stop "$work/svc"; rm -rf "$work"' EXIT
url="http://127.0.0.1:$port/health"

# Each prints "REQUESTS RPS" for a run of $1 connections lasting $2 seconds; the client itself
# (not the awk or jq reading it) runs under "${pre[@]}": /usr/bin/time or strace.
pre=()
run_ready() {
  "${pre[@]}" "$bench" "$url" -c "$1" -d "${2}s" -q --format json | jq -r '.metrics.overall | "\(.requests) \(.rps)"'
}
run_minloop() { "${pre[@]}" "$work/curl_min_loop" "$url" "$1" "$threads" "$2" | awk '{ print $2, $6 }'; }
run_wrk() {
  "${pre[@]}" wrk -t"$(( $1 < threads ? $1 : threads ))" -c"$1" -d"${2}s" "$url" |
    awk '/requests in/ { n = $1 } /Requests\/sec/ { r = $2 } END { print n, r }'
}
run_h2load() {
  "${pre[@]}" h2load --h1 -t"$(( $1 < threads ? $1 : threads ))" -c"$1" -D"$2" "$url" |
    awk '/^finished in/ { r = $4 } /^requests:/ { n = $8 } END { print n, r }'
}
run_hey() {
  "${pre[@]}" hey -c "$1" -z "${2}s" "$url" | awk '/Requests\/sec/ { r = $2 } /responses/ { n += $2 } END { print n, r }'
}
run_autocannon() {
  "${pre[@]}" "$autocannon" -j -c "$1" -d "$2" "$url" 2>/dev/null | jq -r '"\(.requests.total) \(.requests.total / .duration)"'
}
name_of() {
  case "$1" in ready) echo "ready-bench" ;; minloop) echo "minimal libcurl loop" ;; *) echo "$1" ;; esac
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A rps cpu rss sys
for c in "${counts[@]}"; do
  for tool in "${clients[@]}"; do rps[$tool,$c]=""; cpu[$tool,$c]=""; rss[$tool,$c]=0; done
  for _ in $(seq "$rounds"); do
    for tool in "${clients[@]}"; do
      pre=(/usr/bin/time -f '%U %S %M' -o "$work/time")
      "run_$tool" "$c" "$seconds" > "$work/out"  # waited for: time writes its file as it exits
      read -r n r < "$work/out"
      read -r user system peak < <(tail -1 "$work/time")
      rps[$tool,$c]+=" $r"
      cpu[$tool,$c]+=" $(awk -v u="$user" -v s="$system" -v n="$n" 'BEGIN { print (n > 0 ? (u + s) / n * 1e6 : 0) }')"
      (( peak > rss[$tool,$c] )) && rss[$tool,$c]=$peak
    done
  done
  for tool in "${clients[@]}"; do
    # Syscalls per request: every thread's calls (strace -f -c) over the requests of that run.
    pre=(strace -f -c -o "$work/strace")
    "run_$tool" "$c" 2 > "$work/out"
    read -r n _ < "$work/out"
    calls=$(awk '$NF == "total" { print $4 }' "$work/strace")
    sys[$tool,$c]=$(awk -v t="$calls" -v n="$n" 'BEGIN { printf "%.1f", (n > 0 ? t / n : 0) }')
  done
done

echo "Against nginx \`/health\` on 127.0.0.1 (the example service, one worker), $rounds interleaved rounds of ${seconds} s per client and connection count (medians); syscalls from one 2 s run under \`strace -f -c\`. Threads: wrk and h2load -t$threads, the minimal loop $threads, ready-bench its default, hey and autocannon their defaults."
echo
echo "| connections | client | requests/s | × wrk | CPU µs/request | syscalls/request | peak RSS MiB |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
# The lists of figures are split into the median's arguments on purpose.
# shellcheck disable=SC2086
for c in "${counts[@]}"; do
  m_wrk=""
  [[ " ${clients[*]} " == *" wrk "* ]] && m_wrk=$(median ${rps[wrk,$c]})
  for tool in "${clients[@]}"; do
    m=$(median ${rps[$tool,$c]})
    ratio=$([ -n "$m_wrk" ] && awk -v a="$m" -v b="$m_wrk" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }' || echo "—")
    printf '| %s | %s | %.0f | %s | %.1f | %s | %.1f |\n' "$c" "$(name_of "$tool")" "$m" "$ratio" \
      "$(median ${cpu[$tool,$c]})" "${sys[$tool,$c]}" "$(awk -v k="${rss[$tool,$c]}" 'BEGIN { print k / 1024 }')"
  done
done
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(curl-config --version); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); h2load $(dpkg-query -W -f='${Version}' nghttp2-client); hey $(dpkg-query -W -f='${Version}' hey); $("$bench" --version)."
