# docs/RULES.md is generated from the binary's rules and must be up to date.
source "$(dirname "$0")/lib.sh"
"$READYGATE_SOURCE/scripts/rules-doc.sh" "$SCAN" > "$WORK/RULES.md"
diff -u "$READYGATE_SOURCE/docs/RULES.md" "$WORK/RULES.md" \
  || fail "docs/RULES.md is stale: run scripts/rules-doc.sh > docs/RULES.md"
