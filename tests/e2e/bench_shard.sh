# Load from many machines: four `ready-bench --shard K/4` runs (concurrently, then one after the
# other) against the example service's fixed-delay endpoint; merged by ready-score and
# ready-report, their counts are one run's, their percentiles are those of the four histograms
# added up (recomputed here from the envelopes), and they score the same as one run. A shard
# given twice or missing is said; a bad --shard is a usage error. No assertion on the machine's
# speed (the delay is a floor; nothing is compared to a wall-clock figure).
source "$(dirname "$0")/lib.sh"
BENCH="$READYGATE_BENCH"
SCORE="$READYGATE_SCORE"
command -v nginx >/dev/null || { echo "nginx is not installed: skipped"; exit 77; }
PORT=$("$READYGATE_SOURCE/scripts/example-service.sh" start "$WORK/svc")
on_exit '"$READYGATE_SOURCE/scripts/example-service.sh" stop "$WORK/svc"'
URL="http://127.0.0.1:$PORT/api/jobs/search"   # echo_sleep 0.008: every latency >= 8 ms
cd "$WORK"

# Bad --shard: exit 2 before any load, saying what is expected.
for bad in 0/4 5/4 1/0 x 2/ 1/4/4; do
  run "$BENCH" "$URL" -n 8 --shard "$bad"
  expect_rc 2 "--shard $bad"
  expect_stderr "--shard: expected K/N with 1 <= K <= N <= 10000 (for example 2/4), got '$bad'"
  expect_no_stdout
done
run "$BENCH" "$URL" -n 3 --shard 1/4
expect_rc 2 "fewer requests than shards"
expect_stderr "phase 'run' sends 3 requests, fewer than 4 shards"

run "$BENCH" "$URL" -n 402 -c 6 -q -o whole.json
expect_rc 0
check '.metrics.overall.requests == 402 and (.metrics | has("shard") | not)' whole.json

# Concurrently, as a CI matrix runs them.
pids=()
for k in 1 2 3 4; do
  "$BENCH" "$URL" -n 402 -c 6 -q --shard "$k/4" -o "c$k.json" & pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || fail "a concurrent shard failed"; done
# Shares add up exactly: remainders to the first shards.
[ "$(jq -s -c 'map(.metrics.overall.requests)' c1.json c2.json c3.json c4.json)" = "[101,101,100,100]" ] \
  || fail "shares: $(jq -s -c 'map(.metrics.overall.requests)' c?.json)"
[ "$(jq -s -c 'map(.metrics.phases[0].concurrency)' c1.json c2.json c3.json c4.json)" = "[2,2,1,1]" ] \
  || fail "connections: $(jq -s -c 'map(.metrics.phases[0].concurrency)' c?.json)"
for k in 1 2 3 4; do check ".metrics.shard == {\"index\": $k, \"count\": 4}" "c$k.json"; done

# Sequentially, as one runner taking turns would.
for k in 1 2 3 4; do "$BENCH" "$URL" -n 402 -c 6 -q --shard "$k/4" -o "s$k.json"; done

# expected_percentiles FILES...: p50 p95 p99 (ms, to the µs) of the shards' histograms added up,
# computed here the way common/histogram.cpp defines them.
expected_percentiles() {
  jq -s -r '
    def value_us($b): if $b < 128 then $b
      else (($b - 128) / 128 | floor) as $s | (($b - 128) % 128) as $sub
        | ((128 + $sub) * pow(2; $s)) + pow(2; $s) / 2 - (if $s == 0 then 0.5 else 0 end) end;
    (map(.metrics.overall.histogram) ) as $h
    | ([$h[].buckets[]] | group_by(.[0]) | map([.[0][0], (map(.[1]) | add)]) | sort_by(.[0])) as $buckets
    | ($h | map(.count) | add) as $n | ($h | map(.min_us) | min) as $lo | ($h | map(.max_us) | max) as $hi
    | [50, 95, 99] | map(. as $p | (($p / 100 * $n) | ceil | if . < 1 then 1 else . end) as $rank
        | first(foreach $buckets[] as $b (0; . + $b[1]; if . >= $rank then $b[0] else empty end)) as $bucket
        | ([[value_us($bucket), $lo] | max, $hi] | min) / 1000 | . * 1000 | round / 1000)
    | map(tostring) | join(" ")' "$@"
}

