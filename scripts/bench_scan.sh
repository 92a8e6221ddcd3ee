#!/usr/bin/env bash
# bench_scan.sh: times ready-scan side by side with peer tools on two real trees and prints a
# Markdown report (also written to $BENCH_DIR/report.md, default /tmp/readygate-bench/report.md).
#
#   scripts/bench_scan.sh                      # from any directory
#   READY_SCAN=/path/to/ready-scan scripts/bench_scan.sh
#
# Trees: the Python standard library, and a node_modules tree installed for the purpose.
# Peers: ripgrep given ready-scan's own rule patterns (converted to Rust-regex syntax), and
# bandit on the Python tree. Every command runs under hyperfine, wrapped in
# `/usr/bin/time -f %M` (peak RSS) and `timeout` (so a pathological peer cannot hang the run).
# Only files under $BENCH_DIR are created; the repo gets a build/release tree if it has none.
#
# Knobs (environment): READY_SCAN, BENCH_DIR, PY_TREE, FAST_RUNS (10), SLOW_RUNS (3),
# RUN_TIMEOUT (900 s, one run of one command), BANDIT_TIMEOUT (1800 s).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
BENCH=${BENCH_DIR:-/tmp/readygate-bench}
RESULTS=$BENCH/results
FAST_RUNS=${FAST_RUNS:-10}
SLOW_RUNS=${SLOW_RUNS:-3}
RUN_TIMEOUT=${RUN_TIMEOUT:-900}
BANDIT_TIMEOUT=${BANDIT_TIMEOUT:-1800}
# A first single run ("probe") decides how often a command is repeated: under FAST_LIMIT seconds
# it gets --warmup 1 and FAST_RUNS runs; under SLOW_LIMIT, SLOW_RUNS more runs (the probe was
# its warm-up); slower than that, the probe is the measurement (rg -U can take many minutes).
FAST_LIMIT=10
SLOW_LIMIT=60
MAX_FILE_SIZE=5M  # ready-scan's default --max-file-size; rg is given the same limit

# The JS tree: popular packages, pinned so that machines compare like with like.
# typescript 5.x, not 7.x: 7 is the native (Go) compiler and ships almost no JavaScript.
JS_PACKAGES=(typescript@5.9.3 webpack@5.113.0 eslint@10.15.0 react@19.3.1 react-dom@19.3.1
  lodash@4.18.1 express@5.3.0 @babel/core@7.29.13 three@0.187.0 monaco-editor@0.57.0
  aws-sdk@2.1693.0 rxjs@7.8.2 date-fns@4.4.0 @angular/core@21.2.26 @angular/compiler@21.2.26
  prettier@3.10.1 @mui/material@9.5.0 core-js@3.51.0 moment@2.31.0 vue@3.5.45)

