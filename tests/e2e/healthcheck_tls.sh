# ready-healthcheck over TLS (certificates made by the test): verification by default, a clear
# reason for self-signed and expired certificates, --insecure and --cacert, days to expiry
# (warn under 30, fail under 7), TLS facts; and the header audit on good and bad responses,
# with an http twin that redirects to https and one that does not.
source "$(dirname "$0")/lib.sh"
HC="$READYGATE_HEALTHCHECK"
command -v nginx >/dev/null && command -v openssl >/dev/null || { echo "nginx or openssl is not installed: skipped"; exit 77; }
cd "$WORK"

cert() {  # cert NAME DAYS: a self-signed certificate for 127.0.0.1 valid for DAYS (-1: expired)
  openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj /CN=127.0.0.1 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1\n' > san.ext
  openssl x509 -req -in "$1.csr" -signkey "$1.key" -out "$1.pem" -days "$2" -extfile san.ext 2>/dev/null
}
cert good 365; cert soon 5; cert warn 20; cert expired -1

write_conf() {
  cat > nginx.conf <<CONF
$(nginx_head)
  server_tokens off;
  server {
    listen 127.0.0.1:$P ssl; ssl_certificate $WORK/good.pem; ssl_certificate_key $WORK/good.key;
    location /good {
      add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
      add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'" always;
      add_header X-Content-Type-Options nosniff always;
      add_header Referrer-Policy no-referrer always;
      add_header Set-Cookie "session=abc; Secure; HttpOnly; SameSite=Lax" always;
      return 200 "ok";
    }
    location /bad {
      add_header Strict-Transport-Security "max-age=60" always;
      add_header Access-Control-Allow-Origin "*" always;
      add_header Access-Control-Allow-Credentials "true" always;
      add_header X-Powered-By "Express 4.17.1" always;
      add_header Set-Cookie "session=abc" always;
      return 200 "ok";
    }
  }
  server { listen 127.0.0.1:$((P + 1)) ssl; ssl_certificate $WORK/soon.pem; ssl_certificate_key $WORK/soon.key; location / { return 200 "ok"; } }
  server { listen 127.0.0.1:$((P + 2)) ssl; ssl_certificate $WORK/warn.pem; ssl_certificate_key $WORK/warn.key; location / { return 200 "ok"; } }
  server { listen 127.0.0.1:$((P + 3)) ssl; ssl_certificate $WORK/expired.pem; ssl_certificate_key $WORK/expired.key; location / { return 200 "ok"; } }
  server { listen 127.0.0.1:$((P + 4)); location / { return 301 https://127.0.0.1:$P\$request_uri; } }
  server { listen 127.0.0.1:$((P + 5)); location / { return 200 "plain"; } }
}
CONF
}
start_nginx write_conf
P=$NGINX_PORT
S="https://127.0.0.1"

# Verified by default: a self-signed certificate is unhealthy, with the reason.
run "$HC" --check good=$S:$P/good --retries 0
expect_rc 1
check '.metrics.checks[0].status == "unhealthy" and (.metrics.checks[0].error | test("self.signed|certificate"))'

# Trusting it (--cacert): healthy, with the TLS facts.
run "$HC" --check good=$S:$P/good --cacert good.pem
expect_rc 0
check '.metrics.checks[0].status == "healthy" and .metrics.checks[0].kind == "https"'
check '.metrics.checks[0].tls.protocol | test("^TLSv1\\.[23]$")'
check '.metrics.checks[0].tls.cert_days_left >= 363 and (.metrics.checks[0].tls.issuer | contains("127.0.0.1"))'
check '.metrics.checks[0].tls.cipher | length > 0'

# Days to expiry: under 7 unhealthy, under 30 degraded, expired unhealthy (said so, with --insecure too).
run "$HC" --check soon=$S:$((P + 1))/ --check warn=$S:$((P + 2))/ --check expired=$S:$((P + 3))/ --insecure --retries 0
expect_rc 1
check '[.metrics.checks[] | .status] == ["unhealthy", "degraded", "unhealthy"]'
check '.metrics.checks[0].error == "the certificate expires in 4 day(s)" or .metrics.checks[0].error == "the certificate expires in 5 day(s)"'
check '.metrics.checks[2].error == "the certificate expired 1 day(s) ago"'
run "$HC" --check expired=$S:$((P + 3))/ --retries 0 --cacert expired.pem
expect_rc 1
check '.metrics.checks[0].error | test("expired")'

# The header audit: a well-configured response has no finding, a careless one several.
run "$HC" --check good=$S:$P/good --check bad=$S:$P/bad --cacert good.pem --audit-headers
expect_rc 0
check '[.findings[] | select(.target | endswith("/good"))] == []'
check '[.findings[] | select(.target | endswith("/bad")) | .rule] | sort == ["headers.content-type-options", "headers.cookie-flags", "headers.cors-credentials", "headers.csp", "headers.frame-protection", "headers.hsts", "headers.referrer-policy", "headers.version-disclosure"]'
check '[.findings[] | select(.rule == "headers.cors-credentials") | .severity] == ["high"]'
check '[.findings[] | select(.rule == "headers.cookie-flags") | .message] == ["The cookie session is set without Secure, HttpOnly, SameSite."]'

# An http twin must redirect to its https address.
run "$HC" --check https=$S:$P/good --check plain=http://127.0.0.1:$((P + 5))/good --check redirect=http://127.0.0.1:$((P + 4))/good \
  --cacert good.pem --audit-headers
check '[.findings[] | select(.rule == "headers.https-redirect") | .target] == ["http://127.0.0.1:'"$((P + 5))"'/good"]'
