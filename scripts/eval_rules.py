#!/usr/bin/env python3
"""Accuracy evaluation of ready-scan beside bandit and ESLint (eslint-plugin-security).

Runs the three tools on the real-code trees laid out by scripts/eval-trees.sh and on the
hand-written samples in tests/eval/vulnerable/, maps every tool's rule ids to one set of kinds,
and prints (Markdown):

  (a) per kind and tool: findings in product code and in test code;
  (b) with the labels file: per tool and kind, TP, FP, precision, recall, and unlabelled findings;
  (c) lines of code scanned, and findings at medium or higher in product code per 20,000 lines;
  (d) on the samples: vulnerable lines found (recall) and safe lines flagged, per kind and tool;
  and the wall time of each tool's run.

  scripts/eval_rules.py TREES --tools TOOLS --ready-scan build/dev/bin/ready-scan \\
      --labels tests/eval/labels.tsv [--markdown FILE] [--unlabelled OUT.tsv]

Standard library only. See tests/eval/README.md.
"""

import argparse
import collections
import fnmatch
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tokenize

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEVERITIES = ["info", "low", "medium", "high", "critical"]
RANK = {s: i for i, s in enumerate(SEVERITIES)}
PY_EXT = (".py",)
JS_EXT = (".js", ".mjs", ".cjs", ".jsx")
TS_EXT = (".ts", ".mts", ".cts", ".tsx")
CODE_EXT = PY_EXT + JS_EXT + TS_EXT
TOOLS = ["ready-scan", "bandit", "eslint"]
# What no tool looks at, so that all of them see the same files: ready-scan's default excludes
# (bundles and build output: copies of the code beside them). Bandit's trees have none of these.
SKIP_DIRS = {"node_modules", "__pycache__", ".git", "dist", "build"}
SKIP_FILES = ["*.min.js", "*.bundle.js"]

# ---------------------------------------------------------------------------------------------
# Rule id -> kind. One line per rule id for the peers; ready-scan ids by exact id, then by the
# first matching name pattern (so rules added later land in a kind without editing this table).
# Ids found nowhere here become "other:<id>".
# ---------------------------------------------------------------------------------------------
BANDIT_KINDS = {
    "B101": "assert-used",            # assert_used
    "B102": "code-eval",              # exec_used
    "B103": "file-permissions",       # set_bad_file_permissions
    "B104": "bind-all-interfaces",    # hardcoded_bind_all_interfaces
    "B105": "hardcoded-secret",       # hardcoded_password_string
    "B106": "hardcoded-secret",       # hardcoded_password_funcarg
    "B107": "hardcoded-secret",       # hardcoded_password_default
    "B108": "temp-file",              # hardcoded_tmp_directory
    "B110": "except-pass",            # try_except_pass
    "B112": "except-pass",            # try_except_continue
    "B201": "debug-enabled",          # flask_debug_true
    "B301": "deserialization",        # pickle
    "B302": "deserialization",        # marshal
    "B303": "weak-hash",              # md5 (and sha1, md2, md4)
    "B304": "weak-cipher",            # ciphers
    "B305": "weak-cipher",            # cipher_modes
    "B306": "temp-file",              # mktemp_q
    "B307": "code-eval",              # eval
    "B308": "xss-mark-safe",          # mark_safe
    "B309": "tls-verify-disabled",    # httpsconnection (no verification before 2.7.9/3.4.3)
    "B310": "url-scheme",             # urllib_urlopen (file:/ and custom schemes)
    "B311": "insecure-random",        # random
    "B312": "cleartext-protocol",     # telnetlib
    "B313": "xml-entities",           # xml_bad_cElementTree
    "B314": "xml-entities",           # xml_bad_ElementTree
    "B315": "xml-entities",           # xml_bad_expatreader
    "B316": "xml-entities",           # xml_bad_expatbuilder
    "B317": "xml-entities",           # xml_bad_sax
    "B318": "xml-entities",           # xml_bad_minidom
    "B319": "xml-entities",           # xml_bad_pulldom
    "B320": "xml-entities",           # xml_bad_etree
    "B321": "cleartext-protocol",     # ftplib
    "B322": "code-eval",              # input (Python 2's input evaluates)
    "B323": "tls-verify-disabled",    # unverified_context
    "B324": "weak-hash",              # hashlib_new_insecure_functions
    "B325": "temp-file",              # tempnam
    "B401": "risky-import",           # import_telnetlib
    "B402": "risky-import",           # import_ftplib
    "B403": "risky-import",           # import_pickle
    "B404": "risky-import",           # import_subprocess
    "B405": "risky-import",           # import_xml_etree
    "B406": "risky-import",           # import_xml_sax
    "B407": "risky-import",           # import_xml_expat
    "B408": "risky-import",           # import_xml_minidom
    "B409": "risky-import",           # import_xml_pulldom
    "B410": "risky-import",           # import_lxml
    "B411": "risky-import",           # import_xmlrpclib
    "B412": "risky-import",           # import_httpoxy
    "B413": "risky-import",           # import_pycrypto
    "B501": "tls-verify-disabled",    # request_with_no_cert_validation
    "B502": "weak-tls",               # ssl_with_bad_version
    "B503": "weak-tls",               # ssl_with_bad_defaults
    "B504": "weak-tls",               # ssl_with_no_version
    "B505": "weak-crypto-key",        # weak_cryptographic_key
    "B506": "yaml-load",              # yaml_load
    "B507": "ssh-host-key",           # ssh_no_host_key_verification
    "B601": "command-injection",      # paramiko_calls
    "B602": "command-injection",      # subprocess_popen_with_shell_equals_true
    "B603": "subprocess-call",        # subprocess_without_shell_equals_true
    "B604": "command-injection",      # any_other_function_with_shell_equals_true
    "B605": "command-injection",      # start_process_with_a_shell
    "B606": "subprocess-call",        # start_process_with_no_shell
    "B607": "partial-path",           # start_process_with_partial_path
    "B608": "sql-injection",          # hardcoded_sql_expressions
    "B609": "command-injection",      # linux_commands_wildcard_injection
    "B610": "sql-injection",          # django_extra_used
    "B611": "sql-injection",          # django_rawsql_used
    "B701": "template-autoescape",    # jinja2_autoescape_false
    "B702": "template-autoescape",    # use_of_mako_templates
    "B703": "xss-mark-safe",          # django_mark_safe
}

