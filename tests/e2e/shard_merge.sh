# Sharding a repository across parallel jobs (examples/github/readygate-sharded.yml,
# examples/gitlab/sharded.gitlab-ci.yml): the pieces of `ready-scan --shard K/N`, given together
# to ready-score and ready-report, give the same score, the same deductions and the same SARIF
# results as one unsharded scan.
source "$(dirname "$0")/lib.sh"
: "${READYGATE_SCORE:?set READYGATE_SCORE to the ready-score binary}"
SCORE="$READYGATE_SCORE"

T="$WORK/tree"
mkdir -p "$T/app"
for i in $(seq 1 40); do
  {
    printf 'def handler_%d(value):\n' "$i"
    [ $((i % 5)) -eq 0 ] && printf '    print("handling", value)\n'
    [ $((i % 7)) -eq 0 ] && printf '    try:\n        value = int(value)\n    except:\n        pass\n'
    [ $((i % 13)) -eq 0 ] && printf '    return eval(value)\n'
    printf '    return value\n'
  } > "$T/app/module_$i.py"
done
cd "$WORK"
"$SCAN" tree -q -o whole.json
n=$(jq '.summary.findings' whole.json)
[ "$n" -ge 10 ] || fail "the sample tree should give findings, got $n"
for k in 1 2 3 4; do "$SCAN" tree --shard "$k/4" -q -o "shard$k.json"; done
[ "$(jq -s 'map(.summary.findings) | add' shard?.json)" -eq "$n" ] || fail "the shards' findings do not add up to $n"
[ "$(jq -s 'map(select(.summary.findings > 0)) | length' shard?.json)" -ge 2 ] || fail "the findings all fell into one shard"

# Scores: the whole object (value, gate, deductions, blockers), not just the number.
# (exit 1 when the gate fails: the same code both ways)
run "$SCORE" whole.json -q -o score-whole.json; whole_rc=$RC
run "$SCORE" shard1.json shard2.json shard3.json shard4.json -q -o score-shards.json
[ "$whole_rc" -le 1 ] && [ "$RC" -eq "$whole_rc" ] || fail "exit codes: whole $whole_rc, shards $RC"
check '.score.value > 0 and .score.value < 100' score-whole.json
[ "$(jq -S .score score-whole.json)" = "$(jq -S .score score-shards.json)" ] \
  || fail "sharded score differs: $(jq -c .score.value score-whole.json) vs $(jq -c .score.value score-shards.json)"
[ "$(jq -S .checks score-whole.json)" = "$(jq -S .checks score-shards.json)" ] || fail "sharded checks differ"

# Reports: the same results, by fingerprint, rule and place.
"$REPORT" whole.json --sarif whole.sarif -q
"$REPORT" shard1.json shard2.json shard3.json shard4.json --sarif shards.sarif -q
results='[.runs[].results[] | {f: .partialFingerprints, r: .ruleId, l: .locations}] | sort_by(.f | tostring)'
[ "$(jq -S "$results" whole.sarif)" = "$(jq -S "$results" shards.sarif)" ] || fail "sharded SARIF results differ"
[ "$(jq '.runs | length' shards.sarif)" -eq 1 ] || fail "the shards should merge into one scan run"
echo "$n findings in 4 shards: same score ($(jq .score.value score-whole.json)) and results"
