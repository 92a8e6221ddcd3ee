# A private Docker daemon for a test, sourced by the e2e scripts after lib.sh:
#   dockerd_start DIR   starts dockerd with everything under DIR (data, exec root, pid file, socket
#                       DIR/docker.sock, log DIR/dockerd.log), waits (bounded) for /_ping, and exports
#                       DOCKER_HOST=unix://DIR/docker.sock; fails the test with the log's tail when it
#                       does not come up. It never talks to a system daemon.
#   dockerd_stop DIR    stops it (containers first), bounded; registered with on_exit by dockerd_start.
#   busybox_image NAME  imports a root filesystem holding busybox-static's /bin/busybox and its
#                       applets as the image NAME (no registry needed).
# vfs copies every layer in full: slow, but it needs neither overlayfs nor a kernel module.

dockerd_start() {
  local dir=$1
  mkdir -p "$dir"
  command -v dockerd >/dev/null || fail "dockerd is not installed (Debian: docker.io)"
  command -v docker >/dev/null || fail "docker is not installed (Debian: docker.io)"
  # Short paths: a unix socket path is limited to 108 bytes, and containerd's shim sockets live
  # under the exec root.
  dockerd --storage-driver=vfs --iptables=false --ip6tables=false --bridge=none --ip-forward=false \
    --ip-masq=false --userland-proxy=false \
    --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/docker.pid" \
    -H "unix://$dir/docker.sock" >"$dir/dockerd.log" 2>&1 &
  DOCKERD_PID=$!
  on_exit "dockerd_stop '$dir'"
  export DOCKER_HOST="unix://$dir/docker.sock"
  local i
  for i in $(seq 150); do  # 15 s at most
    if [ -S "$dir/docker.sock" ] &&
      [ "$(curl -s --max-time 2 --unix-socket "$dir/docker.sock" http://localhost/_ping 2>/dev/null)" = OK ]; then
      return 0
    fi
    if ! kill -0 "$DOCKERD_PID" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "--- dockerd.log (last 30 lines)" >&2
  tail -n 30 "$dir/dockerd.log" >&2 || true
  fail "the private Docker daemon did not start (see its log above)"
}

dockerd_stop() {
  local dir=$1 pid
  [ -f "$dir/docker.pid" ] || return 0
  pid=$(cat "$dir/docker.pid")
  local ids
  ids=$(docker -H "unix://$dir/docker.sock" ps -aq 2>/dev/null || true)
  # shellcheck disable=SC2086 # one id per word
  [ -z "$ids" ] || timeout 20 docker -H "unix://$dir/docker.sock" rm -f $ids >/dev/null 2>&1 || true
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  # containerd-shim processes of this daemon end with it; its mounts would keep rm -rf from working.
  grep -F "$dir/" /proc/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -f "$dir/docker.pid"
}

busybox_image() {
  local name=$1 root="$WORK/busybox-root" applet
  local busybox
  busybox=$(command -v busybox) || fail "busybox is not installed (Debian: busybox-static)"
  if command -v file >/dev/null && ! file -L "$busybox" | grep -q 'statically linked'; then
    fail "$busybox is not statically linked: it cannot run alone in an image (Debian: busybox-static)"
  fi
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp "$busybox" "$root/bin/busybox"
  for applet in sh echo cat test touch rm sleep true false ls; do ln -sf busybox "$root/bin/$applet"; done
  tar -C "$root" -c . | docker import -c 'CMD ["/bin/sh"]' - "$name" >/dev/null ||
    fail "docker import of the busybox root filesystem failed"
}
