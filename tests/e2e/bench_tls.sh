# ready-bench over TLS: HTTP/2 when asked and offered, certificates verified unless --insecure.
source "$(dirname "$0")/lib.sh"
BENCH="$READYGATE_BENCH"
command -v nginx >/dev/null && command -v openssl >/dev/null || { echo "nginx or openssl is not installed: skipped"; exit 77; }
cd "$WORK"
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 1 -subj /CN=127.0.0.1 2>/dev/null
write_conf() {
  cat > nginx.conf <<CONF
$(nginx_head)
  server {
    listen 127.0.0.1:$P ssl http2;
    ssl_certificate $WORK/cert.pem; ssl_certificate_key $WORK/key.pem;
    location / { return 200 "ok"; }
  }
}
CONF
}
start_nginx write_conf
PORT=$NGINX_PORT

run "$BENCH" --url "https://127.0.0.1:$PORT/" -n 20 -c 2
expect_rc 1   # no request succeeded, and it says so
check '.metrics.overall.errors_by_class.other == 20'   # a self-signed certificate is refused

run "$BENCH" --url "https://127.0.0.1:$PORT/" -n 40 -c 4 --insecure
expect_rc 0
check '.metrics.overall.errors == 0 and .metrics.protocols == {"HTTP/1.1": 40}'

run "$BENCH" --url "https://127.0.0.1:$PORT/" -n 40 -c 4 --insecure --http2
expect_rc 0
check '.metrics.overall.errors == 0 and .metrics.protocols == {"HTTP/2": 40}'