ESLINT_KINDS = {
    "security/detect-unsafe-regex": "regex-dos",
    "security/detect-non-literal-regexp": "non-literal-regexp",
    "security/detect-non-literal-require": "non-literal-require",
    "security/detect-non-literal-fs-filename": "path-traversal",
    "security/detect-eval-with-expression": "code-eval",
    "security/detect-pseudoRandomBytes": "insecure-random",
    "security/detect-possible-timing-attacks": "timing-attack",
    "security/detect-no-csrf-before-method-override": "csrf",
    "security/detect-buffer-noassert": "buffer-noassert",
    "security/detect-child-process": "command-injection",
    "security/detect-disable-mustache-escape": "template-autoescape",
    "security/detect-object-injection": "object-injection",
    "security/detect-new-buffer": "new-buffer",
    "security/detect-bidi-characters": "trojan-source",
    "security/detect-invisible-characters": "trojan-source",
}

READY_SCAN_KINDS = {  # exact ids
    "py.sql-injection": "sql-injection",
    "js.sql-injection": "sql-injection",
    "py.debug-enabled": "debug-enabled",
    "js.debug-enabled": "debug-enabled",
    "py.debug-print": "debug-print",
    "js.debug-console": "debug-print",
    "py.bare-except": "bare-except",
    "py.except-pass": "except-pass",
    "js.empty-catch": "except-pass",
    "py.eval": "code-eval",
    "js.eval": "code-eval",
    "py.unsafe-deserialization": "deserialization",
    "py.yaml-unsafe-load": "yaml-load",
    "py.insecure-random": "insecure-random",
    "js.insecure-random": "insecure-random",
    "py.fastapi-route-without-auth": "missing-auth",
    "py.flask-admin-route-without-login": "missing-auth",
    "js.express-admin-route-without-auth": "missing-auth",
    "py.error-details-to-client": "error-disclosure",
    "js.error-details-to-client": "error-disclosure",
    "perf.py-query-in-loop": "query-in-loop",
    "perf.js-query-in-loop": "query-in-loop",
    "perf.py-blocking-in-async": "blocking-in-async",
    "perf.unbounded-query": "unbounded-query",
    "perf.js-sync-fs-in-handler": "sync-io-in-handler",
    "perf.js-await-in-loop": "await-in-loop",
    "perf.py-await-in-loop": "await-in-loop",
    "perf.py-http-without-timeout": "http-no-timeout",
}
READY_SCAN_PATTERNS = [  # (regex on the id, kind), first match wins
    (r"^secret\.", "hardcoded-secret"),
    (r"nosql|\$where|mongo", "nosql-injection"),
    (r"sql", "sql-injection"),
    (r"jwt", "jwt-verify-disabled"),
    (r"tls|ssl|verify|cert", "tls-verify-disabled"),
    (r"command|shell|subprocess|os-system|popen|child-process|spawn", "command-injection"),
    (r"torch|pickle|deserial|marshal|serialize", "deserialization"),
    (r"yaml", "yaml-load"),
    (r"hash|md5|sha1", "weak-hash"),
    (r"mktemp|tempfile|temp-file|temp-path", "temp-file"),
    (r"xml|xxe|entit", "xml-entities"),
    (r"autoescape|jinja|mustache|template", "template-autoescape"),
    (r"random", "insecure-random"),
    (r"timeout", "http-no-timeout"),
    (r"eval|exec|new-function|function-constructor|string-timer", "code-eval"),
    (r"debug-enabled|debug-mode", "debug-enabled"),
    (r"bare-except", "bare-except"),
    (r"except-pass|empty-catch", "except-pass"),
    (r"path-traversal|traversal", "path-traversal"),
    (r"redos|regex-dos|unsafe-regex", "regex-dos"),
    (r"auth|login", "missing-auth"),
]


def kind_of(tool, rule):
    if tool == "bandit":
        return BANDIT_KINDS.get(rule, "other:" + rule)
    if tool == "eslint":
        return ESLINT_KINDS.get(rule, "other:" + rule)
    if rule in READY_SCAN_KINDS:
        return READY_SCAN_KINDS[rule]
    for pattern, kind in READY_SCAN_PATTERNS:
        if re.search(pattern, rule):
            return kind
    return "other:" + rule


# ---------------------------------------------------------------------------------------------
# Test code: the same rule for every tool.
# ---------------------------------------------------------------------------------------------
TEST_DIRS = {"tests", "test", "__tests__", "fixtures", "testdata"}
# Example code (ready-scan's role `example`) is not product code either: it is counted with the
# tests, for every tool alike.
EXAMPLE_DIRS = {"examples", "docs", "samples", "bench", "benchmark", "benchmarks"}
TEST_FILES = ["test_*.py", "*_test.py", "conftest.py"]
TEST_JS = re.compile(r"\.(?:test|spec)\.[cm]?[jt]sx?$")


def role_of(path):
    parts = path.replace("\\", "/").split("/")
    if any(p in TEST_DIRS or p in EXAMPLE_DIRS for p in parts[:-1]):
        return "test"
    name = parts[-1]
    if any(fnmatch.fnmatchcase(name, p) for p in TEST_FILES) or TEST_JS.search(name):
        return "test"
    return "product"


# ---------------------------------------------------------------------------------------------
# Running the tools.
# ---------------------------------------------------------------------------------------------
class Finding:
    __slots__ = ("tool", "rule", "kind", "path", "line", "severity", "snippet", "role",
                 "tool_role")

    def __init__(self, tool, rule, path, line, severity, snippet="", tool_role=None):
        self.tool, self.rule, self.path, self.line = tool, rule, path, int(line or 0)
        self.kind = kind_of(tool, rule)
        self.severity = severity
        self.snippet = (snippet or "").strip().replace("\t", " ").replace("\n", " ")[:160]
        self.role = role_of(path)
        self.tool_role = tool_role

    @property
    def key(self):
        return (f"{self.path}:{self.line}", self.kind)


