# The GitLab CI template (ci-templates/readygate.gitlab-ci.yml) run for real by gitlab-ci-local
# (shell executor) on a sample repository that includes it with inputs: a clean tree against a
# live nginx passes and exports READYGATE_PASSED=true; a leaked key fails the job and still
# leaves JUnit, Code Quality, SARIF and Markdown; without readygate on PATH the job clones
# readygate's source and takes the (seeded) cached build, or, with an empty cache, downloads
# the release archive (the programs under test in the release's layout, served from 127.0.0.1
# through READYGATE_RELEASE_BASE_URL), checks it and runs the gate with it. scripts/test.sh
# installs gitlab-ci-local and sets READYGATE_GITLAB_CI_LOCAL; without it this test is skipped.
source "$(dirname "$0")/lib.sh"
tool=${READYGATE_GITLAB_CI_LOCAL:-}
if [ -z "$tool" ] || [ ! -x "$tool" ]; then
  echo "gitlab-ci-local is not installed (scripts/install-npm-tool.sh gitlab-ci-local): skipped"
  exit 77
fi
for need in git rsync nginx; do
  command -v "$need" >/dev/null || { echo "$need is not installed: skipped"; exit 77; }
done
: "${READYGATE_GATE:?set READYGATE_GATE to the built ready-gate}"
BIN=$(dirname "$READYGATE_GATE")
unset GITHUB_ACTIONS GITHUB_OUTPUT GITHUB_STEP_SUMMARY GITHUB_BASE_REF CI_MERGE_REQUEST_DIFF_BASE_SHA
SYSTEM_PATH=$PATH

start_nginx health_only_conf

R="$WORK/project"
mkdir -p "$R/src" "$R/ci"
cd "$R"
git init -q -b main
git config user.email t@example.invalid
git config user.name t
printf 'def add(a, b):\n    return a + b\n' > src/calc.py
cp "$READYGATE_SOURCE/ci-templates/readygate.gitlab-ci.yml" ci/
printf '.gitlab-ci-local/\n' > .gitignore
cat > .gitlab-ci.yml <<YAML
include:
  - local: ci/readygate.gitlab-ci.yml
    inputs:
      urls: health=http://127.0.0.1:$NGINX_PORT/health
      bench-duration: 1s
      wait: 10s
      diff-base: none
      thresholds: |
        p95<5s
        error_rate<1%
YAML
git add -A && git commit -qm clean

# ci_local: runs the readygate job; RC is its exit code, A the job's artifacts.
A="$R/.gitlab-ci-local/artifacts/readygate"
ci_local() {
  rm -rf "$R/.gitlab-ci-local" "$R/readygate-out"
  cd "$R"
  run "$tool" --no-color --force-shell-executor "$@" readygate
}

# A clean tree and a healthy service: the job passes and publishes every report.
PATH="$BIN:$SYSTEM_PATH" ci_local
expect_rc 0 "clean tree: $(tail -20 "$OUT")"
grep -q 'PASS  readygate' "$OUT" || fail "gitlab-ci-local did not report a pass: $(tail -20 "$OUT")"
for f in junit.xml gl-code-quality.json readygate.sarif summary.md scan.json health.json bench.json score.json; do
  [ -s "$A/readygate-out/$f" ] || fail "artifact missing: readygate-out/$f"
done
grep -qx 'READYGATE_PASSED=true' "$A/.gitlab-ci-reports/dotenv/readygate-out/readygate.env" \
  || fail "dotenv report: $(cat "$A"/.gitlab-ci-reports/dotenv/readygate-out/readygate.env)"
check '.metrics.checks[0].status == "healthy"' "$A/readygate-out/health.json"
check '.metrics.overall.requests > 0' "$A/readygate-out/bench.json"
# A multi-line input arrives whole: one threshold per line.
check '[.checks[] | select(.id | startswith("bench.threshold")) | .status] == ["pass", "pass"]' "$A/readygate-out/bench.json"
check 'length == 0' "$A/readygate-out/gl-code-quality.json"
validate_junit "$A/readygate-out/junit.xml"

# A leaked key: the job fails; the reports are still published (artifacts: when: always).
printf 'AWS_ACCESS_KEY_ID=AKIAJ7QW2M5RTXV3KD6B\n' > src/settings.env
git add -A && git commit -qm leak
PATH="$BIN:$SYSTEM_PATH" ci_local
expect_rc 1 "a leaked key fails the job"
grep -q 'FAIL  readygate' "$OUT" || fail "gitlab-ci-local did not report a failure: $(tail -20 "$OUT")"
check '[.[] | select(.check_name == "secret.aws-access-key-id") | .location.path] == ["src/settings.env"]' \
  "$A/readygate-out/gl-code-quality.json"
