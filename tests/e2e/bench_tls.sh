# ready-bench over TLS: HTTP/2 when asked and offered, certificates verified unless --insecure.
source "$(dirname "$0")/lib.sh"
BENCH="$READYGATE_BENCH"
command -v nginx >/dev/null && command -v openssl >/dev/null || { echo "nginx or openssl is not installed: skipped"; exit 77; }
cd "$WORK"
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 1 -subj /CN=127.0.0.1 2>/dev/null
user=""; [ "$(id -u)" -eq 0 ] && user="user root;"
for attempt in 1 2 3 4 5; do
  PORT=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
  cat > nginx.conf <<CONF
$user
daemon on; worker_processes 1; pid $WORK/nginx.pid; error_log $WORK/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/b; proxy_temp_path $WORK/p; fastcgi_temp_path $WORK/f; uwsgi_temp_path $WORK/u; scgi_temp_path $WORK/s;
  server {
    listen 127.0.0.1:$PORT ssl http2;
    ssl_certificate $WORK/cert.pem; ssl_certificate_key $WORK/key.pem;
    location / { return 200 "ok"; }
  }
}
CONF
  nginx -c "$WORK/nginx.conf" -e "$WORK/error.log" 2>/dev/null && break
done
trap 'kill "$(cat "$WORK/nginx.pid" 2>/dev/null)" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

run "$BENCH" --url "https://127.0.0.1:$PORT/" -n 20 -c 2
expect_rc 0
check '.metrics.overall.errors_by_class.other == 20'   # a self-signed certificate is refused

run "$BENCH" --url "https://127.0.0.1:$PORT/" -n 40 -c 4 --insecure
expect_rc 0
check '.metrics.overall.errors == 0 and .metrics.protocols == {"HTTP/1.1": 40}'

run "$BENCH" --url "https://127.0.0.1:$PORT/" -n 40 -c 4 --insecure --http2
expect_rc 0
check '.metrics.overall.errors == 0 and .metrics.protocols == {"HTTP/2": 40}'