START_SECONDS=$SECONDS
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# 1. Tools
# ---------------------------------------------------------------------------------------------
source "$(dirname "${BASH_SOURCE[0]}")/apt-install-missing.sh"
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
ensure_tools() {
  local -A package_of=([hyperfine]=hyperfine [rg]=ripgrep [bandit]=python3-bandit
                       [/usr/bin/time]=time [npm]=npm [python3]=python3 [timeout]=coreutils)
  local missing=() cmd
  for cmd in "${!package_of[@]}"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("${package_of[$cmd]}")
  done
  ((${#missing[@]} == 0)) && return
  apt_install_missing "${missing[@]}"
}

# ---------------------------------------------------------------------------------------------
# 2. ready-scan (release build unless READY_SCAN names a binary)
# ---------------------------------------------------------------------------------------------
# The first source file of ready-scan that is newer than FILE, if any (its own tool folder, the
# common library, and the build files; other tools' changes do not touch ready-scan).
scan_source_newer_than() {  # FILE
  find "$REPO/tools/scan" "$REPO/common" "$REPO/cmake" "$REPO/CMakeLists.txt" "$REPO/CMakePresets.json" \
       -type f -newer "$1" -print -quit 2>/dev/null || true
}

ensure_ready_scan() {
  if [[ -n ${READY_SCAN:-} ]]; then
    READY_SCAN_GIVEN=1
    [[ -x $READY_SCAN ]] || die "READY_SCAN=$READY_SCAN is not an executable"
    READY_SCAN=$(cd "$(dirname "$READY_SCAN")" && pwd)/$(basename "$READY_SCAN")
    return
  fi
  READY_SCAN=$REPO/build/release/bin/ready-scan
  local why=""
  if [[ ! -x $READY_SCAN ]]; then
    why="no binary yet"
  else
    why=$(scan_source_newer_than "$READY_SCAN")
    [[ -z $why ]] || why="$why is newer than the binary"
  fi
  if [[ -n $why ]]; then
    log "building the release preset ($why)"
    (cd "$REPO" && cmake --preset release && cmake --build --preset release) >&2
  fi
}

# ---------------------------------------------------------------------------------------------
# 3. Trees
# ---------------------------------------------------------------------------------------------
prepare_python_tree() {
  SYS_STDLIB=$(python3 -c 'import sysconfig;print(sysconfig.get_paths()["stdlib"])')
  # python3 here may be a pyenv build (with its test suite); Debian's /usr/lib/python3.11 has
  # none, and is what other Debian 12 machines have, so it is preferred when present.
  if [[ -n ${PY_TREE:-} ]]; then :
  elif [[ -d /usr/lib/python3.11 ]]; then PY_TREE=/usr/lib/python3.11
  else PY_TREE=$SYS_STDLIB
  fi
  [[ -d $PY_TREE ]] || die "no Python standard library at $PY_TREE"
}

prepare_js_tree() {
  JS_DIR=$BENCH/js
  JS_TREE=$JS_DIR/node_modules
  local want="${JS_PACKAGES[*]}"
  if [[ -d $JS_TREE && -f $JS_DIR/.installed && $(cat "$JS_DIR/.installed") == "$want" ]]; then
    log "reusing $JS_TREE"
    return
  fi
  log "npm install into $JS_DIR (${#JS_PACKAGES[@]} packages)"
  mkdir -p "$JS_DIR"
  [[ -f $JS_DIR/package.json ]] || echo '{"name":"readygate-bench-js","private":true}' >"$JS_DIR/package.json"
  # --ignore-scripts: no install scripts (nothing to build, nothing fetched from outside npm).
  (cd "$JS_DIR" && npm install --ignore-scripts --no-audit --no-fund "${JS_PACKAGES[@]}") >&2
  echo "$want" >"$JS_DIR/.installed"
}

# Grow trees: 1, 2 and 4 hard-linked copies of the Python tree (cp -a where links cannot cross).
# The marker saying what was copied sits beside the tree, not in it, or it would be scanned.
prepare_grow_trees() {
  local n k dir
  for n in 1 2 4; do
    dir=$BENCH/grow/${n}x
    if [[ -f $dir.source && $(cat "$dir.source") == "$PY_TREE" ]]; then continue; fi
    rm -rf "$dir" "$dir.source" && mkdir -p "$dir"
    for ((k = 1; k <= n; k++)); do
      cp -al "$PY_TREE" "$dir/copy$k" 2>/dev/null || { rm -rf "$dir/copy$k"; cp -a "$PY_TREE" "$dir/copy$k"; }
    done
    echo "$PY_TREE" >"$dir.source"
  done
}

# ready-scan's own count of a tree (its envelope's summary), kept for the report.
# This also reads the whole tree once, so the timed runs start from a warm page cache.
tree_envelope() {  # ID TREE [more ready-scan flags]
  local id=$1 tree=$2; shift 2
  "$READY_SCAN" "$tree" --no-default-excludes --no-git -q "$@" >"$RESULTS/$id.envelope.json" ||
    [[ $? == 1 ]] || die "ready-scan failed on $tree"
}

# What ripgrep reads from the same tree, with the flags used for timing and with -uuu.
rg_reads() {  # ID TREE
  rg -c -f "$RESULTS/patterns.single.ascii.txt" -uu --max-filesize "$MAX_FILE_SIZE" --stats "$2" \
    2>/dev/null | tail -n 8 >"$RESULTS/$1.rg-uu.stats" || true
  rg -c -f "$RESULTS/patterns.single.ascii.txt" -uuu --stats "$2" 2>/dev/null | tail -n 8 \
    >"$RESULTS/$1.rg-uuu.stats" || true
}

# What bandit -r picks: *.py and *.pyw files outside its default excluded folders.
bandit_reads() {  # ID TREE
  find "$2" \( -name __pycache__ -o -name .git -o -name .tox -o -name .eggs -o -name '*.egg' \) -prune \
    -o \( -name '*.py' -o -name '*.pyw' \) -print0 | xargs -0 stat -L -c %s 2>/dev/null |
    awk '{n++; s+=$1} END {print n+0, s+0}' >"$RESULTS/$1.bandit.reads" || true
}

# ---------------------------------------------------------------------------------------------
# 4. ripgrep patterns: ready-scan's rules in Rust-regex syntax
# ---------------------------------------------------------------------------------------------
make_patterns() {
  "$READY_SCAN" --list-rules >"$RESULTS/rules.json"
  python3 - "$RESULTS" <<'EOF'
import json, sys
out = sys.argv[1]
rules = json.load(open(f"{out}/rules.json"))["rules"]

def to_rust(p):
    """RE2 -> Rust regex: (?P<name>...) -> (?:...) (names are not needed to count matches), and
    \\" -> " (Rust rejects escaping a character that is not special). Escapes are read in
    pairs so that an escaped backslash followed by a quote is left alone."""
    s, i = [], 0
    while i < len(p):
        if p[i] == "\\" and i + 1 < len(p):
            s.append('"' if p[i + 1] == '"' else p[i:i + 2]); i += 2
        elif p.startswith("(?P<", i):
            s.append("(?:"); i = p.index(">", i) + 1
        else:
            s.append(p[i]); i += 1
    return "".join(s)

all_p = [to_rust(r["pattern"]) for r in rules]
# "Single-line": no \n anywhere in the pattern text, so rg can run without -U.
single = [to_rust(r["pattern"]) for r in rules if "\\n" not in r["pattern"]]
for name, pats in (("all", all_p), ("single", single)):
    open(f"{out}/patterns.{name}.unicode.txt", "w").write("\n".join(pats) + "\n")
    # (?-u): ASCII \w \b \s \d, as in RE2. Rust's default Unicode \b is what makes rg slow here.
    open(f"{out}/patterns.{name}.ascii.txt", "w").write("".join(f"(?-u){p}\n" for p in pats))
print(len(all_p), len(single))
EOF
}

# rg must accept every pattern, one by one (a bad one in -f would abort the whole search).
check_patterns() {
  local file pattern flags
  for file in "$RESULTS"/patterns.*.txt; do
    flags=(-U); [[ $file == *single* ]] && flags=()
    while IFS= read -r pattern; do
      printf '%s\n' "$pattern" >"$RESULTS/one-pattern.txt"
      rg "${flags[@]}" -q -f "$RESULTS/one-pattern.txt" /dev/null 2>"$RESULTS/rg-error.txt" ||
        [[ $? == 1 ]] || die "rg rejects a pattern of $file: $pattern ($(cat "$RESULTS/rg-error.txt"))"
    done <"$file"
  done
  rm -f "$RESULTS/one-pattern.txt" "$RESULTS/rg-error.txt"
}

# ---------------------------------------------------------------------------------------------
# 5. Timing
# ---------------------------------------------------------------------------------------------

hyperfine_logged() {  # hyperfine arguments...
  shell_words hyperfine "$@" >>"$RESULTS/commands.txt"
  hyperfine --style basic "$@" >>"$RESULTS/hyperfine.log" 2>&1
}

median_of() { python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
timed_out() { python3 -c 'import json,sys;sys.exit(0 if {124,137} & set(json.load(open(sys.argv[1]))["results"][0]["exit_codes"]) else 1)' "$1"; }

# bench TREE_ID ROW_ID "TOOL LABEL" TIMEOUT COMMAND...
# Each run is `/usr/bin/time -a -o RSSFILE -f %M timeout T COMMAND` (time outside timeout, so
# that the RSS of a run that was stopped is still written). -N: no shell in between; -i: bandit
# exits 1 on findings, rg 1 on no match, and a timed-out run (124) is reported, not fatal.
bench() {
  local tree=$1 row=$2 label=$3 limit=$4; shift 4
  local base=$RESULTS/$tree.$row
  local wrapped shown
  wrapped=$(shell_words /usr/bin/time -a -o "$base.rss" -f %M timeout -k 10 "$limit" "$@")
  shown=$(shell_words "$@")
  : >"$base.rss"
  log "$tree / $label: $shown"
  hyperfine_logged -N -i --runs 1 --export-json "$base.probe.json" "$wrapped"
  local t; t=$(median_of "$base.probe.json")
  if timed_out "$base.probe.json"; then
    log "  timed out after ${limit}s"
    cp "$base.probe.json" "$base.json"
  elif python3 -c "import sys;sys.exit(0 if $t < $FAST_LIMIT else 1)"; then
    hyperfine_logged -N -i --warmup 1 --runs "$FAST_RUNS" --export-json "$base.json" "$wrapped"
  elif python3 -c "import sys;sys.exit(0 if $t < $SLOW_LIMIT else 1)"; then
    hyperfine_logged -N -i --runs "$SLOW_RUNS" --export-json "$base.json" "$wrapped"
  else
    cp "$base.probe.json" "$base.json"
  fi
  log "  median $(median_of "$base.json") s"
  printf '%s\t%s\t%s\t%s\t%s\n' "$tree" "$row" "$label" "$limit" "$shown" >>"$RESULTS/rows.tsv"
}

# The wrapper's own cost, so that it can be told apart from the tools' times.
bench_wrapper() {
  bench wrapper overhead "wrapper alone (/usr/bin/time + timeout + true)" 60 true
}

bench_tree() {  # ID TREE
  local id=$1 tree=$2 rs=$READY_SCAN
  local rg_common=(-c -uu --max-filesize "$MAX_FILE_SIZE")
  bench "$id" rs "ready-scan (default threads)" "$RUN_TIMEOUT" \
    "$rs" "$tree" -q -o /dev/null --no-default-excludes --no-git
  bench "$id" rs-j1 "ready-scan -j1" "$RUN_TIMEOUT" \
    "$rs" "$tree" -q -o /dev/null --no-default-excludes --no-git -j1
  bench "$id" rg-all-ascii "rg -U, all $N_ALL patterns, ASCII classes (?-u)" "$RUN_TIMEOUT" \
    rg -U "${rg_common[@]}" -f "$RESULTS/patterns.all.ascii.txt" "$tree"
  bench "$id" rg-all-unicode "rg -U, all $N_ALL patterns, Unicode classes" "$RUN_TIMEOUT" \
    rg -U "${rg_common[@]}" -f "$RESULTS/patterns.all.unicode.txt" "$tree"
  bench "$id" rg-single-ascii "rg, $N_SINGLE single-line patterns, ASCII classes (?-u)" "$RUN_TIMEOUT" \
    rg "${rg_common[@]}" -f "$RESULTS/patterns.single.ascii.txt" "$tree"
  bench "$id" rg-single-unicode "rg, $N_SINGLE single-line patterns, Unicode classes" "$RUN_TIMEOUT" \
    rg "${rg_common[@]}" -f "$RESULTS/patterns.single.unicode.txt" "$tree"
  if [[ $id == python ]]; then
    bench "$id" bandit "bandit" "$BANDIT_TIMEOUT" bandit -r "$tree" -q -f json -o /dev/null
  fi
}

# Every rule, then one rule that finds nothing here: if RSS still grows with the tree in the
# second, the growth is not (only) the findings kept for the report.
QUIET_RULE=secret.stripe-live-key
bench_growth() {
  local n tree
  for n in 1 2 4; do
    tree=$BENCH/grow/${n}x
    tree_envelope "grow${n}x" "$tree"
    bench "grow${n}x" rs "ready-scan (default threads)" "$RUN_TIMEOUT" \
      "$READY_SCAN" "$tree" -q -o /dev/null --no-default-excludes --no-git
    tree_envelope "grow${n}x-quiet" "$tree" --enable-only "$QUIET_RULE"
    bench "grow${n}x" rs-quiet "ready-scan --enable-only $QUIET_RULE" "$RUN_TIMEOUT" \
      "$READY_SCAN" "$tree" -q -o /dev/null --no-default-excludes --no-git --enable-only "$QUIET_RULE"
  done
}

# ---------------------------------------------------------------------------------------------
# 6. Report
# ---------------------------------------------------------------------------------------------
write_context() {
  {
    echo "date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "nproc=$(nproc)"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    # shellcheck disable=SC1091
    echo "os=$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "ready_scan=$("$READY_SCAN" --version) ($READY_SCAN, built $(date -u -r "$READY_SCAN" '+%Y-%m-%d %H:%M:%S UTC'))"
    # The version string does not change between commits: name the sources the numbers belong to.
    local changed=""
    [[ -n ${READY_SCAN_GIVEN:-} ]] || changed=$(scan_source_newer_than "$READY_SCAN")
    echo "source=$SOURCE_REVISION${changed:+ [NB: sources changed during the run, e.g. ${changed#"$REPO"/}; the numbers are of the binary built before]}"
    echo "rg=$(rg --version | head -n 1)"
    echo "bandit=$(bandit --version 2>&1 | head -n 1)"
    echo "hyperfine=$(hyperfine --version)"
    echo "node=$(node --version 2>/dev/null || echo none), npm $(npm --version)"
    echo "py_tree=$PY_TREE"
    echo "sys_stdlib=$SYS_STDLIB"
    echo "python3=$(command -v python3) ($(python3 --version 2>&1))"
    echo "js_tree=$JS_TREE"
    echo "js_packages=$(cd "$JS_DIR" && npm ls --depth=0 --parseable --long 2>/dev/null |
                         tail -n +2 | sed 's|.*:||' | tr '\n' ' ')"
    echo "quiet_rule=$QUIET_RULE"
    echo "n_all=$N_ALL"
    echo "n_single=$N_SINGLE"
    echo "fast_runs=$FAST_RUNS"
    echo "slow_runs=$SLOW_RUNS"
    echo "fast_limit=$FAST_LIMIT"
    echo "slow_limit=$SLOW_LIMIT"
    echo "elapsed=$((SECONDS - START_SECONDS))"
  } >"$RESULTS/context.txt"
}

# HEAD of the repo, and whether the scanner's sources differ from it (read-only git use).

render_report() {
  python3 - "$RESULTS" <<'EOF'
import json, os, sys
res = sys.argv[1]
ctx = dict(line.rstrip("\n").split("=", 1) for line in open(f"{res}/context.txt"))
rows = [l.rstrip("\n").split("\t") for l in open(f"{res}/rows.tsv")]

def envelope(tree):
    return json.load(open(f"{res}/{tree}.envelope.json"))["summary"]

def result(tree, row):
    r = json.load(open(f"{res}/{tree}.{row}.json"))["results"][0]
    rss = [int(x) for x in open(f"{res}/{tree}.{row}.rss").read().split("\n") if x.strip().isdigit()]
    timeout = bool({124, 137} & set(r["exit_codes"]))
    return dict(median=r["median"], min=r["min"], max=r["max"], runs=len(r["times"]),
                cpu=r["user"] + r["system"], rss_kb=max(rss) if rss else None, timeout=timeout,
                codes=sorted(set(r["exit_codes"])))

def rg_stats(path):
    out = {}
    if os.path.exists(path):
        for line in open(path):
            for key in ("files searched", "bytes searched"):
                if line.strip().endswith(key):
                    out[key] = int(line.split()[0])
    return out

def f(x, digits=3):
    return f"{x:.{digits}f}"

out = []
p = out.append
p("# ready-scan benchmark")
p("")
p(f"- Date: {ctx['date']}")
p(f"- Machine: {ctx['nproc']} cores (nproc), CPU \"{ctx['cpu']}\", {ctx['mem']} RAM; {ctx['os']}")
p(f"- ready-scan: {ctx['ready_scan']}; repo at {ctx['source']}")
p(f"- Peers: {ctx['rg']}; {ctx['bandit']}; timing by {ctx['hyperfine']}; {ctx['node']}")
py_note = "" if ctx["py_tree"] == ctx["sys_stdlib"] else \
    f" (python3 on PATH is {ctx['python3']}, whose stdlib is {ctx['sys_stdlib']}; the Debian one was used so that Debian 12 machines compare)"
p(f"- Python tree: `{ctx['py_tree']}`{py_note}")
p(f"- JS/TS tree: `{ctx['js_tree']}`: {ctx['js_packages'].strip()} (and their dependencies)")
p(f"- Whole run (setup, all timings, report): {ctx['elapsed']} s")
p("")
p("Times are hyperfine medians of wall time. Every run is wrapped as `/usr/bin/time -a -o RSSFILE -f %M "
  "timeout -k 10 T CMD` (peak RSS of each run; a guard against runaway peers), so each time includes "
  "the wrapper's own cost, measured below. MB/s = the tree's text bytes as ready-scan counts them "
  "(`summary.bytes`) / 10^6 / median; files/s = ready-scan's `summary.files` / median, for every tool, "
  "so rows of one tree compare directly. Peak RSS is the largest max-RSS of all runs of the row, in MiB. "
  "`x ready-scan` = the row's median / ready-scan's median with default threads on the same tree. "
  f"Runs: a first run (probe) decides: under {ctx['fast_limit']} s → `--warmup 1` + {ctx['fast_runs']} runs; "
  f"under {ctx['slow_limit']} s → {ctx['slow_runs']} more runs (the probe was the warm-up); slower, or timed "
  "out → the probe alone is reported.")
p("")

wrap = result("wrapper", "overhead")
p(f"Wrapper alone (`/usr/bin/time … timeout … true`): median {wrap['median']*1000:.1f} ms over {wrap['runs']} runs.")
p("")

tree_titles = {"python": "Python standard library", "js": "JavaScript/TypeScript node_modules"}
for tree, title in tree_titles.items():
    env = envelope(tree)
    nbytes, nfiles = env["bytes"], env["files"]
    sk = env["skipped"]
    p(f"## {title}")
    p("")
    p(f"ready-scan counts **{nfiles} files, {nbytes} text bytes ({nbytes/1e6:.1f} MB)**; skipped "
      f"{sk['binary']} binary, {sk['too_large']} over 5 MiB, {sk['symlinks']} symlinks; "
      f"{env['findings']} findings from {env['rules']} rules.")
    p("")
    p("| tool | runs | median s | min–max s | CPU s (user+sys, mean) | MB/s | files/s | peak RSS MiB | x ready-scan |")
    p("|---|---|---|---|---|---|---|---|---|")
    base = result(tree, "rs")["median"]
    for t, row, label, limit, shown in rows:
        if t != tree:
            continue
        r = result(tree, row)
        ge = "≥ " if r["timeout"] else ""
        le = "≤ " if r["timeout"] else ""
        med = f"{ge}{f(r['median'])}" + (f" (timed out at {limit} s)" if r["timeout"] else "")
        rss = "n/a" if r["rss_kb"] is None else f"{ge}{r['rss_kb']/1024:.1f}"
        p(f"| {label} | {r['runs']} | {med} | {f(r['min'])}–{f(r['max'])} | {f(r['cpu'], 2)} | "
          f"{le}{nbytes/1e6/r['median']:.1f} | {le}{nfiles/r['median']:.0f} | {rss} | {ge}{r['median']/base:.2f} |")
    p("")
    uu, uuu = rg_stats(f"{res}/{tree}.rg-uu.stats"), rg_stats(f"{res}/{tree}.rg-uuu.stats")
    p("What each tool reads from this tree:")
    p("")
    p(f"- ready-scan: {nfiles} text files, {nbytes} bytes (binary = NUL in the first 8 KiB; files over 5 MiB and symlinks skipped).")
    p(f"- rg `-uu --max-filesize 5M` (the timed flags): {uu.get('files searched', '?')} files opened, "
      f"{uu.get('bytes searched', '?')} bytes searched (rg counts the binary files it opens and drops at the first NUL as searched).")
    p(f"- rg `-uuu` (binary files searched too): {uuu.get('files searched', '?')} files, {uuu.get('bytes searched', '?')} bytes searched.")
    if os.path.exists(f"{res}/{tree}.bandit.reads"):
        n, b = open(f"{res}/{tree}.bandit.reads").read().split()
        p(f"- bandit `-r`: the *.py/*.pyw files outside `__pycache__` etc.: {n} files, {b} bytes "
          "(its MB/s above still uses ready-scan's byte count, so it is the rate for the tree, not per byte bandit parsed).")
    p("")

p("## Memory against tree size (ready-scan, default threads)")
p("")
p("Copies of the Python tree, hard-linked under the bench folder. First with all rules; then with only "
  f"`--enable-only {ctx['quiet_rule']}`, a rule that finds nothing here, to tell growth that comes from "
  "the findings kept for the report from growth that does not.")
p("")
p("| copies | rules | files | text MB | findings | runs | median s | MB/s | peak RSS MiB | RSS / 1x |")
p("|---|---|---|---|---|---|---|---|---|---|")
for row, env_suffix, rules in (("rs", "", "all"), ("rs-quiet", "-quiet", f"only {ctx['quiet_rule']}")):
    rss1 = None
    for n in (1, 2, 4):
        env, r = envelope(f"grow{n}x{env_suffix}"), result(f"grow{n}x", row)
        rss1 = rss1 or r["rss_kb"]
        p(f"| {n}x | {rules} | {env['files']} | {env['bytes']/1e6:.1f} | {env['findings']} | {r['runs']} | "
          f"{f(r['median'])} | {env['bytes']/1e6/r['median']:.1f} | {r['rss_kb']/1024:.1f} | {r['rss_kb']/rss1:.2f} |")
p("")

p("## Patterns given to rg")
p("")
p(f"From `ready-scan --list-rules` (`.rules[].pattern`, RE2): `(?P<name>` → `(?:` and `\\\"` → `\"`; "
  f"every pattern checked one by one with rg. All {ctx['n_all']} need `-U` as a set. \"Single-line\" = the "
  f"{ctx['n_single']} patterns with no `\\n` in their text, run without `-U`. \"ASCII classes\" = each pattern "
  "prefixed with `(?-u)`, which gives `\\w \\b \\s \\d` RE2's ASCII meaning; the Unicode variant is the plain "
  "conversion, in which Rust's Unicode `\\b`/`\\w` apply. rg applies every pattern to every file; ready-scan "
  "applies a rule only to files of its languages/paths and after a keyword prefilter, and then does more per "
  "match (named groups, exclusions, entropy, snippets, JSON). Match counts are not compared.")
p("")
p("## Commands run")
p("")
p("```")
p(open(f"{res}/setup-commands.txt").read().rstrip("\n"))
p(open(f"{res}/commands.txt").read().rstrip("\n"))
p("```")
print("\n".join(out))
EOF
}

# ---------------------------------------------------------------------------------------------
main() {
  mkdir -p "$BENCH"
  rm -rf "$RESULTS" && mkdir -p "$RESULTS"
  : >"$RESULTS/commands.txt" && : >"$RESULTS/rows.tsv"
  ensure_tools
  ensure_ready_scan
  SOURCE_REVISION=$(source_revision)  # now, as the repo may change while the benchmark runs
  prepare_python_tree
  prepare_js_tree
  prepare_grow_trees
  local counts; counts=$(make_patterns)
  read -r N_ALL N_SINGLE <<<"$counts"
  check_patterns
  cat >"$RESULTS/setup-commands.txt" <<EOF
# setup
$READY_SCAN --list-rules > $RESULTS/rules.json   # -> patterns.{all,single}.{unicode,ascii}.txt
(cd $JS_DIR && npm install --ignore-scripts --no-audit --no-fund ${JS_PACKAGES[*]})
cp -al $PY_TREE $BENCH/grow/Nx/copyK   # K = 1..N, N = 1, 2, 4
$READY_SCAN TREE --no-default-excludes --no-git -q > TREE.envelope.json   # file and byte counts
rg -c -f patterns.single.ascii.txt {-uu --max-filesize $MAX_FILE_SIZE | -uuu} --stats TREE   # what rg reads
# timings (each: a 1-run probe, then the repeated runs if the probe was fast enough)
EOF

  bench_wrapper
  log "python tree: $PY_TREE"
  tree_envelope python "$PY_TREE"
  rg_reads python "$PY_TREE"
  bandit_reads python "$PY_TREE"
  bench_tree python "$PY_TREE"

  log "js tree: $JS_TREE"
  tree_envelope js "$JS_TREE"
  rg_reads js "$JS_TREE"
  bench_tree js "$JS_TREE"

  log "growth trees"
  bench_growth

  write_context
  render_report >"$BENCH/report.md"
  cat "$BENCH/report.md"
  log "done in $((SECONDS - START_SECONDS)) s; report in $BENCH/report.md, raw results in $RESULTS"
}

main "$@"
