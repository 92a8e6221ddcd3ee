#!/usr/bin/env bash
# Screenshots of the reports for people, for docs/images/: each program run on a terminal (a
# pseudo-terminal from script(1), so that it prints its text report in colour) against the
# example service, the transcript turned into HTML (scripts/ansi_to_html.py) and shot with
# Debian's headless Chromium. Usage: scripts/text-screenshots.sh [BUILD_DIR] (default build/dev).
# Writes docs/images/text-{scan,healthcheck,bench,score}.png and .txt (the plain transcript).
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(cd "${1:-build/dev}" && pwd)
root=$(pwd)
images=$root/docs/images
work=$(mktemp -d)
trap 'scripts/example-service.sh stop "$work/service" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
command -v chromium >/dev/null || { echo "text-screenshots: chromium is not installed (apt-get install chromium)" >&2; exit 2; }
port=$(scripts/example-service.sh start "$work/service")
base=http://127.0.0.1:$port
export PATH=$build/bin:$PATH
mkdir -p "$images"

# shoot NAME COLUMNS COMMAND…: the command's terminal output as NAME.txt and NAME.png.
shoot() {
  local name=$1 columns=$2; shift 2
  local command
  printf -v command '%q ' "$@"
  # script(1) gives the command a terminal; stty sets its width. The exit code is the program's.
  script -qec "stty cols $columns rows 200; $command" /dev/null > "$work/$name.ansi" < /dev/null || true
  sed -E 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\r$//' "$work/$name.ansi" > "$images/$name.txt"
  { printf '$ %s\n' "${command% }"; cat "$work/$name.ansi"; } | python3 "$root/scripts/ansi_to_html.py" "$name" > "$work/$name.html"
  local lines width
  lines=$(wc -l < "$images/$name.txt")
  width=$({ printf '$ %s\n' "${command% }"; cat "$images/$name.txt"; } | wc -L)
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=$((width * 9 + 40)),$(((lines + 1) * 19 + 40)) --screenshot="$images/$name.png" \
    "file://$work/$name.html" >/dev/null 2>&1
  echo "text-screenshots: $images/$name.png"
}

cd "$root/examples"
shoot text-scan 110 ready-scan service --format text
shoot text-healthcheck 110 ready-healthcheck -c service/healthchecks.json --base-url "$base" --audit-headers
ready-healthcheck -c service/healthchecks.json --base-url "$base" --audit-headers -o "$work/health.json" -q || true
shoot text-bench 100 ready-bench --progress never -c 10 -d 3s --threshold 'p95<100ms' --threshold 'rps>100000000' --url "$base/"
ready-bench -c 10 -d 3s --url "$base/" -o "$work/bench.json" -q
ready-scan service -o "$work/scan.json" -q
cd "$work"
shoot text-score 110 ready-score health.json bench.json scan.json