def run_timed(cmd, cwd, out_path, log_path, ok_codes=(0,)):
    started = time.monotonic()
    with open(log_path, "w") as log:
        proc = subprocess.run(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - started
    if proc.returncode not in ok_codes or not os.path.exists(out_path):
        tail = open(log_path, errors="replace").read()[-2000:]
        raise SystemExit(f"eval: {cmd[0]} failed with exit {proc.returncode}:\n{tail}")
    return seconds


def rel(path, base):
    path = os.path.normpath(os.path.join(base, path))
    return os.path.relpath(path, base).replace(os.sep, "/")


def ready_scan(binary, cwd, targets, out_dir, tag):
    out = os.path.join(out_dir, f"ready-scan-{tag}.json")
    cmd = [binary, *targets, "--no-git", "--max-findings-per-file", "0", "-q", "-o", out]
    seconds = run_timed(cmd, cwd, out, out + ".log")
    data = json.load(open(out))
    findings, suppressed = [], 0
    for f in data.get("findings", []):
        if f.get("suppressed"):
            suppressed += 1
            continue
        loc = f.get("location", {})
        findings.append(Finding("ready-scan", f["rule"], rel(loc.get("path", ""), cwd),
                                loc.get("line", 0), f.get("severity", "info"),
                                loc.get("snippet", ""), f.get("role")))
    summary = data.get("summary", {})
    info = {"seconds": seconds, "files": summary.get("files"), "suppressed": suppressed,
            "command": " ".join(cmd), "skipped": summary.get("skipped", {})}
    return findings, info


def bandit(program, cwd, targets, out_dir, tag):
    out = os.path.join(out_dir, f"bandit-{tag}.json")
    # All tests (no -t/-s, no profile); exit 1 means "issues found".
    cmd = [program, "-r", *targets, "-f", "json", "-o", out, "-q"]
    seconds = run_timed(cmd, cwd, out, out + ".log", ok_codes=(0, 1))
    data = json.load(open(out))
    findings = []
    for r in data.get("results", []):
        findings.append(Finding("bandit", r["test_id"], rel(r["filename"], cwd), r["line_number"],
                                r["issue_severity"].lower(), _bandit_line(r)))
    totals = data.get("metrics", {}).get("_totals", {})
    errors = [(rel(e["filename"], cwd), e.get("reason", "")) for e in data.get("errors", [])]
    # A plugin that crashes on a file is reported on stderr only, not in the JSON.
    crashes = re.findall(r"Bandit internal error running: (\S+) on file (\S+) at line (\d+): "
                         r"([^\n]*?)(?:Traceback|$)", open(out + ".log", errors="replace").read(),
                         re.M)
    info = {"seconds": seconds, "files": None, "errors": errors, "command": " ".join(cmd),
            "loc": totals.get("loc"), "nosec": totals.get("nosec"),
            "crashes": [(rel(f, cwd), line, f"plugin {plugin} crashed: {msg.strip()}")
                        for plugin, f, line, msg in crashes]}
    return findings, info


# One line per bandit check that inspects string literals, plus a control (B307) that does not.
# Bandit before 1.7 dispatches those checks on ast.Str nodes, which Python 3.8+ no longer makes.
BANDIT_PROBE = {
    "B104": 'bind_address = "0.0.0.0"\n',
    "B105": 'password = "hunter2hunter2"\n',
    "B108": 'spool = "/tmp/spool-file"\n',
    "B608": 'query = "SELECT * FROM users WHERE name = \'%s\'" % name\n',
    "B307": "value = eval(text)\n",
}


def bandit_probe(program, out_dir):
    """Which of bandit's string-literal checks fire on this Python (list of ids that do not)."""
    folder = os.path.join(out_dir, "bandit-probe")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "probe.py"), "w") as handle:
        handle.write("name = text = input()\n" + "".join(BANDIT_PROBE.values()))
    out = os.path.join(out_dir, "bandit-probe.json")
    subprocess.run([program, "-f", "json", "-o", out, "-q", os.path.join(folder, "probe.py")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        fired = {r["test_id"] for r in json.load(open(out)).get("results", [])}
    except (OSError, ValueError):
        return None
    return sorted(set(BANDIT_PROBE) - fired)


def versions(args, tools_dir):
    def first_line(cmd):
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
            return (proc.stdout or proc.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return "?"
    prefix = os.path.join(tools_dir, "eslint", "node_modules")

    def npm_version(name):
        try:
            return json.load(open(os.path.join(prefix, name, "package.json")))["version"]
        except (OSError, ValueError, KeyError):
            return "?"
    bandit_text = subprocess.run([args.bandit, "--version"], capture_output=True,
                                 text=True).stdout.split("\n")
    python = next((l.split("=", 1)[1].strip() for l in bandit_text if "python version" in l), "?")
    return [
        ("ready-scan", first_line([args.ready_scan, "--version"]), args.ready_scan),
        ("bandit", (bandit_text[0].split() + ["?"])[1] + f" (on Python {python.split()[0]})",
         args.bandit),
        ("eslint", first_line([os.path.join(prefix, ".bin", "eslint"), "--version"]) +
         f" (Node.js {first_line(['node', '--version'])})", os.path.join(prefix, ".bin", "eslint")),
        ("eslint-plugin-security", npm_version("eslint-plugin-security"), ""),
        ("@typescript-eslint/parser", npm_version("@typescript-eslint/parser") +
         f" (TypeScript {npm_version('typescript')})", ""),
    ]


def _bandit_line(result):
    for line in (result.get("code") or "").splitlines():
        number, _, text = line.partition(" ")
        if number.isdigit() and int(number) == result["line_number"]:
            return text
    return ""


def module_dirs(cwd, targets):
    """Folders whose nearest package.json says "type": "module" (their .js files are ESM)."""
    found = []
    for target in targets:
        for root, dirs, files in os.walk(os.path.join(cwd, target)):
            dirs[:] = [d for d in dirs if d != "node_modules"]
            if "package.json" in files:
                try:
                    kind = json.load(open(os.path.join(root, "package.json"))).get("type")
                except (ValueError, OSError, AttributeError):
                    continue
                found.append((rel(root, cwd), kind == "module"))
    found.sort(key=lambda item: item[0].count("/"))  # outer first, so inner ones override
    return found


ESLINT_CONFIG = """// Written by scripts/eval_rules.py: eslint-plugin-security's rules only, all of them.
import {{ createRequire }} from 'node:module';
const require = createRequire({package_json});
const security = require('eslint-plugin-security');
const tsParser = require('@typescript-eslint/parser');
const rules = Object.fromEntries(Object.keys(security.rules).map((r) => ['security/' + r, 'warn']));
const js = {{ ecmaVersion: 'latest', sourceType: 'commonjs',
  parserOptions: {{ ecmaFeatures: {{ jsx: true }} }} }};
export default [
  {{ ignores: {ignores} }},
  {{ linterOptions: {{ reportUnusedDisableDirectives: 'off', noInlineConfig: true }} }},
  {{ files: ['**/*.js', '**/*.cjs', '**/*.jsx'], plugins: {{ security }}, rules, languageOptions: js }},
{module_dirs}
  {{ files: ['**/*.mjs'], plugins: {{ security }}, rules,
    languageOptions: {{ ...js, sourceType: 'module' }} }},
  {{ files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], plugins: {{ security }}, rules,
    languageOptions: {{ parser: tsParser, sourceType: 'module' }} }},
];
"""


def eslint(tools, cwd, targets, out_dir, tag):
    program = os.path.join(tools, "eslint", "node_modules", ".bin", "eslint")
    if not os.path.exists(program):
        raise SystemExit(f"eval: no ESLint at {program}; run scripts/eval-tools.sh {tools}")
    lines = []
    for folder, is_module in module_dirs(cwd, targets):
        glob = "**/*.js" if folder == "." else f"{folder}/**/*.js"
        source = "module" if is_module else "commonjs"
        lines.append(f"  {{ files: [{json.dumps(glob)}], languageOptions: "
                     f"{{ ...js, sourceType: '{source}' }} }},")
    config = os.path.join(out_dir, f"eslint-{tag}.config.mjs")
    with open(config, "w") as handle:
        package_json = json.dumps(os.path.join(tools, "eslint", "package.json"))
        ignores = json.dumps([f"**/{d}/**" for d in sorted(SKIP_DIRS)] +
                             [f"**/{f}" for f in SKIP_FILES])
        handle.write(ESLINT_CONFIG.format(package_json=package_json, ignores=ignores,
                                          module_dirs="\n".join(lines)))
    out = os.path.join(out_dir, f"eslint-{tag}.json")
    cmd = [program, "--config", config, "--format", "json", "--no-warn-ignored",
           "--no-error-on-unmatched-pattern", "-o", out, *targets]
    # Exit 1: errors were reported (parse failures are errors).
    seconds = run_timed(cmd, cwd, out, out + ".log", ok_codes=(0, 1))
    data = json.load(open(out))
    findings, fatal, files = [], [], 0
    for entry in data:
        files += 1
        path = rel(entry["filePath"], cwd)
        source = (entry.get("source") or "").splitlines()
        for m in entry.get("messages", []):
            if m.get("fatal"):
                fatal.append((path, m.get("line"), m.get("message", "")))
                continue
            if not m.get("ruleId"):  # e.g. "has no effect because of noInlineConfig"
                continue
            if not m["ruleId"].startswith("security/"):
                continue
            line = m.get("line", 0)
            snippet = source[line - 1] if source and 0 < line <= len(source) else ""
            # eslint-plugin-security has no severity levels: every finding counts as medium.
            findings.append(Finding("eslint", m["ruleId"], path, line, "medium", snippet))
    if findings and not findings[0].snippet:
        _fill_snippets(findings, cwd)
    info = {"seconds": seconds, "files": files, "errors": fatal, "command": " ".join(cmd)}
    return findings, info


def _fill_snippets(findings, cwd):
    cache = {}
    for f in findings:
        if f.path not in cache:
            try:
                cache[f.path] = open(os.path.join(cwd, f.path), errors="replace").read().splitlines()
            except OSError:
                cache[f.path] = []
        lines = cache[f.path]
        if 0 < f.line <= len(lines):
            f.snippet = lines[f.line - 1].strip()[:160]


# ---------------------------------------------------------------------------------------------
# Trees, lines of code, labels, samples.
# ---------------------------------------------------------------------------------------------
def list_trees(trees_dir):
    python, npm = [], []
    for kind, bucket in (("python", python), ("npm", npm)):
        base = os.path.join(trees_dir, kind)
        if os.path.isdir(base):
            bucket.extend(f"{kind}/{name}" for name in sorted(os.listdir(base))
                          if os.path.isdir(os.path.join(base, name)))
    return python, npm


def count_lines(base, targets):
    """Lines of .py/.js/.ts code under each target: {target: {"product": n, "test": n, ...}}."""
    result = {}
    for target in targets:
        counts = collections.Counter()
        for root, dirs, files in os.walk(os.path.join(base, target)):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in files:
                if not name.endswith(CODE_EXT) or any(fnmatch.fnmatchcase(name, p)
                                                      for p in SKIP_FILES):
                    continue
                path = os.path.join(root, name)
                try:
                    with open(path, "rb") as handle:
                        n = handle.read().count(b"\n")
                except OSError:
                    continue
                lang = "py" if name.endswith(PY_EXT) else "js"
                role = role_of(rel(path, base))
                counts[role] += n
                counts[f"{lang}-{role}"] += n
                counts[f"{lang}-files"] += 1
        result[target] = counts
    return result


def load_labels(path):
    labels, problems = {}, []
    if not path:
        return labels, problems
    for number, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3 or ":" not in fields[0]:
            problems.append(f"{path}:{number}: not path:line<TAB>kind<TAB>TP|FP<TAB>reason")
            continue
        verdict = fields[2].strip().upper()
        if verdict not in ("TP", "FP", ""):
            problems.append(f"{path}:{number}: verdict must be TP or FP, not {fields[2]!r}")
            continue
        key = (fields[0].strip(), fields[1].strip())
        if key in labels and labels[key][0] != verdict:
            problems.append(f"{path}:{number}: {key[0]} {key[1]} labelled twice, differently")
        labels[key] = (verdict, fields[3].strip() if len(fields) > 3 else "")
    return labels, problems


MARK = re.compile(r"(?:#|//)\s*(vuln|safe):\s*([\w-]+(?:\s*,\s*[\w-]+)*)")


def statement_spans(path, text):
    """{line: (first, last)}: the lines of the statement that each line belongs to (Python:
    tokenize's logical lines; JavaScript/TypeScript: brackets, strings, template literals and
    comments are tracked, and a line ending in an operator continues the statement)."""
    spans = {}
    if path.endswith(PY_EXT):
        try:
            start = None
            for tok in tokenize.generate_tokens(io.StringIO(text).readline):
                if start is None and tok.type not in (tokenize.NL, tokenize.COMMENT,
                                                      tokenize.INDENT, tokenize.DEDENT):
                    start = tok.start[0]
                if tok.type in (tokenize.NEWLINE, tokenize.ENDMARKER) and start is not None:
                    for line in range(start, tok.end[0] + 1):
                        spans.setdefault(line, (start, tok.end[0]))
                    start = None
            return spans
        except (tokenize.TokenError, IndentationError, SyntaxError):
            spans = {}
    depth, start, stack = 0, None, []  # stack: "`" inside a template, "${" inside a placeholder
    in_block = False
    for number, line in enumerate(text.splitlines(), 1):
        if start is None:
            start = number
        i, code = 0, []
        while i < len(line):
            c, nxt = line[i], line[i:i + 2]
            if in_block:
                if nxt == "*/":
                    in_block, i = False, i + 2
                else:
                    i += 1
                continue
            if stack and stack[-1] == "`":
                if c == "\\":
                    i += 2
                elif c == "`":
                    stack.pop()
                    code.append("''")
                    i += 1
                elif nxt == "${":
                    stack.append("${")
                    i += 2
                else:
                    i += 1
                continue
            if nxt == "//":
                break
            if nxt == "/*":
                in_block, i = True, i + 2
                continue
            if c in "'\"":
                j = i + 1
                while j < len(line) and line[j] != c:
                    j += 2 if line[j] == "\\" else 1
                code.append("''")
                i = j + 1
                continue
            if c == "`":
                stack.append("`")
                i += 1
                continue
            if c == "}" and stack and stack[-1] == "${":
                stack.pop()
                i += 1
                continue
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
            code.append(c)
            i += 1
        stripped = "".join(code).rstrip()
        continues = (depth > 0 or stack or in_block
                     or stripped.endswith(("+", ",", "(", "=", "&&", "||", "?", ":", ".")))
        if not continues:
            for line_no in range(start, number + 1):
                spans.setdefault(line_no, (start, number))
            start, depth = None, 0
    return spans


def load_samples(samples_dir):
    """Marks in the sample files: [(path, first, last, "vuln"|"safe", kind)]."""
    marks = []
    for root, dirs, files in os.walk(samples_dir):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(CODE_EXT):
                continue
            path = os.path.join(root, name)
            relpath = rel(path, samples_dir)
            text = open(path, encoding="utf-8").read()
            spans = statement_spans(name, text)
            for number, line in enumerate(text.splitlines(), 1):
                m = MARK.search(line)
                if not m:
                    continue
                first, last = spans.get(number, (number, number))
                for kind in re.split(r"\s*,\s*", m.group(2)):
                    marks.append((relpath, min(first, number), max(last, number), m.group(1), kind))
    return marks


# ---------------------------------------------------------------------------------------------
# Report.
# ---------------------------------------------------------------------------------------------
TOOL_SCOPE = {"ready-scan": ("python/", "npm/"), "bandit": ("python/",), "eslint": ("npm/",)}


TOOL_KINDS = {"bandit": set(BANDIT_KINDS.values()), "eslint": set(ESLINT_KINDS.values())}


def ready_scan_kinds(binary):
    """The kinds ready-scan's active rules map to (from --list-rules)."""
    try:
        proc = subprocess.run([binary, "--list-rules"], capture_output=True, text=True, timeout=60)
        return {kind_of("ready-scan", r["id"]) for r in json.loads(proc.stdout).get("rules", [])}
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


def label_table(tools, keys_by_tool, labels, inside):
    """Markdown: per kind and tool, TP/FP, precision, recall and unlabelled, for the findings
    and labels whose path satisfies inside(path). Recall reads "no rule" where the tool has no
    rule of that kind."""
    tps = [(key, kind) for (key, kind), (v, _) in labels.items()
           if v == "TP" and inside(key.rpartition(":")[0])]
    universe = collections.Counter(kind for _, kind in tps)
    kinds = sorted({k for t in tools for (path_line, k) in keys_by_tool[t]
                    if inside(path_line.rpartition(":")[0])} | set(universe))
    rows, overall = [], {tool: collections.Counter() for tool in tools}
    for kind in kinds:
        row, any_cell = [kind, universe[kind]], False
        for tool in tools:
            scope = TOOL_SCOPE.get(tool, ("",))
            in_scope = sum(1 for key, k in tps if k == kind and key.startswith(scope))
            c = collections.Counter()
            for key in keys_by_tool[tool]:
                if key[1] == kind and inside(key[0].rpartition(":")[0]):
                    c[labels.get(key, ("", ""))[0] or "unlabelled"] += 1
            overall[tool].update(c)
            overall[tool]["in_scope"] += in_scope
            recall = f"{c['TP']}/{in_scope} ({pct(c['TP'], in_scope)})" if in_scope else ""
            known = TOOL_KINDS.get(tool)
            if in_scope and known is not None and kind not in known:
                recall = f"no rule (0/{in_scope})"
            if sum(c.values()):
                any_cell = True
                row += [f"{c['TP']}/{c['FP']}", pct(c["TP"], c["TP"] + c["FP"]), recall,
                        c["unlabelled"]]
            else:
                row += ["", "", recall, ""]
        if any_cell or universe[kind]:
            rows.append(row)
    row = ["**all kinds**", sum(universe.values())]
    for tool in tools:
        c = overall[tool]
        row += [f"{c['TP']}/{c['FP']}", pct(c["TP"], c["TP"] + c["FP"]),
                f"{c['TP']}/{c['in_scope']} ({pct(c['TP'], c['in_scope'])})" if c["in_scope"]
                else "", c["unlabelled"]]
    rows.append(row)
    header = ["kind", "labelled TPs"]
    for tool in tools:
        header += [f"{tool} TP/FP", "precision", "recall", "unlabelled"]
    return table(header, rows)
def pct(num, den):
    return "–" if not den else f"{100.0 * num / den:.0f}%"


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("trees", help="the folder scripts/eval-trees.sh laid out")
    ap.add_argument("--tools", required=True, help="the folder scripts/eval-tools.sh filled")
    ap.add_argument("--ready-scan", default=os.path.join(REPO, "build/dev/bin/ready-scan"))
    ap.add_argument("--bandit", default=shutil.which("bandit") or "/usr/bin/bandit")
    ap.add_argument("--labels", default=os.path.join(REPO, "tests/eval/labels.tsv"))
    ap.add_argument("--samples", default=os.path.join(REPO, "tests/eval/vulnerable"))
    ap.add_argument("--out", help="folder for the tools' raw output (default TREES/.scratch/eval)")
    ap.add_argument("--reuse", action="store_true",
                    help="reuse the raw output of an earlier run in --out instead of running")
    ap.add_argument("--only", action="append", choices=TOOLS, help="run only these tools")
    ap.add_argument("--rerun", action="append", choices=TOOLS, default=[],
                    help="with --reuse: run these tools again all the same (the one being changed)")
    ap.add_argument("--markdown", help="also write the report to this file")
    ap.add_argument("--unlabelled", metavar="OUT.tsv",
                    help="write every tree finding without a label, in the labels format")
    ap.add_argument("--unlabelled-min-severity", default="info", choices=SEVERITIES)
    ap.add_argument("--unlabelled-product-only", action="store_true")
    ap.add_argument("--unlabelled-tree", action="append", default=[],
                    help="only findings under this tree (e.g. python/flask); repeatable")
    args = ap.parse_args()

    trees_dir = os.path.abspath(args.trees)
    args.ready_scan = os.path.abspath(args.ready_scan)
    args.bandit = shutil.which(args.bandit) or args.bandit
    tools_dir = os.path.abspath(args.tools)
    samples_dir = os.path.abspath(args.samples)
    out_dir = os.path.abspath(args.out or os.path.join(trees_dir, ".scratch", "eval"))
    os.makedirs(out_dir, exist_ok=True)
    python_trees, npm_trees = list_trees(trees_dir)
    if not python_trees and not npm_trees:
        raise SystemExit(f"eval: no trees under {trees_dir}; run scripts/eval-trees.sh first")
    tools = args.only or TOOLS
    labels, problems = load_labels(args.labels)
    for problem in problems:
        print("eval: " + problem, file=sys.stderr)

    runs = {}
    sets = [("trees", trees_dir, python_trees, npm_trees)]
    if os.path.isdir(samples_dir):
        sets.append(("samples", samples_dir, ["."], ["."]))
    for tag, cwd, py, js in sets:
        for tool in tools:
            cache = os.path.join(out_dir, f"normalized-{tool}-{tag}.json")
            if args.reuse and os.path.exists(cache) and tool not in args.rerun:
                saved = json.load(open(cache))
                runs[f"{tool}/{tag}"] = ([Finding(f["tool"], f["rule"], f["path"], f["line"],
                                                  f["severity"], f["snippet"], f.get("tool_role"))
                                          for f in saved["findings"]], saved["info"])
                continue
            print(f"eval: running {tool} on the {tag}…", file=sys.stderr)
            if tool == "ready-scan":
                findings, info = ready_scan(args.ready_scan, cwd, sorted(set(py + js)), out_dir, tag)
            elif tool == "bandit":
                findings, info = bandit(args.bandit, cwd, py, out_dir, tag)
            else:
                findings, info = eslint(tools_dir, cwd, js, out_dir, tag)
            print(f"eval: {tool} on the {tag}: {len(findings)} findings in "
                  f"{info['seconds']:.1f} s", file=sys.stderr)
            runs[f"{tool}/{tag}"] = (findings, info)
            json.dump({"info": info, "findings": [{s: getattr(f, s) for s in Finding.__slots__}
                                                  for f in findings]}, open(cache, "w"))
    tools = [t for t in TOOLS if f"{t}/trees" in runs]

    loc = count_lines(trees_dir, python_trees + npm_trees)
    report = []
    say = report.append
    say("# Accuracy of ready-scan beside bandit and eslint-plugin-security\n")
    say("Generated by `scripts/eval_rules.py` (see `tests/eval/README.md`). Test code is any path "
        "with a folder tests/, test/, __tests__/, fixtures/ or testdata/ (and example code, counted "
        "with it: examples/, docs/, samples/, bench/, benchmark(s)/), or a file test_*.py, "
        "*_test.py, conftest.py, *.test.js or *.spec.js (and their .ts/.mjs/.cjs forms), for every "
        "tool alike. Bandit runs on the Python trees, ESLint on the npm trees, ready-scan on both. "
        "eslint-plugin-security has no severity levels: its findings count as medium. Every tool "
        "and the line counts leave out what ready-scan leaves out by default: dist/, build/, "
        "node_modules/, *.min.js, *.bundle.js (bundled copies of the code beside them). "
        "Times are wall seconds of one run each, one after the other, on this machine.\n")

    say("## Tools\n")
    say(table(["tool", "version", "program"], [[n, v, f"`{p}`" if p else ""]
                                               for n, v, p in versions(args, tools_dir)]))
    say("")
    if "bandit" in tools:
        silent = bandit_probe(args.bandit, out_dir)
        if silent:
            say(f"Bandit's checks {', '.join(silent)} never fire with this bandit and Python: "
                "they look at string literals through ast.Str nodes, which Python 3.8 and newer "
                "no longer produce (a probe file with one textbook case each stayed silent; "
                "its control, B307, fired).\n")
    say("ESLint runs with `--no-inline-config` (the trees' own `eslint-disable` comments are "
        "written for other rule sets), all 15 eslint-plugin-security rules at `warn`, espree "
        "for .js/.cjs/.mjs (CommonJS unless the nearest package.json says `\"type\": "
        "\"module\"`) and @typescript-eslint/parser for .ts. Bandit runs every test, "
        "default profile, `-r` over the Python trees. ready-scan runs with `--no-git "
        "--max-findings-per-file 0`.\n")

    # ---- trees and timings ----
    say("## Trees and run times\n")
    rows = []
    totals = collections.Counter()
    for target in python_trees + npm_trees:
        c = loc[target]
        files = c["py-files"] + c["js-files"]
        rows.append([target, files, c["product"], c["test"], c["product"] + c["test"]])
        totals.update({"files": files, "product": c["product"], "test": c["test"]})
    rows.append(["**total**", totals["files"], totals["product"], totals["test"],
                 totals["product"] + totals["test"]])
    say(table(["tree", ".py/.js/.ts files", "product lines", "test lines", "lines"], rows))
    say("")
    rows = []
    for tool in tools:
        info = runs[f"{tool}/trees"][1]
        sample = runs.get(f"{tool}/samples", (None, {}))[1]
        scope = {"ready-scan": "all trees", "bandit": "Python trees",
                 "eslint": "npm trees"}[tool]
        problems = len(info.get("errors") or [])
        rows.append([tool, scope, f"{info['seconds']:.1f}", len(runs[f"{tool}/trees"][0]),
                     problems, f"{sample.get('seconds', 0):.1f}"])
    say(table(["tool", "runs on", "wall s (trees)", "findings", "files it could not parse",
               "wall s (samples)"], rows))
    say("")
    for tool in tools:
        info = runs[f"{tool}/trees"][1]
        for path, line, message in info.get("crashes") or []:
            say(f"- {tool}: `{path}:{line}`: {message}")
        for path, *rest in (info.get("errors") or [])[:15]:
            say(f"- {tool} could not parse `{path}`: {' '.join(str(r) for r in rest)[:150]}")
        if len(info.get("errors") or []) > 15:
            say(f"- … and {len(info['errors']) - 15} more")
    say("")

    # ---- (a) findings per kind, product vs test ----
    say("## Findings per kind: product code / test code\n")
    say("Each cell: findings in product code / in test code (all severities). "
        "`≥M` columns: medium or higher only.\n")
    per = collections.defaultdict(collections.Counter)
    for tool in tools:
        for f in runs[f"{tool}/trees"][0]:
            per[f.kind][(tool, f.role)] += 1
            if RANK.get(f.severity, 0) >= RANK["medium"]:
                per[f.kind][(tool, f.role, "m")] += 1
    rows = []
    for kind in sorted(per, key=lambda k: (-sum(v for key, v in per[k].items() if len(key) == 2), k)):
        row = [kind]
        for tool in tools:
            c = per[kind]
            row.append(f"{c[(tool, 'product')]} / {c[(tool, 'test')]}"
                       if c[(tool, "product")] + c[(tool, "test")] else "")
            row.append(f"{c[(tool, 'product', 'm')]} / {c[(tool, 'test', 'm')]}"
                       if c[(tool, "product", "m")] + c[(tool, "test", "m")] else "")
        rows.append(row)
    header = ["kind"]
    for tool in tools:
        header += [tool, f"{tool} ≥M"]
    say(table(header, rows))
    say("")
    roles = [f for f in runs.get("ready-scan/trees", ([], {}))[0] if f.tool_role]
    if roles:
        agree = sum(1 for f in roles if (f.tool_role in ("test", "example")) == (f.role == "test"))
        say(f"ready-scan's own `role` agrees with this test-path rule on {agree} of "
            f"{len(roles)} findings.\n")

    # ---- (b) labels ----
    say("## Precision and recall against the labels\n")
    say(f"Labels: `{os.path.relpath(args.labels, REPO) if args.labels else '-'}`, "
        f"{len(labels)} entries ({sum(1 for v in labels.values() if v[0] == 'TP')} TP, "
        f"{sum(1 for v in labels.values() if v[0] == 'FP')} FP). A label is keyed by "
        "`path:line` and kind, so it covers every tool that reports that kind there; one "
        "tool's several findings of a kind on one line count once. Precision = TP/(TP+FP) over "
        "a tool's labelled findings; recall = labelled TPs of the kind that the tool found / "
        "labelled TPs of the kind in the trees it scans (bandit: python/, eslint: npm/). "
        "Unlabelled: the tool's findings (any severity, product and test) with no label yet. "
        "Labels were made from ready-scan's findings on every tree but from the peers' only on "
        "some trees, so over all trees recall favours ready-scan; the second table compares "
        "the tools where all of them were labelled.\n")
    keys_by_tool = {tool: {} for tool in tools}
    for tool in tools:
        for f in runs[f"{tool}/trees"][0]:
            keys_by_tool[tool].setdefault(f.key, f)
    if "ready-scan" in tools:
        TOOL_KINDS["ready-scan"] = ready_scan_kinds(args.ready_scan)
    say(label_table(tools, keys_by_tool, labels, lambda path: True))
    say("")
    # Trees where every tool's medium-or-higher product findings are all labelled: there the
    # tools can be compared without the bias of who was labelled where.
    full = []
    for target in python_trees + npm_trees:
        needed = [key for t in tools for key, f in keys_by_tool[t].items()
                  if f.path.startswith(target + "/") and f.role == "product"
                  and RANK.get(f.severity, 0) >= RANK["medium"]]
        if needed and all(labels.get(key, ("",))[0] for key in needed):
            full.append(target)
    if full:
        say("### Trees labelled for every tool\n")
        say("Product code of the trees in which every tool's findings at medium or higher all "
            f"carry a label: {', '.join(full)}. Lower-severity findings there count only "
            "if labelled.\n")
        inside = lambda path: role_of(path) == "product" and any(
            path.startswith(t + "/") for t in full)
        say(label_table(tools, keys_by_tool, labels, inside))
        say("")
    stale = [key for key in labels if not any(key in keys_by_tool[t] for t in tools)]
    if stale:
        say(f"{len(stale)} labels match no finding of any tool today (kept: they still count "
            "in recall).\n")

    # ---- (c) density ----
    say("## Lines scanned and findings per 20,000 lines of product code\n")
    py_lines = sum(loc[t]["py-product"] for t in python_trees + npm_trees)
    js_lines = sum(loc[t]["js-product"] for t in python_trees + npm_trees)
    npm_lines = sum(loc[t]["js-product"] for t in npm_trees)
    pyt_lines = sum(loc[t]["py-product"] for t in python_trees)
    rows = []
    for tool in tools:
        scope_lines = {"ready-scan": py_lines + js_lines, "bandit": pyt_lines,
                       "eslint": npm_lines}[tool]
        medium = [f for f in runs[f"{tool}/trees"][0]
                  if f.role == "product" and RANK.get(f.severity, 0) >= RANK["medium"]]
        allsev = [f for f in runs[f"{tool}/trees"][0] if f.role == "product"]
        verdicts = collections.Counter(labels.get(key, ("",))[0] or "unlabelled"
                                       for key in {f.key for f in medium})
        rows.append([tool, scope_lines, len(allsev), len(medium),
                     f"{20000.0 * len(medium) / scope_lines:.1f}" if scope_lines else "–",
                     f"{verdicts['TP']} / {verdicts['FP']} / {verdicts['unlabelled']}",
                     f"{20000.0 * verdicts['TP'] / scope_lines:.2f}" if scope_lines else "–"])
    say(table(["tool", "product lines in its scope", "product findings", "≥ medium",
               "≥ medium per 20k lines", "≥ medium TP / FP / unlabelled (distinct lines)",
               "labelled TP per 20k lines"], rows))
    say("")
    if "ready-scan" in tools:
        rows = []
        for target in python_trees + npm_trees:
            lines = loc[target]["product"]
            medium = [f for f in runs["ready-scan/trees"][0]
                      if f.role == "product" and f.path.startswith(target + "/")
                      and RANK.get(f.severity, 0) >= RANK["medium"]]
            by_kind = collections.Counter(f.kind for f in medium)
            rows.append([target, lines, len(medium),
                         f"{20000.0 * len(medium) / lines:.1f}" if lines else "–",
                         ", ".join(f"{k} {n}" for k, n in by_kind.most_common(4))])
        say("ready-scan, per tree (product code, medium or higher):\n")
        say(table(["tree", "product lines", "findings ≥ medium", "per 20k lines", "top kinds"], rows))
        say("")

    # ---- (d) samples ----
    marks = load_samples(samples_dir) if os.path.isdir(samples_dir) else []
    if marks:
        say("## Hand-written samples (tests/eval/vulnerable)\n")
        say("Each cell: vulnerable lines found / vulnerable lines, then safe lines flagged / "
            "safe lines, counting only the files the tool scans (bandit: .py, eslint: .js/.ts). "
            "A finding counts on a mark when it has the mark's kind and lies in the statement "
            "that holds the marked line. \"no rule\": the tool has no rule of that kind.\n")
        by_kind = collections.defaultdict(lambda: {"vuln": [], "safe": []})
        for mark in marks:
            by_kind[mark[4]][mark[3]].append(mark)
        hits = {}
        unmarked = collections.Counter()
        for tool in tools:
            findings = runs.get(f"{tool}/samples", ([], {}))[0]
            index = collections.defaultdict(set)
            for f in findings:
                index[(f.path, f.kind)].add(f.line)
            for mark in marks:
                path, first, last, _, kind = mark
                hits[(tool, mark)] = any(first <= l <= last for l in index[(path, kind)])
            spans = [(m[0], m[1], m[2]) for m in marks]
            for f in findings:
                if not any(f.path == p and a <= f.line <= b for p, a, b in spans):
                    unmarked[tool] += 1
        sample_scope = {"ready-scan": CODE_EXT, "bandit": PY_EXT, "eslint": JS_EXT + TS_EXT}
        rows = []
        totals = collections.Counter()
        for kind in sorted(by_kind):
            row = [kind, len(by_kind[kind]["vuln"]), len(by_kind[kind]["safe"])]
            for tool in tools:
                vuln = [m for m in by_kind[kind]["vuln"] if m[0].endswith(sample_scope[tool])]
                safe = [m for m in by_kind[kind]["safe"] if m[0].endswith(sample_scope[tool])]
                found = sum(hits[(tool, m)] for m in vuln)
                flagged = sum(hits[(tool, m)] for m in safe)
                totals.update({(tool, "found"): found, (tool, "flagged"): flagged,
                               (tool, "vuln"): len(vuln), (tool, "safe"): len(safe)})
                known = TOOL_KINDS.get(tool)
                if not vuln and not safe:
                    row.append("")
                elif known is not None and kind not in known and not found + flagged:
                    row.append(f"no rule (0/{len(vuln)})")
                else:
                    row.append(f"{found}/{len(vuln)}, {flagged}/{len(safe)}")
            rows.append(row)
        nv = sum(len(v["vuln"]) for v in by_kind.values())
        ns = sum(len(v["safe"]) for v in by_kind.values())
        row = ["**all**", nv, ns]
        for tool in tools:
            found, vuln = totals[(tool, "found")], totals[(tool, "vuln")]
            row.append(f"{found}/{vuln} ({pct(found, vuln)}), "
                       f"{totals[(tool, 'flagged')]}/{totals[(tool, 'safe')]}")
        rows.append(row)
        say(table(["kind", "vuln lines", "safe lines"] + tools, rows))
        say("")
        say("Findings on unmarked lines: " + ", ".join(f"{t} {unmarked[t]}" for t in tools) + ".\n")
        missed = [m for m in marks if m[3] == "vuln" and "ready-scan" in tools
                  and not hits[("ready-scan", m)]]
        if missed:
            say(f"<details><summary>ready-scan misses ({len(missed)} vulnerable lines)</summary>\n")
            for path, first, _, _, kind in missed:
                say(f"- `{path}:{first}` {kind}")
            say("\n</details>\n")

    text = "\n".join(report).rstrip() + "\n"
    sys.stdout.write(text)
    if args.markdown:
        with open(args.markdown, "w") as handle:
            handle.write(text)

    if args.unlabelled:
        rank = RANK[args.unlabelled_min_severity]
        seen, rows = set(), []
        for tool in tools:
            for f in runs[f"{tool}/trees"][0]:
                if labels.get(f.key, ("",))[0] or f.key in seen or RANK.get(f.severity, 0) < rank:
                    continue
                if args.unlabelled_product_only and f.role != "product":
                    continue
                if args.unlabelled_tree and not any(f.path.startswith(t.rstrip("/") + "/")
                                                    for t in args.unlabelled_tree):
                    continue
                seen.add(f.key)
                rows.append((f.path, f.line, f.kind, tool, f.rule, f.severity, f.snippet))
        rows.sort()
        with open(args.unlabelled, "w") as handle:
            handle.write("# path:line\tkind\tTP|FP\treason  (unlabelled findings; tool, rule, "
                         "severity and snippet after the reason column are for the reader)\n")
            for path, line, kind, tool, rule, severity, snippet in rows:
                handle.write(f"{path}:{line}\t{kind}\t\t\t{tool} {rule} {severity}\t{snippet}\n")
        print(f"eval: {len(rows)} unlabelled findings written to {args.unlabelled}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