grep -q '<failure' "$A/readygate-out/junit.xml" || fail "the JUnit report has no failure"
validate_junit "$A/readygate-out/junit.xml"
grep -qx 'READYGATE_PASSED=false' "$A/readygate-out/readygate.env" || fail "dotenv after a failure"
! grep -rq 'RTXV3KD6B' "$OUT" "$A" || fail "the key leaked into the job log or the artifacts"

# Input validation is GitLab's: an option outside the list is refused before anything runs.
sed -i 's/diff-base: none/diff-base: none\n      fail-on: severe/' .gitlab-ci.yml
git commit -qam bad-input
PATH="$BIN:$SYSTEM_PATH" ci_local
[ "$RC" -ne 0 ] || fail "fail-on: severe was accepted"
grep -q 'fail-on' "$OUT" "$ERR" || fail "the error does not name the input"
git revert --no-edit HEAD >/dev/null

# The repository's readygate.toml excludes the key's file, or disables the secrets rules: the job
# passes; the template's scan-args input reaches ready-scan the same way; config: none ignores
# the file.
before_config=$(git rev-parse HEAD)
printf '[scan]\nexclude = ["src/settings.env"]\n' > readygate.toml
git add readygate.toml && git commit -qm config
PATH="$BIN:$SYSTEM_PATH" ci_local
expect_rc 0 "readygate.toml excludes the key: $(tail -20 "$OUT")"
check 'length == 0' "$A/readygate-out/gl-code-quality.json"
printf '[scan]\ndisable = ["secrets"]\n' > readygate.toml
git commit -qam "config: disable"
PATH="$BIN:$SYSTEM_PATH" ci_local
expect_rc 0 "readygate.toml disables the secrets rules: $(tail -20 "$OUT")"
check 'length == 0' "$A/readygate-out/gl-code-quality.json"
printf '[scan]\nexclude = ["src/settings.env"]\n' > readygate.toml
git commit -qam "config: exclude"
sed -i 's/diff-base: none/diff-base: none\n      config: none/' .gitlab-ci.yml
git commit -qam no-config
PATH="$BIN:$SYSTEM_PATH" ci_local
expect_rc 1 "config: none reads no file"
sed -i 's/      config: none/      config: none\n      scan-args: --exclude src\/settings.env/' .gitlab-ci.yml
git commit -qam scan-args
PATH="$BIN:$SYSTEM_PATH" ci_local
expect_rc 0 "scan-args excludes the key: $(tail -20 "$OUT")"
git checkout -q "$before_config" -- .gitlab-ci.yml && git rm -q readygate.toml && git commit -qm "no config"

# examples/gitlab/sharded.gitlab-ci.yml (its include made local): three parallel shard jobs,
# then the readygate job gates on their results; the same finding fails it.
S="$WORK/sharded"
git clone -q "$R" "$S"
cd "$S"
sed -e 's#^  - remote: .*#  - local: ci/readygate.gitlab-ci.yml#' -e 's/parallel: 4/parallel: 3/' \
  "$READYGATE_SOURCE/examples/gitlab/sharded.gitlab-ci.yml" > .gitlab-ci.yml
git commit -qam sharded
run env PATH="$BIN:$SYSTEM_PATH" "$tool" --no-color --force-shell-executor
expect_rc 1 "sharded: the leaked key fails the gate"
for k in 1 2 3; do grep -q "PASS  readygate-shard: \[$k/3\]" "$OUT" || fail "shard $k/3 did not pass: $(tail -20 "$OUT")"; done
grep -Eq '^ *FAIL +readygate *$' "$OUT" || fail "the gate job did not fail: $(tail -20 "$OUT")"
grep -q 'using 3 earlier result(s)' "$OUT" "$ERR" || fail "the gate did not use the shards' results"
check '[.[] | .check_name] == ["secret.aws-access-key-id"]' "$S/.gitlab-ci-local/artifacts/readygate/readygate-out/gl-code-quality.json"
cd "$R"

# examples/gitlab/bench-sharded.gitlab-ci.yml (its include made local, its scenario and service
# the test's): four parallel ready-bench shards, then one job merges them into one score.
B="$WORK/bench-sharded"
git clone -q "$R" "$B"
cd "$B"
printf '{"endpoints": [{"url": "/health"}], "phases": [{"name": "p", "requests": 40, "concurrency": 4}]}\n' > load.json
sed -e 's#^  - remote: .*#  - local: ci/readygate.gitlab-ci.yml#' \
  -e "s#BASE_URL: .*#BASE_URL: http://127.0.0.1:$NGINX_PORT#" \
  "$READYGATE_SOURCE/examples/gitlab/bench-sharded.gitlab-ci.yml" > .gitlab-ci.yml