for set in c s; do
  files=("$set"1.json "$set"2.json "$set"3.json "$set"4.json)
  # ready-report merges the four into one set of figures.
  run "$REPORT" "${files[@]}" --markdown "merged-$set.md"
  expect_rc 0 "report of the $set shards"
  grep -q "warning" "$ERR" && fail "a complete set of shards needs no warning: $(cat "$ERR")"
  grep -qF "**Overall:** 402 requests, 0 errors (0 %)" "merged-$set.md" \
    || fail "merged counts: $(grep -F 'Overall' "merged-$set.md")"
  read -r p50 p95 p99 <<<"$(expected_percentiles "${files[@]}")"
  grep -qF "p50 $p50 ms, p95 $p95 ms, p99 $p99 ms." "merged-$set.md" \
    || fail "merged percentiles: expected p50 $p50, p95 $p95, p99 $p99; got $(grep -F 'Overall' "merged-$set.md")"
  # The fixed delay is a floor for every shard, merged or not.
  awk -v p="$p50" 'BEGIN { exit !(p >= 7.5) }' || fail "merged p50 $p50 ms is below the 8 ms delay"
  # ready-score: the same load category, with the same evidence, as one run of the same requests.
  run "$SCORE" "${files[@]}" -q -o "score-$set.json"
  [ "$RC" -le 1 ] || fail "ready-score on the $set shards: exit $RC"
  run "$SCORE" whole.json -q -o score-whole.json
  perf='.score.categories[] | select(.kind == "load" or .name == "performance") | {score, status, points: [.deductions[].points]}'
  [ "$(jq -c "$perf" "score-$set.json")" = "$(jq -c "$perf" score-whole.json)" ] \
    || fail "load category: shards $(jq -c "$perf" "score-$set.json") vs whole $(jq -c "$perf" score-whole.json)"
  jq -e '.score.categories[] | select(.name == "performance") | .evidence | test("bench: 4 run\\(s\\), 402 requests")' \
    "score-$set.json" >/dev/null || fail "evidence: $(jq -c '.score.categories[] | select(.name == "performance") | .evidence' "score-$set.json")"
  # The score embeds the four envelopes: a report of the score alone merges them the same way.
  run "$REPORT" "score-$set.json" --markdown "from-score-$set.md"
  grep -qF "**Overall:** 402 requests, 0 errors (0 %)" "from-score-$set.md" \
    || fail "report of the score: $(grep -F 'Overall' "from-score-$set.md")"
  grep -qF "p50 $p50 ms, p95 $p95 ms, p99 $p99 ms." "from-score-$set.md" || fail "report of the score: percentiles"
done

# Deductions that are not all zero: every request refused, sharded or not (each run exits 1),
# costs the same points for the error rate.
run "$BENCH" http://127.0.0.1:9/ -n 80 -c 4 -q -o down-whole.json
expect_rc 1
for k in 1 2 3 4; do
  run "$BENCH" http://127.0.0.1:9/ -n 80 -c 4 -q --shard "$k/4" -o "down$k.json"
  expect_rc 1 "shard $k/4 of a refused port"
done
run "$SCORE" down-whole.json -q -o score-down-whole.json
run "$SCORE" down1.json down2.json down3.json down4.json -q -o score-down-shards.json
perf='.score.categories[] | select(.name == "performance") | {score, status, points: [.deductions[].points]}'
[ "$(jq -c "$perf" score-down-shards.json)" = "$(jq -c "$perf" score-down-whole.json)" ] \
  || fail "refused: shards $(jq -c "$perf" score-down-shards.json) vs whole $(jq -c "$perf" score-down-whole.json)"
jq -e "[$perf | .points[] | select(. > 0)] | length >= 1" score-down-shards.json >/dev/null \
  || fail "a refused port should cost points: $(jq -c "$perf" score-down-shards.json)"

# A shard given twice is kept once, and said; a missing one is said.
run "$REPORT" c1.json c2.json c2.json c3.json c4.json --markdown dup.md
expect_rc 0
expect_stderr "bench: shard 2/4 was given more than once: its first envelope is kept, the others are left out"
grep -qF "**Overall:** 402 requests" dup.md || fail "a duplicate shard was counted: $(grep -F Overall dup.md)"
run "$SCORE" c1.json c2.json c4.json -o missing.json
expect_stderr "bench: the load figures cover 3 of 4 shards (missing 3/4)"
jq -e '.score.categories[] | select(.name == "performance") | .evidence | test("302 requests")' missing.json >/dev/null \
  || fail "missing shard evidence: $(jq -c '.score.categories[] | select(.name == "performance") | .evidence' missing.json)"

# The open model: each shard takes 1/4 of the rate, and the merged phase the whole rate.
pids=()
for k in 1 2 3 4; do
  "$BENCH" "$URL" --rate 80 -d 1s -q --shard "$k/4" -o "o$k.json" & pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || fail "an open-model shard failed"; done
[ "$(jq -s -c 'map(.metrics.phases[0].rate)' o1.json o2.json o3.json o4.json)" = "[20,20,20,20]" ] \
  || fail "open-model rates: $(jq -s -c 'map(.metrics.phases[0].rate)' o?.json)"
run "$REPORT" o1.json o2.json o3.json o4.json --markdown open.md
expect_rc 0
total=$(jq -s 'map(.metrics.overall.requests) | add' o1.json o2.json o3.json o4.json)
grep -qF "**Overall:** $total requests" open.md || fail "open model merged count: $(grep -F Overall open.md)"
echo "ok"
