# examples/pipeline.sh, the gate as a plain shell pipeline, run against the example service with
# a short scenario: every program runs, every report is written, and the gate fails on the
# example's leaked keys with exit 1.
source "$(dirname "$0")/lib.sh"
: "${READYGATE_GATE:?set READYGATE_GATE to the built ready-gate}"
command -v nginx >/dev/null || { echo "nginx is not installed: skipped"; exit 77; }
export PATH="$(dirname "$READYGATE_GATE"):$PATH"

PORT=$("$READYGATE_SOURCE/scripts/example-service.sh" start "$WORK/svc")
on_exit '"$READYGATE_SOURCE/scripts/example-service.sh" stop "$WORK/svc"'
cat > "$WORK/scenario.json" <<'JSON'
{"endpoints": [{"name": "GET /health", "url": "/health"}],
 "phases": [{"name": "smoke", "endpoints": ["GET /health"], "concurrency": 2, "requests": 100}]}
JSON
OUT_DIR="$WORK/out"
OUT=$WORK/.stdout
run env OUT="$OUT_DIR" SCENARIO="$WORK/scenario.json" "$READYGATE_SOURCE/examples/pipeline.sh" "http://127.0.0.1:$PORT"
expect_rc 1 "the example's leaked keys fail the gate"
grep -q '^score [0-9.]*, gate fail; see' "$OUT" || fail "last line: $(cat "$OUT")"
for f in health.json bench.json scan.json score.json readygate.sarif junit.xml gl-code-quality.json summary.md; do
  [ -s "$OUT_DIR/$f" ] || fail "missing $f"
done
check '.metrics.checks | all(.status == "healthy")' "$OUT_DIR/health.json"
check '.metrics.overall.requests == 100' "$OUT_DIR/bench.json"
check '.score.blockers | length >= 1' "$OUT_DIR/score.json"
check '[.inputs[].tool] | sort == ["bench", "healthcheck", "scan"]' "$OUT_DIR/score.json"