cp "$READYGATE_SOURCE/examples/gitlab/load-policy.json" .
git add load.json load-policy.json .gitlab-ci.yml && git commit -qm bench-sharded
run env PATH="$BIN:$SYSTEM_PATH" "$tool" --no-color --force-shell-executor
expect_rc 0 "bench-sharded: $(tail -20 "$OUT")"
for k in 1 2 3 4; do grep -q "PASS  readygate-bench: \[$k/4\]" "$OUT" || fail "bench shard $k/4 did not pass: $(tail -20 "$OUT")"; done
grep -Eq '^ *PASS +readygate-load *$' "$OUT" || fail "the merge job did not pass: $(tail -20 "$OUT")"
A_LOAD="$B/.gitlab-ci-local/artifacts/readygate-load"
check '[.inputs[] | select(.tool == "bench") | .metrics.shard.index] | sort == [1, 2, 3, 4]' "$A_LOAD/score.json"
check '.score.categories[] | select(.name == "performance") | .evidence == "bench: 4 run(s), 40 requests"' "$A_LOAD/score.json"
grep -qF '**Overall:** 40 requests' "$A_LOAD/summary.md" || fail "merged summary: $(grep -F Overall "$A_LOAD/summary.md")"
cd "$R"

# readygate not on PATH: the job clones its source (here the repository under test, at its
# branch) and takes the build from the cache folder, which the test seeds with the build under
# test under the key ci-setup.sh computes. (The real build from source is what ci-setup.sh does
# on a cache miss; scripts/ci-setup.sh is run that way by hand, see docs/CI.md.)
branch=$(git -C "$READYGATE_SOURCE" symbolic-ref -q --short HEAD || true)
if [ -z "$branch" ] || [ ! -e "$READYGATE_SOURCE/.git" ]; then  # .git: a folder, or a worktree's file
  echo "the source is not a git checkout on a branch: the install path is not exercised"
  exit 0
fi
if PATH=$SYSTEM_PATH command -v ready-scan >/dev/null; then
  echo "ready-scan is installed system-wide: the install path is not exercised"
  exit 0
fi
git clone -q --depth 1 --branch "$branch" "file://$READYGATE_SOURCE" "$WORK/readygate-src"
key=$(READYGATE_CACHE_DIR="$R/.readygate-cache" "$WORK/readygate-src/scripts/ci-setup.sh" probe | sed -n 's/^cache-key=//p')
mkdir -p "$R/.readygate-cache/$key"
ln -s "$BIN" "$R/.readygate-cache/$key/bin"
cat >> .gitlab-ci.yml <<YAML
      readygate-source: file://$READYGATE_SOURCE
      readygate-version: $branch
YAML
git commit -qam "readygate from source"
PATH=$SYSTEM_PATH ci_local
expect_rc 1 "installed from source: the leaked key still fails the job"
grep -q 'using the cached build' "$OUT" "$ERR" || fail "the cached build was not used: $(tail -30 "$OUT")"
[ -s "$A/readygate-out/gl-code-quality.json" ] || fail "no Code Quality report after the install"

# An empty cache: the job downloads the release archive of the version the clone names, checks
# its SHA-256, installs it into the cache folder and runs the gate with it.
own=$(sed -n -E 's/^project\(readygate VERSION ([0-9.]+).*/\1/p' "$WORK/readygate-src/CMakeLists.txt")
name=readygate-$own-linux-$(uname -m)
mkdir -p "$WORK/stage/$name/bin" "$WORK/stage/$name/share/doc/readygate" "$WORK/www/v$own"
cp "$BIN"/ready-scan "$BIN"/ready-bench "$BIN"/ready-healthcheck "$BIN"/ready-score "$BIN"/ready-report "$BIN"/ready-gate "$WORK/stage/$name/bin/"
cp "$READYGATE_SOURCE/LICENSE" "$WORK/stage/$name/share/doc/readygate/"
tar -czf "$WORK/www/v$own/$name.tar.gz" -C "$WORK/stage" "$name"
(cd "$WORK/www/v$own" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
python3 "$READYGATE_SOURCE/tests/support/release_server.py" "$WORK/www" "$WORK/port" "$WORK/server.log" &
on_exit "kill $!"
for _ in $(seq 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
[ -s "$WORK/port" ] || fail "the release server did not start"
rm -rf "$R/.readygate-cache"
PATH=$SYSTEM_PATH ci_local --variable "READYGATE_RELEASE_BASE_URL=http://127.0.0.1:$(cat "$WORK/port")"
expect_rc 1 "installed from the release: the leaked key still fails the job"
grep -q "installed release v$own in " "$OUT" "$ERR" || fail "the release was not installed: $(tail -30 "$OUT")"
grep -q "^/v$own/$name.tar.gz " "$WORK/server.log" || fail "the archive was not downloaded: $(cat "$WORK/server.log")"
[ -s "$A/readygate-out/gl-code-quality.json" ] || fail "no Code Quality report after the release install"
check '[.[] | .check_name] == ["secret.aws-access-key-id"]' "$A/readygate-out/gl-code-quality.json"
