#!/usr/bin/env bash
# compare_scan.sh OLD NEW [TREE...]: times two ready-scan binaries side by side on the same
# trees with hyperfine (the same run, one after the other, --warmup 1, 10 runs each) and prints
# each median and the ratio NEW/OLD. Used to check that a change keeps the scan within its time
# budget (docs/PERFORMANCE.md). Default trees: the Python standard library, and the npm
# evaluation trees when scripts/eval-trees.sh has installed them in /work/eval/trees.
set -euo pipefail
old=${1:?usage: compare_scan.sh OLD-ready-scan NEW-ready-scan [TREE...]}
new=${2:?usage: compare_scan.sh OLD-ready-scan NEW-ready-scan [TREE...]}
shift 2
trees=("$@")
if [ ${#trees[@]} -eq 0 ]; then
  trees=(/usr/lib/python3.11)
  [ -d /work/eval/trees/npm ] && trees+=(/work/eval/trees/npm)
fi
command -v hyperfine >/dev/null || { echo "compare_scan.sh: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '| tree | old median s | new median s | new / old |\n| --- | ---: | ---: | ---: |\n'
for tree in "${trees[@]}"; do
  hyperfine -N --warmup 1 --runs 10 --export-json "$out/t.json" \
    "$old $tree --no-git -j 2 -o /dev/null -q" "$new $tree --no-git -j 2 -o /dev/null -q" >/dev/null
  python3 - "$out/t.json" "$tree" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
o, n = r[0]["median"], r[1]["median"]
print(f"| `{sys.argv[2]}` | {o:.3f} | {n:.3f} | {n / o:.2f} |")
PY
done
