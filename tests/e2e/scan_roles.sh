# Roles from paths: test, example (benchmark scripts included) and product code.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/src/lib" "$WORK/src/test" "$WORK/src/examples" "$WORK/src/benchmarks/utils" "$WORK/src/bench"
cmd='const { exec } = require("child_process");\nfunction run(cmd) { exec("sh -c " + cmd); }\nmodule.exports = run;\n'
for f in lib/run.js test/run.js examples/run.js benchmarks/utils/run.js bench/run.js; do
  printf "$cmd" > "$WORK/src/$f"
done

run "$SCAN" "$WORK/src" --no-git
expect_json
role_of() { jq -r --arg p "$1" '[.findings[] | select(.location.path | endswith($p)) | .role] | unique | join(",")' "$OUT"; }
[ "$(role_of lib/run.js)" = product ] || fail "lib/run.js: $(role_of lib/run.js)"
[ "$(role_of test/run.js)" = test ] || fail "test/run.js: $(role_of test/run.js)"
[ "$(role_of examples/run.js)" = example ] || fail "examples/run.js: $(role_of examples/run.js)"
[ "$(role_of benchmarks/utils/run.js)" = example ] || fail "benchmarks/: $(role_of benchmarks/utils/run.js)"
[ "$(role_of bench/run.js)" = example ] || fail "bench/: $(role_of bench/run.js)"

run "$SCAN" "$WORK/src" --no-git --role 'product=bench/**'
expect_json
[ "$(role_of bench/run.js)" = product ] || fail "--role override: $(role_of bench/run.js)"
