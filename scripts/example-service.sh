#!/usr/bin/env bash
# Runs the example service (nginx with examples/service/nginx.conf.in) on 127.0.0.1.
#   example-service.sh start DIR [PORT]   prints the port once it answers (a free one if none given)
#   example-service.sh stop DIR
# Everything it writes (config, pid, logs, temp files) stays in DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
action=${1:?usage: example-service.sh start|stop DIR [PORT]}
dir=${2:?usage: example-service.sh start|stop DIR [PORT]}

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$action" in
  start)
    command -v nginx >/dev/null || { echo "example-service: nginx is not installed (scripts/install-deps.sh test)" >&2; exit 1; }
    module=/usr/lib/nginx/modules/ngx_http_echo_module.so
    [ -f "$module" ] || { echo "example-service: $module is missing (libnginx-mod-http-echo)" >&2; exit 1; }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    user=""
    [ "$(id -u)" -eq 0 ] && user="user root;"
    for attempt in 1 2 3 4 5; do
      port=${3:-$((20000 + (RANDOM * 32768 + RANDOM) % 40000))}
      port_answers "$port" && { [ -n "${3:-}" ] && { echo "example-service: port $port is taken" >&2; exit 1; }; continue; }
      sed -e "s|@DIR@|$dir|g" -e "s|@PORT@|$port|g" -e "s|@USER@|$user|" -e "s|@ECHO_MODULE@|$module|" \
        "$here/examples/service/nginx.conf.in" > "$dir/nginx.conf"
      if nginx -c "$dir/nginx.conf" -e "$dir/error.log" 2>>"$dir/start.log"; then
        for _ in $(seq 50); do
          port_answers "$port" && { echo "$port"; exit 0; }
          sleep 0.1
        done
      fi
      [ -n "${3:-}" ] && break
    done
    echo "example-service: nginx did not start (see $dir/error.log)" >&2
    cat "$dir/start.log" "$dir/error.log" >&2 2>/dev/null || true
    exit 1
    ;;
  stop)
    [ -f "$dir/nginx.pid" ] || exit 0
    pid=$(cat "$dir/nginx.pid")
    nginx -c "$dir/nginx.conf" -e "$dir/error.log" -s quit 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || exit 0
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    ;;
  *) echo "usage: example-service.sh start|stop DIR [PORT]" >&2; exit 2 ;;
esac
