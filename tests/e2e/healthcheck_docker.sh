# docker:// checks against a real Docker daemon: a private dockerd started here (vfs, no network,
# its own socket, never the system's), an image imported from busybox-static, and containers that
# are healthy, flip to unhealthy and back, have no health check, exited with code 3, or are found
# by a label; plus DOCKER_HOST's forms, a missing socket, permission denied and a garbage answer.
# Where the daemon cannot start, the test fails with its log (it does not skip).
source "$(dirname "$0")/lib.sh"
source "$READYGATE_SOURCE/tests/support/dockerd.sh"
HC="$READYGATE_HEALTHCHECK"
cd "$WORK"
dockerd_start "$WORK/d"
SOCK="$WORK/d/docker.sock"
busybox_image readygate-busybox:test

# web: healthy while /tmp/ok exists; plain: no health check; job: exited with code 3.
docker run -d --name web --network none --label readygate.test=pair \
  --health-cmd 'test -f /tmp/ok || { echo "missing /tmp/ok"; exit 1; }' \
  --health-interval 1s --health-retries 1 --health-timeout 5s \
  readygate-busybox:test sh -c 'touch /tmp/ok; exec sleep 600' >/dev/null
docker run -d --name plain --network none --label readygate.test=pair readygate-busybox:test sleep 600 >/dev/null
set +e; docker run --name job --network none readygate-busybox:test sh -c 'exit 3'; [ $? -eq 3 ] || fail "job did not exit 3"; set -e

# --wait follows web from "starting" to healthy, within a bound.
run timeout 40 "$HC" docker://web --wait 30s --interval 250ms
expect_rc 0 "web should become healthy"
check '.metrics.checks[0] | .kind == "docker" and .status == "healthy" and .target == "docker://web" and .http_status == null'
check '.metrics.checks[0].container | .name == "web" and .state == "running" and .health == "healthy" and .restart_count == 0 and (.id | length) == 12 and .uptime_s >= 0 and (.started_at | test("^20[0-9-]+T")) and .exit_code == null'

# No health check: healthy while running, and the report says so.
run "$HC" docker://plain --retries 0
expect_rc 0
check '.metrics.checks[0] | .status == "healthy" and .error == null and .container.health == null and .container.state == "running"'
run "$HC" docker://plain --retries 0 --format text
expect_rc 0
grep -q 'running, no health check' "$OUT" || fail "the text report does not say 'running, no health check'"
grep -q '^Containers' "$OUT" || fail "the text report has no Containers section"

# Exited with code 3; a missing name; both critical: exit 1 with the reasons.
run "$HC" docker://job missing=docker://no-such-box --retries 0
expect_rc 1
check '.metrics.checks[0] | .status == "unhealthy" and .error == "exited with code 3" and .container.exit_code == 3 and .container.state == "exited" and .container.uptime_s == null'
check '.metrics.checks[1] | .status == "unhealthy" and .error == "no such container \"no-such-box\"" and .container == null'
expect_stderr 'critical check down: job (docker://job) is unhealthy: exited with code 3'

# A label filter: one check per container, named after it.
run "$HC" 'docker://?label=readygate.test=pair' --retries 0
expect_rc 0
check '[.metrics.checks[].name] | sort == ["plain", "web"]'
check '[.metrics.checks[] | .status] == ["healthy", "healthy"] and ([.metrics.checks[].target] | sort) == ["docker://plain", "docker://web"]'
run "$HC" 'docker://?label=readygate.test=none' --retries 0
expect_rc 1
check '.metrics.checks[0] | .name == "label=readygate.test=none" and .error == "no container matches label readygate.test=none"'

# Flip web to unhealthy: the probe follows within a bound (health interval 1 s, one retry).
docker exec web rm /tmp/ok
flipped=
for _ in $(seq 30); do
  run "$HC" docker://web --retries 0
  if [ "$RC" -eq 1 ]; then flipped=1; break; fi
  sleep 0.5
done
[ -n "$flipped" ] || fail "web never turned unhealthy after /tmp/ok was removed"
check '.metrics.checks[0] | .error == "running, but its health check says unhealthy: missing /tmp/ok" and .container.health == "unhealthy" and .container.health_log == "missing /tmp/ok"'
# ... and back: --wait started while it is unhealthy succeeds once the file is back.
timeout 40 "$HC" docker://web --wait 30s --interval 250ms >"$WORK/back.json" 2>"$WORK/back.err" &
waiter=$!
sleep 1
docker exec web touch /tmp/ok
set +e; wait "$waiter"; back_rc=$?; set -e
[ "$back_rc" -eq 0 ] || { cat "$WORK/back.err" >&2; fail "--wait did not see web healthy again (exit $back_rc)"; }
check '.metrics.checks[0] | .status == "healthy" and .attempts > 1' "$WORK/back.json"

# DOCKER_HOST: unix:// elsewhere is honoured (no socket there: unhealthy, said plainly); tcp:// is refused.
DOCKER_HOST="unix://$WORK/none.sock" run "$HC" docker://web --retries 0
expect_rc 1
check ".metrics.checks[0].error | startswith(\"cannot reach the Docker daemon: no socket at $WORK/none.sock\")"
DOCKER_HOST=tcp://127.0.0.1:2375 run "$HC" docker://web
expect_rc 2
expect_stderr 'DOCKER_HOST=tcp://127.0.0.1:2375: ready-healthcheck reaches the Docker daemon through a unix socket only'
# Bad targets are usage errors.
run "$HC" 'docker://we/b'
expect_rc 2
expect_stderr 'is not a container name or id'

# Permission denied on the socket: as an unprivileged user (root reads any socket).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  chmod 700 "$WORK/d"
  chmod 711 "$WORK/d" # the socket itself stays root's, 0660
  set +e
  setpriv --reuid=65534 --regid=65534 --clear-groups env DOCKER_HOST="unix://$SOCK" "$HC" docker://web --retries 0 \
    >"$OUT" 2>"$ERR" </dev/null
  RC=$?
  set -e
  expect_rc 1
  check ".metrics.checks[0].error | startswith(\"permission denied on the Docker socket $SOCK\")"
else
  echo "note: not root (or no setpriv): the permission-denied case is not exercised" >&2
fi

# A garbage answer on a unix socket: unhealthy, never a crash.
python3 - "$WORK/garbage.sock" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(4)
for _ in range(4):
    c, _ = s.accept(); c.recv(65536)
    c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{\"Id\": [1,2")
    c.close()
PY
garbage=$!
on_exit "kill $garbage 2>/dev/null"
for _ in $(seq 50); do [ -S "$WORK/garbage.sock" ] && break; sleep 0.1; done
DOCKER_HOST="unix://$WORK/garbage.sock" run "$HC" docker://web --retries 0
expect_rc 1
check '.metrics.checks[0].error == "the Docker daemon'"'"'s answer is not a container description"'

echo "healthcheck_docker: ${SECONDS}s" >&2
