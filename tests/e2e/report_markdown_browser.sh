# The Markdown summary of a gate-like run, rendered as GitHub renders it (marked for GFM,
# mermaid for the ```mermaid charts) in Debian's headless Chromium: every chart must parse and
# draw, and the page must log no console error (tests/support/render_markdown.js). The run is
# the real programs against the example service on a local nginx: a scan that finds the
# example's leaked keys, a health check with the header audit, a two-phase load scenario over
# two endpoints, and the score of it all. The screenshot is kept in
# build/dev/test-output/report_markdown_browser/summary.png (its path is printed).
# The npm packages come from scripts/install-npm-tool.sh markdown-browser (scripts/test.sh sets
# READYGATE_MARKDOWN_BROWSER; without it this test installs them itself); Chromium is the
# `chromium` package (scripts/install-deps.sh test). It skips only when they cannot be
# installed, and never when CI=true.
source "$(dirname "$0")/lib.sh"
: "${READYGATE_GATE:?set READYGATE_GATE to the built ready-gate}"
cannot() {
  if [ "${CI:-}" = true ]; then fail "$1 (CI=true: this test must run)"; fi
  echo "$1: skipped"
  exit 77
}
command -v nginx >/dev/null || cannot "nginx is not installed"
tool=${READYGATE_MARKDOWN_BROWSER:-}
if [ -z "$tool" ] || [ ! -x "$tool" ]; then
  tool=$("$READYGATE_SOURCE/scripts/install-npm-tool.sh" markdown-browser 2>"$WORK/npm.log") ||
    cannot "marked, mermaid and puppeteer-core cannot be installed from npm ($(tail -n 1 "$WORK/npm.log"))"
fi
NODE_PATH=$(cd "$(dirname "$tool")/.." && pwd)  # node_modules
export NODE_PATH
chromium=${READYGATE_CHROMIUM:-$(command -v chromium || true)}
if [ -z "$chromium" ]; then
  source "$READYGATE_SOURCE/scripts/apt-install-missing.sh"
  apt_install_missing chromium >"$WORK/apt.log" 2>&1 || cannot "chromium is not installed and cannot be installed"
  chromium=$(command -v chromium) || cannot "chromium is not installed"
fi

# The gate's envelopes, made by the real programs.
export PATH="$(dirname "$READYGATE_GATE"):$PATH"
PORT=$("$READYGATE_SOURCE/scripts/example-service.sh" start "$WORK/svc")
on_exit '"$READYGATE_SOURCE/scripts/example-service.sh" stop "$WORK/svc"'
cat > "$WORK/scenario.json" <<'JSON'
{"endpoints": [{"name": "GET /health", "url": "/health"}, {"name": "GET /api/jobs", "url": "/api/jobs"}],
 "phases": [{"name": "latency", "endpoints": ["GET /health", "GET /api/jobs"], "concurrency": 2, "requests": 60},
            {"name": "sustained", "endpoints": ["GET /health", "GET /api/jobs"], "rate": 40, "duration": "3s"}]}
JSON
OUT_DIR="$WORK/out"
run env OUT="$OUT_DIR" SCENARIO="$WORK/scenario.json" "$READYGATE_SOURCE/examples/pipeline.sh" "http://127.0.0.1:$PORT"
expect_rc 1 "the example's leaked keys fail the gate"
check '[.inputs[].tool] | sort == ["bench", "healthcheck", "scan"]' "$OUT_DIR/score.json"
check '[.inputs[] | select(.tool == "healthcheck") | .findings[] | select(.rule | startswith("headers."))] | length > 0' \
  "$OUT_DIR/score.json"
check '[.inputs[] | select(.tool == "scan") | .findings[] | select(.category == "secrets")] | length > 0' \
  "$OUT_DIR/score.json"
summary=$OUT_DIR/summary.md
grep -q '^## ❌ readygate: not ready' "$summary" || fail "no verdict: $(head -n 1 "$summary")"
grep -q '^### Security headers' "$summary" || fail "no header audit in the summary"
[ "$(grep -c '^```mermaid' "$summary")" -ge 2 ] || fail "expected the latency and timeline charts"

# Rendered in the browser: no Mermaid error, no console error, a screenshot.
shots="${READYGATE_BUILD_DIR:-$WORK}/test-output/report_markdown_browser"
rm -rf "$shots"
mkdir -p "$shots"
cp "$summary" "$shots/summary.md"
run timeout $((120 * TIME_SCALE)) node "$READYGATE_SOURCE/tests/support/render_markdown.js" "$shots/summary.md" \
  "$shots" "$chromium"
expect_rc 0 "the summary must render without a Mermaid or console error"
grep -q '^[0-9]* chart(s) rendered' "$OUT" || fail "the renderer did not report its charts"
[ -s "$shots/summary.png" ] || fail "no screenshot"
[ "$(head -c 8 "$shots/summary.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the screenshot is no PNG"
echo "screenshot: $shots/summary.png"

# The renderer does fail on a broken chart (so that a pass above means something).
printf '## x\n\n```mermaid\nxychart-beta\n    x-axis [a, b\n    bar [1\n```\n' > "$WORK/broken.md"
run timeout $((120 * TIME_SCALE)) node "$READYGATE_SOURCE/tests/support/render_markdown.js" "$WORK/broken.md" \
  "$WORK/broken" "$chromium"
expect_rc 1 "a Mermaid syntax error must fail the render"
expect_stderr "mermaid.parse"
