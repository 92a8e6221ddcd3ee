# The text-report samples in docs/ are the golden files the unit tests check (scripts/docs-samples.py).
source "$(dirname "$0")/lib.sh"
cd "$READYGATE_SOURCE"
python3 scripts/docs-samples.py --check || fail "a sample in docs/ differs from its golden file: run scripts/docs-samples.py"
# The check can fail: a stale copy of a doc is found.
mkdir -p "$WORK/tree/docs" "$WORK/tree/tests/unit"
cp -r tests/unit/golden "$WORK/tree/tests/unit/"
sed 's/^evidence for /EVIDENCE FOR /' docs/SCORE.md > "$WORK/tree/docs/SCORE.md"
(cd "$WORK/tree" && python3 "$READYGATE_SOURCE/scripts/docs-samples.py" --check 2>/dev/null) &&
  fail "a stale sample was not noticed"
echo "ok"
