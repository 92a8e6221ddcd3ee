#!/usr/bin/env bash
# bench_history.sh: times `ready-scan --history --all` on a generated repository of 12,000+
# commits, side by side with `git log -p | rg` given the same secrets patterns (the ceiling of
# "stream the patches and grep them") and `git log -p` alone (the floor: producing the text),
# and prints a Markdown report (also written to $BENCH_DIR/report.md, default
# /tmp/readygate-bench-history/report.md).
#
#   scripts/bench_history.sh                   # from any directory
#   READY_SCAN=/path/to/ready-scan scripts/bench_history.sh
#
# The repository: Python, JavaScript, YAML, .env and Markdown files edited a few lines at a time
# (some commits larger, some renames and deletions), an unmerged side branch, and a handful of
# synthetic secrets added (and most of them removed again) in known commits. It is written with
# `git fast-import` from a seeded generator, so every machine gets the same commits; it is
# rebuilt only when the generator or the commit count changes. The secrets are assembled from
# parts when the generator runs: none is written whole in this script.
#
# Also measured: peak memory of ready-scan against the length of history (the first 1,000,
# 5,000, all commits), and that it found each planted secret in the commit that added it.
# This script does not build ready-scan: it uses READY_SCAN, else build/release, else build/dev.
# Only files under $BENCH_DIR are created.
#
# Knobs (environment): READY_SCAN, BENCH_DIR, COMMITS (12000, at least 10000), ROUNDS (7: timed
# rounds after one warm-up round; each round runs every command once), RUN_TIMEOUT (600 s, one
# run of one command).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
BENCH=${BENCH_DIR:-/tmp/readygate-bench-history}
RESULTS=$BENCH/results
GIT_REPO=$BENCH/repo
COMMITS=${COMMITS:-12000}
ROUNDS=${ROUNDS:-7}
RUN_TIMEOUT=${RUN_TIMEOUT:-600}
# The git log that the ceiling and the floor read (ready-scan's own adds a --format of its own
# and --no-prefix; its output is measured too, see log_sizes).
GIT_LOG=(git log -p --all --reverse --unified=0 --no-color --no-ext-diff --no-textconv)
# What history.cpp runs, for the second floor row and the byte count.
RS_GIT_LOG=(git -c core.quotePath=false log -p --reverse --no-color --no-ext-diff --no-prefix --unified=0
            --no-textconv '--format=%x01commit %H%x00%an <%ae>%x00%aI' --all --)

