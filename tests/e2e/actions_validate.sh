# The GitHub Actions (actions/*/action.yml), the example workflows and the repository's own
# workflows (.github/workflows: the release) pass action-validator (npm @action-validator/cli,
# GitHub's schemas); a broken action.yml is rejected, so the check can fail. The actions' steps
# call only scripts in the repository, never an input spliced into a script; no workflow's run:
# script holds an expression either (values reach it through env:).
# scripts/test.sh installs the validator and sets READYGATE_ACTION_VALIDATOR; without it this
# test is skipped.
source "$(dirname "$0")/lib.sh"
tool=${READYGATE_ACTION_VALIDATOR:-}
if [ -z "$tool" ] || [ ! -x "$tool" ]; then
  echo "action-validator is not installed (scripts/install-npm-tool.sh action-validator): skipped"
  exit 77
fi

count=0
workflows=("$READYGATE_SOURCE"/.github/workflows/*.yml)
[ -f "$READYGATE_SOURCE/.github/workflows/release.yml" ] || fail "no .github/workflows/release.yml"
for file in "$READYGATE_SOURCE"/actions/*/action.yml "$READYGATE_SOURCE"/examples/github/*.yml "${workflows[@]}"; do
  run "$tool" "$file"
  expect_rc 0 "$file: $(cat "$OUT" "$ERR" | head -c 2000)"
  count=$((count + 1))
done
[ "$count" -ge 5 ] || fail "expected the three actions, an example workflow and the release workflow, found $count files"

# No run: script of a workflow holds a \${{ … }}: GitHub would splice the value into the script.
python=python3
"$python" -c "import yaml" 2>/dev/null || python=/usr/bin/python3
run "$python" - "${workflows[@]}" <<'PY'
import sys, yaml
bad = []
for path in sys.argv[1:]:
    for name, job in (yaml.safe_load(open(path)).get("jobs") or {}).items():
        for step in job.get("steps") or []:
            if "${{" in str(step.get("run", "")):
                bad.append(f"{path}: job {name}: {step.get('name', step['run'][:40])}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
expect_rc 0 "a workflow's run: splices an expression: $(cat "$OUT")"

# Every run: line calls a script of ours; inputs reach scripts only through env.
for file in "$READYGATE_SOURCE"/actions/*/action.yml; do
  ! grep -n 'run:.*\${{' "$file" || fail "$file splices an expression into a run: script"
  grep -n 'run:' "$file" | grep -v 'GITHUB_ACTION_PATH/\.\./\.\./scripts/' && fail "$file: a run: step that is not one of our scripts"
  for script in $(grep -o 'scripts/[a-z-]*\.sh' "$file" | sort -u); do
    [ -x "$READYGATE_SOURCE/$script" ] || fail "$file calls $script, which is not an executable script"
  done
done

# The validator rejects a composite step with neither run nor uses.
mkdir -p "$WORK/broken"
printf 'name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      bogus: 1\n' > "$WORK/broken/action.yml"
run "$tool" "$WORK/broken/action.yml"
[ "$RC" -ne 0 ] || fail "a broken action.yml was accepted"
grep -q bogus "$OUT" "$ERR" || fail "the validator did not name the bad property"
echo "validated $count files"