START_SECONDS=$SECONDS
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# 1. Tools and ready-scan
# ---------------------------------------------------------------------------------------------
source "$(dirname "${BASH_SOURCE[0]}")/apt-install-missing.sh"
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
ensure_tools() {
  local -A package_of=([hyperfine]=hyperfine [rg]=ripgrep [jq]=jq [git]=git [python3]=python3
                       [/usr/bin/time]=time [timeout]=coreutils)
  local missing=() cmd
  for cmd in "${!package_of[@]}"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("${package_of[$cmd]}")
  done
  ((${#missing[@]} == 0)) && return
  apt_install_missing "${missing[@]}"
}

ensure_ready_scan() {
  if [[ -n ${READY_SCAN:-} ]]; then
    READY_SCAN_GIVEN=1
  elif [[ -x $REPO/build/release/bin/ready-scan ]]; then
    READY_SCAN=$REPO/build/release/bin/ready-scan
  else
    READY_SCAN=$REPO/build/dev/bin/ready-scan
  fi
  [[ -x $READY_SCAN ]] || die "no ready-scan at $READY_SCAN: build a preset (cmake --preset release && cmake --build --preset release) or set READY_SCAN"
  READY_SCAN_SOURCE=$(cd "$(dirname "$READY_SCAN")" && pwd)/$(basename "$READY_SCAN")
  BUILD_TYPE=$(grep -s '^CMAKE_BUILD_TYPE:' "$(dirname "$(dirname "$READY_SCAN_SOURCE")")/CMakeCache.txt" | cut -d= -f2 || true)
  # A copy, so that a rebuild of the tree while this runs (~10 minutes) cannot mix two binaries.
  mkdir -p "$BENCH/bin"
  cp -p "$READY_SCAN_SOURCE" "$BENCH/bin/ready-scan"
  READY_SCAN=$BENCH/bin/ready-scan
}

# HEAD of the repo, and whether the scanner's sources differ from it (read-only git use).

# ---------------------------------------------------------------------------------------------
# 2. The repository
# ---------------------------------------------------------------------------------------------
# Writes a `git fast-import` stream to stdout. argv: COMMITS PLANTED_TSV. The planted file gets,
# per secret: rule, fast-import mark of the commit that adds it, path, a needle (the secret's
# value, to find its line in rg's output) and a note. Deterministic: seeded, fixed dates.
read -r -d '' GENERATOR <<'EOF' || true
import random, sys

N = int(sys.argv[1])
planted_out = open(sys.argv[2], "w")
rng = random.Random(20261201)
out = sys.stdout.buffer

WORDS = ("order invoice customer account payment refund cart item price total discount tax "
         "shipping address user session profile report export import batch queue worker job "
         "retry timeout limit cache index search filter page token config settings region "
         "bucket upload download image thumbnail event metric alert notify email message "
         "channel webhook ledger balance currency rate schedule window status health").split()
AUTHORS = [("Ana Souza", "ana@example.com"), ("Ben Okafor", "ben@example.com"),
           ("Chen Wei", "chen@example.com"), ("Dana Levi", "dana@example.com"),
           ("Emil Berg", "emil@example.com"), ("Fatima Zahra", "fatima@example.com")]
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

def w(): return rng.choice(WORDS)
def ident(): return f"{w()}_{w()}"
def camel(): a, b = w(), w(); return a + b.capitalize()
def rand(chars, n, r): return "".join(r.choice(chars) for _ in range(n))

# Lines that look like credentials but are not (environment look-ups, placeholders): a real
# repository has these; rg's patterns match them, ready-scan should not report them.
def decoy_py(): return rng.choice([
    '    api_key = os.environ.get("API_KEY")', '    password = settings.DB_PASSWORD',
    '    token = request.headers.get("Authorization", "")', '    secret = load_secret("stripe")'])
def decoy_js(): return "  %s%s%s" % rng.choice([
    ("const apiKey", " = ", "process.env.API_KEY;"), ("const token", " = ", "req.headers.authorization;"),
    ("password", ": ", "process.env.DB_PASSWORD,")])
def decoy_yaml(): return rng.choice([
    '  password: ${DB_PASSWORD}', '  api_key: "{{ vault_api_key }}"', '  token: changeme'])

def py_line():
    r = rng.random()
    if r < 0.01: return decoy_py()
    if r < 0.3: return f"    {ident()} = {ident()}({w()}, {w()})"
    if r < 0.45: return f"    if {w()}.{w()} > {rng.randint(1, 500)}:"
    if r < 0.6: return f"        return {ident()}({w()})"
    if r < 0.7: return f"    # {w()} the {w()} before the {w()} {w()}"
    if r < 0.8: return f'    logger.info("{w()} %s {w()}", {w()})'
    if r < 0.9: return f"    for {w()} in {w()}s:"
    return f"def {ident()}({w()}, {w()}=None):"
def js_line():
    r = rng.random()
    if r < 0.01: return decoy_js()
    if r < 0.3: return f"  const {camel()} = {camel()}({w()}, {w()});"
    if r < 0.45: return f"  if ({w()}.{w()} > {rng.randint(1, 500)}) {{"
    if r < 0.6: return f"    return {camel()}({w()});"
    if r < 0.7: return f"  // {w()} the {w()} after {w()}"
    if r < 0.8: return f"  await {camel()}({{ {w()}, {w()} }});"
    if r < 0.9: return "  }"
    return f"export function {camel()}({w()}, {w()}) {{"
def yaml_line():
    r = rng.random()
    if r < 0.02: return decoy_yaml()
    if r < 0.5: return f"  {w()}_{w()}: {rng.randint(1, 9000)}"
    if r < 0.8: return f"  {w()}: {w()}-{w()}"
    return f"{w()}:"
def env_line():
    if rng.random() < 0.05: return f"{w().upper()}_PASSWORD="
    return f"{w().upper()}_{w().upper()}={rng.choice([w(), str(rng.randint(1, 65535)), 'true', 'false'])}"
def md_line():
    return " ".join(w() for _ in range(rng.randint(6, 14))).capitalize() + "."

KINDS = {"py": py_line, "js": js_line, "yaml": yaml_line, "env": env_line, "md": md_line}
def kind_of(path):
    if path.endswith(".py"): return "py"
    if path.endswith(".js"): return "js"
    if path.endswith((".yaml", ".yml")): return "yaml"
    if path.endswith(".md"): return "md"
    return "env"
def header(kind):
    return {"py": ["import logging", "import os", "", "logger = logging.getLogger(__name__)", ""],
            "js": [f"import {{ {camel()} }} from './{w()}.js';", ""],
            "yaml": [f"# {w()} settings", f"{w()}:"], "env": [f"# {w()} service"],
            "md": [f"# {w().capitalize()} {w()}", ""]}[kind]
def new_file(path, lines):
    k = kind_of(path)
    return header(k) + [KINDS[k]() for _ in range(lines)]

files = {}  # path -> list of lines, at the tip of the branch being written
def add_initial():
    for i in range(90): files[f"src/{w()}/{ident()}_{i}.py"] = None
    for i in range(60): files[f"web/src/components/{camel()}{i}.js"] = None
    for i in range(25): files[f"config/{w()}-{i}.yaml"] = None
    for i in range(15): files[f"deploy/k8s/{w()}-{i}.yml"] = None
    for i in range(8): files[f"services/{w()}{i}/.env"] = None
    for i in range(12): files[f"docs/{w()}-{i}.md"] = None
    for p in list(files): files[p] = new_file(p, rng.randint(40, 260))

mark = 0
ts = 1577836800  # 2020-01-01
def emit_commit(ref, message, changes, parent=None):
    """changes: ("M", path) | ("D", path) | ("R", old, new); an M writes files[path] whole."""
    global mark, ts
    mark += 1
    ts += rng.randint(600, 14400)
    name, email = rng.choice(AUTHORS)
    msg = message.encode()
    buf = [f"commit {ref}\nmark :{mark}\ncommitter {name} <{email}> {ts} +0000\n".encode(),
           f"data {len(msg)}\n".encode(), msg, b"\n"]
    if parent: buf.append(f"from {parent}\n".encode())
    for c in changes:
        if c[0] == "D": buf.append(f"D {c[1]}\n".encode())
        elif c[0] == "R": buf.append(f"R {c[1]} {c[2]}\n".encode())
        else:
            data = ("\n".join(files[c[1]]) + "\n").encode()
            buf += [f"M 100644 inline {c[1]}\ndata {len(data)}\n".encode(), data, b"\n"]
    out.write(b"".join(buf))
    return mark

def edit(path):
    """Some lines replaced, inserted or deleted somewhere in the file (mostly a few)."""
    lines, k = files[path], kind_of(path)
    n = rng.choice([1, 2, 2, 3, 4, 6, 9, 14, 25, 40])
    at = rng.randint(len(header(k)), max(len(header(k)), len(lines)))
    op = rng.random()
    if op < 0.5: lines[at:at + n] = [KINDS[k]() for _ in range(n)]
    elif op < 0.85: lines[at:at] = [KINDS[k]() for _ in range(n)]
    elif len(lines) > 30: del lines[at:at + n]

# The synthetic secrets, from their own generator (the same ones whatever else changes), each
# assembled from parts so that no whole one is written in a script.
srng = random.Random(7)
UP27 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
aws_id = "AK" + "IA" + rand(UP27, 16, srng)
aws_secret = rand(ALNUM + "/+", 40, srng)
gh_token = "gh" + "p_" + rand(ALNUM, 36, srng)
slack_token = ("xo" + "xb-" + rand("0123456789", 12, srng) + "-" + rand("0123456789", 13, srng)
               + "-" + rand(ALNUM, 24, srng))
stripe_key = "sk" + "_li" + "ve_" + rand(ALNUM, 32, srng)
google_key = "AI" + "za" + rand(ALNUM + "_-", 35, srng)
db_password = rand(ALNUM, 18, srng)
npm_token = "np" + "m_" + rand(ALNUM, 36, srng)
pem_body = [rand(ALNUM + "+/", 64, srng) for _ in range(12)]
pem = ["-----BEGIN RSA " + "PRIVATE KEY-----"] + pem_body + ["-----END RSA " + "PRIVATE KEY-----"]

def plant(rule, path, needle, note):
    planted_out.write(f"{rule}\t{mark + 1}\t{path}\t{needle}\t{note}\n")  # the next commit's mark

def secrets_at(i):
    """What commit number i does to the planted secrets (besides its ordinary edits)."""
    ch = []
    def put(path, lines): files[path] = lines; ch.append(("M", path))
    if i == 1500:
        put("services/billing/.env", ["# billing service", "AWS_REGION=eu-west-1",
                                      "AWS_ACCESS_KEY_ID=" + aws_id, "AWS_SECRET_ACCESS_KEY=" + aws_secret])
        plant("secret.aws-access-key-id", "services/billing/.env", aws_id,
              "removed 3 commits later; added again in deploy/terraform/vars.tf in commit 10,500")
        plant("secret.aws-secret-access-key", "services/billing/.env", aws_secret, "removed 3 commits later")
    if i == 1503:
        put("services/billing/.env", ["# billing service", "AWS_REGION=eu-west-1", "AWS_PROFILE=billing"])
    if i == 2600:
        put("scripts/release.py", header("py") + ['GITHUB_TOKEN = "' + gh_token + '"', "",
                                                  "def release(tag):", "    return tag"])
        plant("secret.github-token", "scripts/release.py", gh_token, "removed in the next commit")
    if i == 2601:
        files["scripts/release.py"][5] = "GITHUB_TOKEN" + " = " + 'os.environ["GITHUB_TOKEN"]'
        ch.append(("M", "scripts/release.py"))
    if i == 4100:
        put("config/notifications.yaml", ["slack:", "  bot_token: " + slack_token, "  channel: '#ops'"])
        plant("secret.slack-token", "config/notifications.yaml", slack_token, "never removed")
    if i == 5200:
        put("web/src/payments.js", header("js") + ["const stripe = new Stripe('" + stripe_key + "');",
                                                   "export default stripe;"])
        plant("secret.stripe-live-key", "web/src/payments.js", stripe_key, "removed 10 commits later")
    if i == 5210:
        files["web/src/payments.js"][2] = "const stripe = new Stripe(process.env.STRIPE_KEY);"
        ch.append(("M", "web/src/payments.js"))
    if i == 6400:
        put("deploy/certs/server.key", list(pem))
        plant("secret.private-key", "deploy/certs/server.key", pem_body[0],
              "a 14-line PEM block; the file is deleted 2 commits later")
    if i == 6402:
        del files["deploy/certs/server.key"]; ch.append(("D", "deploy/certs/server.key"))
    if i == 7300:
        put("config/database.yaml", ["database:", "  url: postgres://app:" + db_password + "@db.internal:5432/app",
                                     "  pool: 10"])
        plant("secret.connection-string-password", "config/database.yaml", db_password, "never removed")
    if i == 8800:
        put("web/src/maps.js", header("js") + ["export const MAPS_KEY = '" + google_key + "';"])
        plant("secret.google-api-key", "web/src/maps.js", google_key, "removed 100 commits later")
    if i == 8900:
        files["web/src/maps.js"][2] = "export const MAPS_KEY = process.env.MAPS_KEY;"
        ch.append(("M", "web/src/maps.js"))
    if i == 10500:
        put("deploy/terraform/vars.tf", ['variable "aws_access_key_id" {', '  default = "' + aws_id + '"', "}"])
    return ch

add_initial()
emit_commit("refs/heads/main", "Initial import\n", [("M", p) for p in sorted(files)])
BRANCH_AT, BRANCH_COMMITS = 9000, 40
for i in range(2, N + 1):
    changes = secrets_at(i)
    paths = sorted(p for p in files if kind_of(p) != "env" or rng.random() < 0.2)
    if i % 97 == 0:  # a rename, with an edit of the moved file
        old = rng.choice(paths)
        new = old.rsplit("/", 1)[0] + f"/{w()}_{i}." + old.rsplit(".", 1)[1]
        if new not in files:
            files[new] = files.pop(old); edit(new)
            changes += [("R", old, new), ("M", new)]
        msg = f"Move {old.rsplit('/', 1)[-1]} to {new.rsplit('/', 1)[-1]}"
    elif i % 250 == 0:  # a larger commit: a new module, or a sweep over many files
        if rng.random() < 0.5:
            p = f"src/{w()}/generated_{w()}_{i}.py"
            files[p] = new_file(p, rng.randint(300, 900)); changes.append(("M", p))
            msg = f"Add {p.rsplit('/', 1)[-1]}"
        else:
            for p in rng.sample(paths, 15):
                edit(p); edit(p); changes.append(("M", p))
            msg = f"Rename {w()} to {w()} across modules"
    elif i % 503 == 0 and len(paths) > 50:
        p = rng.choice(paths); del files[p]; changes.append(("D", p))
        msg = f"Remove unused {p.rsplit('/', 1)[-1]}"
    else:
        for p in rng.sample(paths, rng.choice([1, 1, 2, 2, 3, 4, 6])):
            edit(p); changes.append(("M", p))
        msg = f"{rng.choice(['Fix', 'Update', 'Refactor', 'Tidy', 'Handle'])} {w()} {w()}"
    seen, uniq = set(), []
    for c in changes:  # one M per path and commit, after its rename; none for a deleted path
        if c in seen or (c[0] == "M" and c[1] not in files): continue
        seen.add(c); uniq.append(c)
    m = emit_commit("refs/heads/main", f"{msg}\n\nChange {i}.\n", uniq)
    if i in (1000, 5000):
        out.write(f"reset refs/tags/bench-{i}\nfrom :{m}\n\n".encode())
    if i == BRANCH_AT:  # a side branch that is never merged: only --all sees it
        main_files = {p: list(v) for p, v in files.items()}
        for j in range(BRANCH_COMMITS):
            ch = []
            if j == 10:
                files[".npmrc"] = ["//registry.npmjs.org/:_authToken=" + npm_token]
                ch.append(("M", ".npmrc"))
                plant("secret.npm-access-token", ".npmrc", npm_token,
                      "only on the unmerged branch feature/payments")
            for p in rng.sample(sorted(files), 2):
                edit(p); ch.append(("M", p))
            emit_commit("refs/heads/feature/payments", f"Payments work {j}\n", ch,
                        parent=f":{m}" if j == 0 else None)
        files = main_files
EOF

prepare_repo() {
  ((COMMITS >= 10000)) || die "COMMITS=$COMMITS: the point is at least 10,000"
  local want
  want="$(printf '%s\n%s\n' "$COMMITS" "$GENERATOR" | sha256sum | cut -c1-16) $(git --version)"
  if [[ -f $GIT_REPO.source && $(cat "$GIT_REPO.source") == "$want" ]]; then
    log "reusing $GIT_REPO"
    return
  fi
  log "generating $GIT_REPO ($COMMITS commits on main, 40 on a side branch) with git fast-import"
  rm -rf "$GIT_REPO" "$GIT_REPO.source" "$GIT_REPO.marks" "$GIT_REPO.planted.tsv"
  git init -q -b main "$GIT_REPO"
  git -C "$GIT_REPO" config gc.auto 0   # no automatic gc in the middle of a timing
  python3 -c "$GENERATOR" "$COMMITS" "$GIT_REPO.planted.tsv" |
    git -C "$GIT_REPO" fast-import --quiet --export-marks="$GIT_REPO.marks"
  # fast-import's pack is loosely deltified; a repository that has been gc'ed is the usual case.
  log "repacking"
  git -C "$GIT_REPO" repack -a -d -f -q
  git -C "$GIT_REPO" commit-graph write --reachable >/dev/null 2>&1
  echo "$want" >"$GIT_REPO.source"
}

# ---------------------------------------------------------------------------------------------
# 3. ripgrep patterns: the secrets rules in Rust-regex syntax
# ---------------------------------------------------------------------------------------------
make_patterns() {
  "$READY_SCAN" --list-rules >"$RESULTS/rules.json"
  python3 - "$RESULTS" <<'EOF'
import json, sys
out = sys.argv[1]
rules = [r for r in json.load(open(f"{out}/rules.json"))["rules"] if r["category"] == "secrets"]
# Rust's regex (rg 13) rejects an escaped character that is not special to it: \' \` \" \/ ...
SPECIAL = set("\\.+*?()|[]{}^$#&-~")

def to_rust(p):
    """RE2 -> Rust regex: (?P<name>...) -> (...), and \\X -> X for punctuation that Rust does
    not allow escaped. Escapes are read in pairs, so an escaped backslash is left alone."""
    s, i = [], 0
    while i < len(p):
        if p[i] == "\\" and i + 1 < len(p):
            c = p[i + 1]
            s.append(c if not c.isalnum() and c not in SPECIAL else p[i:i + 2]); i += 2
        elif p.startswith("(?P<", i):
            s.append("("); i = p.index(">", i) + 1
        else:
            s.append(p[i]); i += 1
    return "".join(s)

with open(f"{out}/patterns.candidates.tsv", "w") as f:
    for r in rules:
        # (?-u): ASCII \w \b \s \d, as in RE2 (the Unicode conversion exceeds rg's regex size limit).
        f.write(f"{r['id']}\t(?-u){to_rust(r['pattern'])}\n")
print(len(rules))
EOF
}

# rg gets the patterns it accepts, one line at a time as `git log -p | rg` does (no -U): one
# that it refuses (a literal \n) would abort the whole search, so it is dropped and counted.
check_patterns() {
  local id pattern
  : >"$RESULTS/patterns.txt" && : >"$RESULTS/patterns.dropped.tsv"
  while IFS=$'\t' read -r id pattern; do
    printf '%s\n' "$pattern" >"$RESULTS/one-pattern.txt"
    if rg -q -f "$RESULTS/one-pattern.txt" /dev/null 2>"$RESULTS/rg-error.txt" || [[ $? == 1 ]]; then
      printf '%s\n' "$pattern" >>"$RESULTS/patterns.txt"
    else
      printf '%s\t%s\n' "$id" "$(grep -m1 -i 'error\|not allowed' "$RESULTS/rg-error.txt" | sed 's/^ *//')" \
        >>"$RESULTS/patterns.dropped.tsv"
    fi
  done <"$RESULTS/patterns.candidates.tsv"
  rm -f "$RESULTS/one-pattern.txt" "$RESULTS/rg-error.txt"
  N_PATTERNS=$(wc -l <"$RESULTS/patterns.txt")
  N_DROPPED=$(wc -l <"$RESULTS/patterns.dropped.tsv")
}

# ---------------------------------------------------------------------------------------------
# 4. Measurements
# ---------------------------------------------------------------------------------------------

log_sizes() {
  {
    echo "commits_all=$(git rev-list --all --count)"
    echo "commits_main=$(git rev-list --count main)"
    echo "head=$(git rev-parse --short main)"
    echo "files_head=$(git ls-tree -r --name-only main | wc -l)"
    echo "pack_bytes=$(du -sb .git/objects/pack | cut -f1)"
    echo "log_bytes=$("${GIT_LOG[@]}" | wc -c)"
    echo "rs_log_bytes=$("${RS_GIT_LOG[@]}" | wc -c)"
    echo "log_added_lines=$("${GIT_LOG[@]}" | grep -c '^+' || true)"
  } >"$RESULTS/sizes.txt"
}

# The timing: hyperfine runs every command once per round, through the shell (pipelines), in the
# repository; rounds rather than one command's runs after another's, so that the load of a
# shared machine, which drifts over minutes, weighs on all the commands alike. Round 0 is the
# warm-up (page cache, lazily compiled rules) and is not counted.
bench_times() {
  local log_cmd rs_log_cmd rs_cmd rg_cmd
  log_cmd=$(shell_words "${GIT_LOG[@]}")
  rs_log_cmd=$(shell_words "${RS_GIT_LOG[@]}")
  rs_cmd=$(shell_words "$READY_SCAN" --history --all -o /dev/null -q)
  rg_cmd="$log_cmd | rg -c -f $RESULTS/patterns.txt"
  # rg alone, on the same text saved to a file: the grep's share of the ceiling.
  "${GIT_LOG[@]}" >"$BENCH/log.txt"
  local names=(ready-scan ceiling floor floor-rs rg-file)
  local cmds=("$rs_cmd" "$rg_cmd" "$log_cmd > /dev/null" "$rs_log_cmd > /dev/null"
              "rg -c -f $RESULTS/patterns.txt $BENCH/log.txt")
  local args=(--style basic -i --runs 1) k round
  for k in "${!cmds[@]}"; do
    args+=(-n "${names[$k]}" "timeout -k 10 $RUN_TIMEOUT sh -c $(shell_words "${cmds[$k]}")")
    printf '%s\t%s\n' "${names[$k]}" "${cmds[$k]}" >>"$RESULTS/commands.tsv"
  done
  echo "# ROUND = 0 (warm-up, not counted) .. $ROUNDS" >>"$RESULTS/commands.txt"
  shell_words hyperfine "${args[@]}" --export-json "$RESULTS/times.ROUND.json" >>"$RESULTS/commands.txt"
  for ((round = 0; round <= ROUNDS; round++)); do
    log "hyperfine round $round of $ROUNDS (${#cmds[@]} commands)"
    hyperfine "${args[@]}" --export-json "$RESULTS/times.$round.json" >>"$RESULTS/hyperfine.log" 2>&1
  done
  rm -f "$BENCH/log.txt"
}

# Peak memory of one ready-scan run. /usr/bin/time's %M is the largest of ready-scan and the git
# it starts (getrusage of a child counts its children), so each process's own VmHWM is also read
# from /proc every 10 ms while it runs.
read -r -d '' PEAK_SAMPLER <<'EOF' || true
import json, os, subprocess, sys, time
out, argv = sys.argv[1], sys.argv[2:]
peak = {}
def tree(pid):
    pids, todo = [], [pid]
    while todo:
        p = todo.pop(); pids.append(p)
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                todo += [int(c) for c in open(f"/proc/{p}/task/{t}/children").read().split()]
        except OSError: pass
    return pids
start = time.monotonic()
child = subprocess.Popen(argv)
while child.poll() is None:
    for p in tree(child.pid):
        try: status = open(f"/proc/{p}/status").read()
        except OSError: continue
        fields = dict(l.split(":", 1) for l in status.splitlines() if ":" in l)
        if "VmHWM" in fields:
            name = fields["Name"].strip()
            peak[name] = max(peak.get(name, 0), int(fields["VmHWM"].split()[0]))
    time.sleep(0.01)
json.dump({"exit": child.returncode, "wall": time.monotonic() - start, "peak_kb": peak}, open(out, "w"))
EOF

bench_memory() {
  local range id
  for range in bench-1000 bench-5000 main --all; do
    id=${range#--}
    log "memory: ready-scan --history $range"
    printf '%s\t%s\n' "$id" "$(shell_words /usr/bin/time -f %M "$READY_SCAN" --history "$range" -o "history.$id.json" -q)" \
      >>"$RESULTS/memory-commands.tsv"
    python3 -c "$PEAK_SAMPLER" "$RESULTS/mem.$id.json" /usr/bin/time -o "$RESULTS/mem.$id.time" -f %M \
      "$READY_SCAN" --history "$range" -o "$RESULTS/history.$id.json" -q
    if [[ $range == --all ]]; then
      git rev-list --all --count >"$RESULTS/mem.$id.commits"
    else
      git rev-list --count "$range" >"$RESULTS/mem.$id.commits"
    fi
  done
}

# git log's own peak RSS, with its default delta-base cache (96 MiB) and a smaller one: what
# grows in the git column of the memory table is git's cache, which that limit bounds.
bench_git_memory() {
  local limit
  for limit in 96m 16m; do
    log "memory: git log -p, core.deltaBaseCacheLimit=$limit"
    printf '%s\t%s\n' "$limit" "$(shell_words /usr/bin/time -f '%M %e' git -c core.deltaBaseCacheLimit=$limit "${GIT_LOG[@]:1}") > /dev/null" \
      >>"$RESULTS/memory-commands.tsv"
    /usr/bin/time -o "$RESULTS/git-mem.$limit" -f '%M %e' git -c "core.deltaBaseCacheLimit=$limit" "${GIT_LOG[@]:1}" >/dev/null
  done
}

# What rg matched, once, to judge its count: which kind of line, and whether the planted
# secrets' lines are among them.
rg_matches() {
  "${GIT_LOG[@]}" | rg -f "$RESULTS/patterns.txt" >"$RESULTS/rg-lines.txt" || true
}

# ---------------------------------------------------------------------------------------------
# 5. Report
# ---------------------------------------------------------------------------------------------
write_context() {
  {
    echo "date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "nproc=$(nproc)"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
    # shellcheck disable=SC1091
    echo "os=$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "ready_scan=$("$READY_SCAN" --version) ($READY_SCAN, a copy of $READY_SCAN_SOURCE built $(date -u -r "$READY_SCAN" '+%Y-%m-%d %H:%M:%S UTC'))"
    echo "build_type=$BUILD_TYPE"
    echo "source=$SOURCE_REVISION"
    echo "git=$(git --version)"
    echo "rg=$(rg --version | head -n 1)"
    echo "hyperfine=$(hyperfine --version)"
    echo "repo=$GIT_REPO"
    echo "n_secrets_rules=$(jq '[.rules[] | select(.category == "secrets")] | length' "$RESULTS/rules.json")"
    echo "n_patterns=$N_PATTERNS"
    echo "n_dropped=$N_DROPPED"
    echo "rounds=$ROUNDS"
    echo "elapsed=$((SECONDS - START_SECONDS))"
  } >"$RESULTS/context.txt"
  cat "$RESULTS/sizes.txt" >>"$RESULTS/context.txt"
}

render_report() {
  python3 - "$RESULTS" "$GIT_REPO.planted.tsv" "$GIT_REPO.marks" <<'EOF'
import json, os, sys
res, planted_file, marks_file = sys.argv[1:4]
ctx = dict(l.rstrip("\n").split("=", 1) for l in open(f"{res}/context.txt") if "=" in l)
out = []
p = out.append
def f(x, d=3): return f"{x:.{d}f}"
def mib(kb): return f"{kb / 1024:.1f}"
def num(x): return f"{int(x):,}"

import statistics
rounds = int(ctx["rounds"])
runs = {}  # command name -> [(wall, cpu)], one per counted round
for k in range(1, rounds + 1):
    for r in json.load(open(f"{res}/times.{k}.json"))["results"]:
        runs.setdefault(r["command"], []).append((r["times"][0], r["user"] + r["system"]))
times = {name: {"median": statistics.median(w for w, _ in v), "min": min(w for w, _ in v),
                "max": max(w for w, _ in v), "cpu": statistics.median(c for _, c in v)}
         for name, v in runs.items()}
cmds = dict(l.rstrip("\n").split("\t", 1) for l in open(f"{res}/commands.tsv"))
log_bytes, rs_log_bytes = int(ctx["log_bytes"]), int(ctx["rs_log_bytes"])
all_env = json.load(open(f"{res}/history.all.json"))
added = all_env["summary"]["bytes"]

p(f"# ready-scan --history on a {num(ctx['commits_all'])}-commit repository")
p("")
p(f"- date: {ctx['date']}; {ctx['nproc']} cores ({ctx['cpu']}), load average at the end {ctx['load']}; {ctx['os']}")
p(f"- ready-scan: {ctx['ready_scan']}, CMAKE_BUILD_TYPE {ctx['build_type'] or '?'}; sources: {ctx['source']}")
p(f"- {ctx['git']}, {ctx['rg']}, {ctx['hyperfine']}")
p(f"- repository: {ctx['repo']}, generated (git fast-import, then `git repack -a -d -f`): "
  f"{num(ctx['commits_all'])} commits ({num(ctx['commits_main'])} on main, the rest on an unmerged branch), "
  f"{num(ctx['files_head'])} files at main ({ctx['head']}), pack {int(ctx['pack_bytes'])/1e6:.1f} MB")
p(f"- `git log -p --unified=0` of all of it: {log_bytes/1e6:.1f} MB ({num(log_bytes)} bytes) as the ceiling and floor run it, "
  f"{rs_log_bytes/1e6:.1f} MB in ready-scan's format; {num(ctx['log_added_lines'])} added lines, which ready-scan scans as "
  f"{num(all_env['summary']['files'])} (commit, file) texts of {added/1e6:.1f} MB in all")
p(f"- rg patterns: {ctx['n_patterns']} of the {ctx['n_secrets_rules']} secrets rules' patterns; {ctx['n_dropped']} dropped (rg refuses them without -U)")
p(f"- elapsed: {ctx['elapsed']} s for the script")
p("")
p(f"## Time (hyperfine, {rounds} rounds after a warm-up round; each round runs every command once)")
p("")
p("Medians over the rounds. MB/s divides the `git log -p` output of the whole history by the median wall time. "
  "CPU is user + system of all the command's processes (git included), median over the rounds.")
p("")
p("| command | median s | min–max s | CPU s | MB/s of log | × ready-scan | × git log alone |")
p("|---|---:|---:|---:|---:|---:|---:|")
labels = {"ready-scan": "**ready-scan --history --all** (git log + scan, one thread)",
          "ceiling": "git log -p \\| rg -c (the ceiling)",
          "floor": "git log -p > /dev/null (the floor)",
          "floor-rs": "git log -p as ready-scan runs it > /dev/null",
          "rg-file": "rg -c on the same log, saved to a file (no git)"}
base, floor = times["ready-scan"]["median"], times["floor"]["median"]
for name in ("ready-scan", "ceiling", "floor", "floor-rs", "rg-file"):
    r = times[name]
    cpu = r["cpu"]
    p(f"| {labels[name]} | {f(r['median'])} | {f(r['min'])}–{f(r['max'])} | {f(cpu, 2)} | "
      f"{log_bytes/1e6/r['median']:.1f} | {r['median']/base:.2f} | {r['median']/floor:.2f} |")
p("")

p("## Memory against the length of history")
p("")
p("Peak RSS, one run each. `/usr/bin/time -f %M` reports the largest process of the run, which can be the "
  "`git log` that ready-scan reads from; so each process's own VmHWM was also sampled from /proc every 10 ms.")
p("")
p("| range | commits | (commit, file) texts | added MB | findings | wall s | /usr/bin/time %M MiB | ready-scan's own MiB | its git's MiB |")
p("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for rid, label in (("bench-1000", "`bench-1000` (the first 1,000)"), ("bench-5000", "`bench-5000`"),
                   ("main", "`main`"), ("all", "`--all`")):
    m = json.load(open(f"{res}/mem.{rid}.json"))
    env = json.load(open(f"{res}/history.{rid}.json"))["summary"]
    tm = int(open(f"{res}/mem.{rid}.time").read().split()[-1])
    commits = int(open(f"{res}/mem.{rid}.commits").read())
    p(f"| {label} | {num(commits)} | {num(env['files'])} | {env['bytes']/1e6:.1f} | {env['findings']} | {f(m['wall'], 2)} | "
      f"{mib(tm)} | {mib(m['peak_kb'].get('ready-scan', 0))} | {mib(m['peak_kb'].get('git', 0))} |")
p("")
g = {lim: open(f"{res}/git-mem.{lim}").read().split() for lim in ("96m", "16m")}
p(f"`git log -p --all …` alone: peak RSS {mib(int(g['96m'][0]))} MiB in {g['96m'][1]} s with its "
  f"default `core.deltaBaseCacheLimit` (96 MiB), {mib(int(g['16m'][0]))} MiB in {g['16m'][1]} s with 16 MiB: the git column is "
  "git's cache of delta bases, which that limit bounds.")
p("")

p("## What was found")
p("")
marks = dict(l.split() for l in open(marks_file))
found = all_env["findings"]
main_paths = {x["location"]["path"] for x in json.load(open(f"{res}/history.main.json"))["findings"]}
rg_lines = open(f"{res}/rg-lines.txt", errors="replace").read().splitlines()
p("| planted | path | ready-scan `--all`: rule, commit, commits | found by `--history main` | rg lines with it |")
p("|---|---|---|---|---|")
missing = 0
for line in open(planted_file):
    rule, mark, path, needle, note = line.rstrip("\n").split("\t")
    sha = marks[f":{mark}"]
    hits = [x for x in found if x["location"]["path"] == path and x["rule"] == rule] or \
           [x for x in found if x["location"]["path"] == path]
    ok = [x for x in hits if x.get("commit", {}).get("id") == sha]
    if not ok: missing += 1
    got = "; ".join(f"`{x['rule']}`, {'the planting commit' if x['commit']['id'] == sha else x['commit']['id'][:10]}, "
                    f"{x['commit']['count']}" for x in hits) or "**not found**"
    in_rg = sum(needle in l for l in rg_lines)
    p(f"| `{rule}` ({note}) | `{path}` | {got} | {'yes' if path in main_paths else 'no'} | {in_rg} |")
others = [x for x in found if x["location"]["path"] not in {l.split('\t')[2] for l in open(planted_file)}]
p("")
p(f"ready-scan `--all`: {len(found)} findings, {len(others)} outside the planted files; "
  f"{len(found) - len(others)} planted secrets found in the commit that added them"
  + (f"; **{missing} planted secret(s) not found**." if missing else "."))
plus = sum(l.startswith("+") and not l.startswith("+++") for l in rg_lines)
minus = sum(l.startswith("-") and not l.startswith("---") for l in rg_lines)
p("")
p(f"rg: {num(len(rg_lines))} matching lines: {num(plus)} added, {num(minus)} removed (rg reads those too), "
  f"{num(len(rg_lines) - plus - minus)} other (commit messages, hunk and file headers). Most are the repository's "
  "look-alikes (`password = settings.DB_PASSWORD`, `token: changeme`, `process.env.API_KEY`), which ready-scan "
  "does not report; rg only says that a line matched. A secret whose pattern "
  "spans lines (the PEM block) is out of reach of a line-at-a-time grep.")
p("")
dropped = [l.split("\t") for l in open(f"{res}/patterns.dropped.tsv")]
if dropped:
    p("Patterns rg refused without -U, and so left out: " + "; ".join(f"`{d[0]}` ({d[1].strip()})" for d in dropped))
    p("")
p("## Commands run (in the repository)")
p("")
p("```")
for name in ("ready-scan", "ceiling", "floor", "floor-rs", "rg-file"):
    p(f"{name}: {cmds[name]}")
for l in open(f"{res}/memory-commands.tsv"):
    p("memory: " + l.split("\t", 1)[1].rstrip("\n"))
p(open(f"{res}/commands.txt").read().rstrip("\n"))
p("```")
print("\n".join(out))
sys.exit(3 if missing else 0)
EOF
}

# ---------------------------------------------------------------------------------------------
main() {
  mkdir -p "$BENCH"
  rm -rf "$RESULTS" && mkdir -p "$RESULTS"
  : >"$RESULTS/commands.txt" && : >"$RESULTS/commands.tsv" && : >"$RESULTS/memory-commands.tsv"
  ensure_tools
  ensure_ready_scan
  SOURCE_REVISION=$(source_revision)  # now, as the repo may change while the benchmark runs
  prepare_repo
  local n; n=$(make_patterns)
  check_patterns
  log "rg patterns: $N_PATTERNS of $n secrets rules ($N_DROPPED dropped)"
  cd "$GIT_REPO"                      # --history reads the repository it is started in
  log_sizes
  bench_times
  bench_memory
  bench_git_memory
  rg_matches
  write_context
  local status=0
  render_report >"$BENCH/report.md" || status=$?
  cat "$BENCH/report.md"
  log "done in $((SECONDS - START_SECONDS)) s; report in $BENCH/report.md, raw results in $RESULTS"
  ((status == 0)) || die "ready-scan missed planted secrets (see the report)"
}

main "$@"
