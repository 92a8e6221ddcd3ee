#!/usr/bin/env python3
"""Recall and false-positive measurement of ready-scan's secret rules.

Recall: every sample token of tests/eval/secrets/samples*.tsv (lines
`rule-id<TAB>token[<TAB>variable-name]`) is written into a scratch tree in 16 syntaxes (plain
line, Python, JavaScript, Go, Kotlin, PHP, Java, Makefile, XML, YAML, JSON, JSON with an escaped
newline before the token, logstash, shell, .env, URL query), one sample per file, and ready-scan
runs once over that tree. A sample is found in a syntax when a finding in its file carries the
sample's rule id; findings by another rule only are reported apart.

False positives: a second scratch tree of values that are not secrets (UUIDs, hex digests, git
hashes, base64 image data URIs, lock files with SRI hashes, go.sum, minified JavaScript taken
from this machine, HTML integrity attributes, public certificates and SSH keys, and the
providers' documented example values from examples*.tsv in the same syntaxes) must yield no
finding at all; then /usr/share/doc and /usr/lib/python3/dist-packages are scanned as they are
and every finding there is listed.

  scripts/eval_secrets.py [--ready-scan BIN] [--samples DIR] [--rules FILE ...]
                          [--markdown OUT.md] [--keep DIR]

Prints Markdown on stdout. Standard library only. See tests/eval/secrets/README.md.
"""

import argparse
import base64
import collections
import glob
import hashlib
import json
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import uuid
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES_DIR = os.path.join(REPO, "tools", "scan", "rules")
REAL_TREES = ["/usr/share/doc", "/usr/lib/python3/dist-packages"]
SEED = 20240601
# Words that make ready-scan treat a value as a placeholder (tools/scan/secret_value.cpp): a
# sample token containing one is never reported, whatever the rule.
PLACEHOLDER_WORDS = ["changeme", "change_me", "change-me", "example", "placeholder", "your_",
                     "your-", "yourpass", "dummy", "redacted", "xxxx", "****", "....", "replace_",
                     "insert_", "fake", "sample", "${", "{{", "%(", "$(", "#{", "<%"]


def warn(message):
    print("eval_secrets: " + message, file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Syntaxes. Each renders (name, token) to a file's text; name is the sample's variable name or
# None (then a neutral name). Identifiers are made valid for the language; keys stay verbatim.
# ---------------------------------------------------------------------------------------------
def ident(name, neutral):
    if not name:
        return neutral
    text = re.sub(r"[^A-Za-z0-9_]", "_", name)
    return "_" + text if text[0].isdigit() else text


def key(name, neutral):
    return name if name else neutral


def xml_name(name, neutral):
    if not name:
        return neutral
    text = re.sub(r"[^A-Za-z0-9_.\-]", "_", name)
    return "_" + text if not re.match(r"[A-Za-z_]", text) else text


SYNTAXES = [
    # (syntax id, file name, render)
    ("plain", "plain.txt", lambda n, t: f"{t}\n"),
    ("python", "assign.py", lambda n, t: f'{ident(n, "VALUE")} = "{t}"\n'),
    ("javascript", "assign.js", lambda n, t: f"const {ident(n, 'value')} = '{t}';\n"),
    ("go", "assign.go", lambda n, t: f'package main\n\nvar {ident(n, "value")} string = "{t}"\n'),
    ("kotlin", "assign.kt", lambda n, t: f'val {ident(n, "value")} = "{t}"\n'),
    ("php", "assign.php", lambda n, t: f"<?php\n${ident(n, 'value')} .= '{t}';\n"),
    ("java", "Props.java",
     lambda n, t: ("class Props {\n  static void init() {\n"
                   f'    System.setProperty("{key(n, "value")}", "{t}");\n  }}\n}}\n')),
    ("makefile", "Makefile", lambda n, t: f"{ident(n, 'VALUE')} := {t}\n"),
    ("xml", "config.xml",
     lambda n, t: (f'<?xml version="1.0" encoding="UTF-8"?>\n<config>\n'
                   f"  <{xml_name(n, 'value')}>{t}</{xml_name(n, 'value')}>\n</config>\n")),
    ("yaml", "config.yaml", lambda n, t: f"{key(n, 'value')}: {t}\n"),
    ("json", "config.json", lambda n, t: f'{{"{key(n, "value")}": "{t}"}}\n'),
    ("json-newline", "newline.json", lambda n, t: f'{{"{key(n, "value")}": "line\\n{t}"}}\n'),
    ("logstash", "pipeline.conf",
     lambda n, t: f'output {{\n  http {{\n    {key(n, "value")} => "{t}"\n  }}\n}}\n'),
    ("shell", "env.sh", lambda n, t: f"#!/bin/sh\nexport {ident(n, 'VALUE')}={t}\n"),
    ("dotenv", ".env", lambda n, t: f"{ident(n, 'VALUE')}={t}\n"),
    ("url", "url.txt", lambda n, t: f"https://api.example.com/v1?{key(n, 'key')}={t}\n"),
]
SYNTAX_IDS = [s[0] for s in SYNTAXES]
SYNTAX_OF_FILE = {s[1]: s[0] for s in SYNTAXES}


def write_file(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def safe_dir_name(text):
    return re.sub(r"[^A-Za-z0-9_.\-]", "_", text)[:60]


def write_syntaxes(folder, name, token):
    """Writes the token in every syntax under folder; returns {syntax: (relpath, line, col)}.

    A sample that needs its variable's name (a format with no prefix of its own) has no "plain"
    syntax: alone on a line, such a token cannot be told from any random string, by us or by
    anyone, so it is not counted there (the report says so)."""
    where = {}
    for syntax, file_name, render in SYNTAXES:
        if name and syntax == "plain":
            continue
        text = render(name, token)
        path = os.path.join(folder, file_name)
        write_file(path, text)
        index = text.find(token)
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        where[syntax] = (file_name, line, column)
    return where


# ---------------------------------------------------------------------------------------------
# Input files
# ---------------------------------------------------------------------------------------------
def read_tsv(pattern_dir, prefix, min_fields):
    rows = []
    for path in sorted(glob.glob(os.path.join(pattern_dir, prefix + "*.tsv"))):
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, raw in enumerate(handle, 1):
                line = raw.rstrip("\n").rstrip("\r")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                fields = line.split("\t")
                if len(fields) < min_fields or not fields[0].strip() or not fields[1]:
                    warn(f"{os.path.basename(path)}:{number}: expected {min_fields}+ tab-separated "
                         "fields, skipped")
                    continue
                rows.append((os.path.basename(path), number, [f.strip() if i != 1 else f
                                                             for i, f in enumerate(fields)]))
    return rows


def run(cmd, cwd=None):
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc, time.monotonic() - started


def list_rules(binary, rule_files, builtin=True):
    cmd = [binary, "--list-rules"]
    if not builtin:
        cmd.append("--no-builtin-rules")
    for path in rule_files:
        cmd += ["--rules", path]
    proc, _ = run(cmd)
    if proc.returncode != 0:
        return None, proc.stderr.decode(errors="replace").strip()
    return json.loads(proc.stdout)["rules"], ""


def rule_ids_of_file(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    rules = data["rules"] if isinstance(data, dict) else data
    return [r["id"] for r in rules]


def choose_rule_files(binary, explicit, auto):
    """The --rules files to pass, their notes, and the built-in rule ids."""
    builtin, error = list_rules(binary, [])
    if builtin is None:
        sys.exit(f"eval_secrets: {binary} --list-rules failed: {error}")
    builtin_ids = {r["id"] for r in builtin}
    accepted, notes = [], []
    for path in explicit:
        rules, error = list_rules(binary, accepted + [path])
        if rules is None:
            sys.exit(f"eval_secrets: --rules {path} is not accepted by ready-scan: {error}")
        accepted.append(os.path.abspath(path))
        notes.append((os.path.basename(path), "passed (--rules)"))
    if auto:
        for path in sorted(glob.glob(os.path.join(RULES_DIR, "secrets-*.json"))):
            if os.path.abspath(path) in accepted:
                continue
            base = os.path.basename(path)
            try:
                ids = rule_ids_of_file(path)
            except (OSError, ValueError, KeyError, TypeError) as exc:
                notes.append((base, f"skipped: not a readable rules file ({exc})"))
                warn(f"{base}: skipped, not a readable rules file ({exc})")
                continue
            if ids and all(i in builtin_ids for i in ids):
                notes.append((base, f"built in ({len(ids)} rules), not passed"))
                continue
            rules, error = list_rules(binary, accepted + [path])
            if rules is None:
                first = error.splitlines()[0] if error else "error"
                notes.append((base, f"skipped: ready-scan refuses it ({first})"))
                warn(f"{base}: skipped, ready-scan refuses it: {error}")
                continue
            accepted.append(os.path.abspath(path))
            notes.append((base, f"passed ({len(ids)} rules)"))
    return accepted, notes, builtin_ids


def rule_origins(accepted, builtin_ids):
    """rule id -> the rules file it comes from (the last --rules file defining it wins)."""
    origin = {}
    for path in sorted(glob.glob(os.path.join(RULES_DIR, "*.json"))):
        try:
            for rule_id in rule_ids_of_file(path):
                if rule_id in builtin_ids:
                    origin.setdefault(rule_id, os.path.basename(path) + " (built in)")
        except (OSError, ValueError, KeyError, TypeError):
            pass
    for path in accepted:
        try:
            for rule_id in rule_ids_of_file(path):
                origin[rule_id] = os.path.basename(path)
        except (OSError, ValueError, KeyError, TypeError):
            pass
    for rule_id in builtin_ids:
        origin.setdefault(rule_id, "built in")
    return origin


def scan(binary, paths, rule_files, cwd, extra=()):
    cmd = [binary] + list(paths) + ["--no-git", "--enable-only", "secrets", "-q"] + list(extra)
    for path in rule_files:
        cmd += ["--rules", path]
    proc, seconds = run(cmd, cwd=cwd)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode(errors="replace"))
        sys.exit(f"eval_secrets: ready-scan failed (exit {proc.returncode}): {' '.join(cmd)}")
    envelope = json.loads(proc.stdout)
    return envelope, seconds


# ---------------------------------------------------------------------------------------------
# The false-positive corpus
# ---------------------------------------------------------------------------------------------
PACKAGES = ["lodash", "express", "react", "react-dom", "debug", "ms", "chalk", "commander",
            "semver", "minimist", "yargs", "axios", "follow-redirects", "uuid", "tslib", "glob",
            "minimatch", "brace-expansion", "balanced-match", "inherits", "once", "wrappy",
            "safe-buffer", "string_decoder", "readable-stream", "@babel/core", "@babel/parser",
            "@types/node", "typescript", "esbuild", "rollup", "postcss", "nanoid", "picocolors",
            "source-map-js", "js-tokens", "loose-envify", "scheduler", "ws", "qs"]
PY_PACKAGES = ["requests", "urllib3", "idna", "certifi", "charset-normalizer", "click", "flask",
               "jinja2", "markupsafe", "werkzeug", "itsdangerous", "pydantic", "pydantic-core",
               "typing-extensions", "annotated-types", "sqlalchemy", "greenlet", "numpy"]
GO_MODULES = ["github.com/stretchr/testify", "github.com/davecgh/go-spew", "golang.org/x/sys",
              "golang.org/x/net", "golang.org/x/text", "google.golang.org/protobuf",
              "github.com/google/uuid", "github.com/spf13/cobra", "github.com/spf13/pflag",
              "gopkg.in/yaml.v3", "github.com/pmezard/go-difflib", "github.com/sirupsen/logrus"]


def png_bytes(rng, width=24, height=24):
    rows = b"".join(b"\x00" + bytes(rng.getrandbits(8) for _ in range(width * 3))
                    for _ in range(height))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9))
            + chunk(b"IEND", b""))


def version(rng):
    return f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}"


def sri(rng, algorithm="sha512"):
    size = {"sha256": 32, "sha384": 48, "sha512": 64}[algorithm]
    return f"{algorithm}-" + base64.b64encode(rng.randbytes(size)).decode()


def find_machine_files(scratch):
    """A few real minified JavaScript files and lock files from this machine (sorted, distinct)."""
    wanted = {"min.js": 8, "package-lock.json": 2, "yarn.lock": 2, "go.sum": 2, "poetry.lock": 2}
    cmd = ["find", "/", "-xdev", "(", "-path", "/proc", "-o", "-path", "/sys", "-o", "-path", "/dev",
           "-o", "-path", "/tmp", "-o", "-path", scratch, "-o", "-path", REPO, ")", "-prune", "-o",
           "-type", "f", "(", "-name", "*.min.js", "-size", "-200k", "-o", "-name", "package-lock.json",
           "-size", "-2M", "-o", "-name", "yarn.lock", "-size", "-2M", "-o", "-name", "go.sum", "-o",
           "-name", "poetry.lock", "-size", "-2M", ")", "-print"]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    found = {k: [] for k in wanted}
    seen = set()
    for path in sorted(proc.stdout.decode(errors="replace").splitlines()):
        kind = "min.js" if path.endswith(".min.js") else os.path.basename(path)
        if kind not in found or len(found[kind]) >= wanted[kind]:
            continue
        try:
            with open(path, "rb") as handle:
                digest = hashlib.sha1(handle.read()).hexdigest()
        except OSError:
            continue
        if digest in seen or (kind == "min.js" and os.path.basename(path) in
                              {os.path.basename(p) for p in found[kind]}):
            continue
        seen.add(digest)
        found[kind].append(path)
    return found


def build_fp_tree(root, examples, sample_names, scratch):
    """Writes the false-positive corpus under root; returns {top folder: description}."""
    rng = random.Random(SEED)
    groups = {}

    def put(group, rel, text):
        write_file(os.path.join(root, group, rel), text)

    # UUIDs
    v4 = [str(uuid.UUID(bytes=rng.randbytes(16), version=4)) for _ in range(40)]
    v1 = [str(uuid.UUID(bytes=rng.randbytes(16), version=1)) for _ in range(20)]
    all_uuids = v4 + [u.upper() for u in v4[:20]] + v1 + [u.upper() for u in v1[:10]]
    put("uuid", "uuids.txt", "\n".join(all_uuids) + "\n")
    put("uuid", "ids.py", "".join(f'REQUEST_ID_{i} = "{u}"\n' for i, u in enumerate(all_uuids)))
    put("uuid", "ids.js", "".join(f"const tenantId{i} = '{u}';\n" for i, u in enumerate(all_uuids)))
    put("uuid", "ids.json", json.dumps({"items": [{"id": u, "correlationId": all_uuids[-1 - i]}
                                                  for i, u in enumerate(all_uuids)]}, indent=2))
    put("uuid", "ids.yaml", "".join(f"- subscription_id: {u}\n  object_guid: {u.upper()}\n"
                                    for u in all_uuids))
    put("uuid", "ids.go", "package ids\n\nvar ids = []string{\n"
        + "".join(f'\t"{u}",\n' for u in all_uuids) + "}\n")
    groups["uuid"] = f"{len(all_uuids)} UUIDs (v1, v4; lower and upper case) in 6 syntaxes"

    # Hex digests
    digests = []
    for algorithm in ("md5", "sha1", "sha256", "sha512"):
        for i in range(10):
            digests.append((algorithm, hashlib.new(algorithm, rng.randbytes(64)).hexdigest(),
                            f"release-{version(rng)}.tar.gz"))
    put("digests", "SHA256SUMS", "".join(f"{d}  {f}\n" for a, d, f in digests if a == "sha256"))
    put("digests", "checksums.txt", "".join(f"{a.upper()} ({f}) = {d}\n" for a, d, f in digests))
    put("digests", "checksums.py", "".join(f'{a.upper()}_{i} = "{d}"\n'
                                           for i, (a, d, f) in enumerate(digests)))
    put("digests", "checksums.json", json.dumps({"artifacts": [{"file": f, "algorithm": a, "digest": d}
                                                               for a, d, f in digests]}, indent=2))
    put("digests", "checksums.yaml", "".join(f"- file: {f}\n  {a}: {d}\n" for a, d, f in digests))
    put("digests", "Dockerfile", "FROM debian:bookworm@sha256:" + digests[20][1] + "\n"
        + "".join(f"RUN echo '{d}  /tmp/{f}' | sha256sum -c -\n"
                  for a, d, f in digests if a == "sha256"))
    groups["digests"] = f"{len(digests)} md5/sha1/sha256/sha512 hex digests of random data"

    # Git commit hashes
    commits = [hashlib.sha1(rng.randbytes(32)).hexdigest() for _ in range(20)]
    log = "".join(f"commit {c}\nAuthor: Dev Eloper <dev@project.org>\nDate:   Mon Jan 1 12:00:00 2024"
                  f" +0000\n\n    Fix issue #{i}\n\n" for i, c in enumerate(commits))
    put("git", "git-log.txt", log)
    put("git", ".pre-commit-config.yaml", "repos:\n" + "".join(
        f"  - repo: https://github.com/org/hook{i}\n    rev: {c}\n    hooks:\n      - id: hook{i}\n"
        for i, c in enumerate(commits[:6])))
    put("git", ".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
        "    steps:\n" + "".join(f"      - uses: actions/step{i}@{c}  # v{i}\n"
                                   for i, c in enumerate(commits[6:12])))
    put("git", "pinned.py", "".join(f'COMMIT_{i} = "{c}"\nSHORT_{i} = "{c[:12]}"\n'
                                    for i, c in enumerate(commits)))
    put("git", "go-pseudo.txt", "".join(f"v0.0.0-20240101120000-{c[:12]}\n" for c in commits))
    groups["git"] = f"{len(commits)} git commit hashes (log, pins, Actions, pseudo-versions)"

    # Base64 image data URIs (a real PNG of random pixels)
    uris = ["data:image/png;base64," + base64.b64encode(png_bytes(rng, 8 + 4 * i, 8 + 4 * i)).decode()
            for i in range(4)]
    put("images", "index.html", "<!doctype html>\n<html><body>\n"
        + "".join(f'<img alt="icon" src="{u}">\n' for u in uris) + "</body></html>\n")
    put("images", "style.css", "".join(f".icon{i} {{ background-image: url(\"{u}\"); }}\n"
                                       for i, u in enumerate(uris)))
    put("images", "icons.js", "".join(f"export const ICON_{i} = '{u}';\n" for i, u in enumerate(uris)))
    put("images", "icons.json", json.dumps({f"icon{i}": u for i, u in enumerate(uris)}, indent=2))
    put("images", "README.md", "".join(f"![logo]({u})\n" for u in uris))
    groups["images"] = "base64 PNG data URIs (generated PNGs) in HTML, CSS, JS, JSON, Markdown"

    # npm package-lock.json, yarn.lock
    packages = {"": {"name": "webapp", "version": "1.0.0", "dependencies": {}}}
    yarn = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n"]
    for name in PACKAGES:
        ver = version(rng)
        tarball = name.split("/")[-1]
        url = f"https://registry.npmjs.org/{name}/-/{tarball}-{ver}.tgz"
        packages["node_modules/" + name] = {"version": ver, "resolved": url,
                                            "integrity": sri(rng), "license": "MIT"}
        packages[""]["dependencies"][name] = "^" + ver
        sha1 = hashlib.sha1(rng.randbytes(20)).hexdigest()
        yarn.append(f'"{name}@^{ver}":\n  version "{ver}"\n  resolved '
                    f'"https://registry.yarnpkg.com/{name}/-/{tarball}-{ver}.tgz#{sha1}"\n'
                    f"  integrity {sri(rng)}\n\n")
    put("npm", "package-lock.json", json.dumps({"name": "webapp", "version": "1.0.0",
                                                "lockfileVersion": 3, "requires": True,
                                                "packages": packages}, indent=2) + "\n")
    put("npm", "yarn.lock", "".join(yarn))
    put("npm", "pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n" + "".join(
        f"  {n}@{version(rng)}:\n    resolution: {{integrity: {sri(rng)}}}\n" for n in PACKAGES))
    groups["npm"] = f"package-lock.json, yarn.lock, pnpm-lock.yaml ({len(PACKAGES)} packages, SRI hashes)"

    # Python lock files
    reqs, poetry, pipfile = [], ["# This file is automatically @generated by Poetry 1.8.2 and should "
                                 "not be changed by hand.\n\n"], {}
    for name in PY_PACKAGES:
        ver = version(rng)
        hashes = [hashlib.sha256(rng.randbytes(32)).hexdigest() for _ in range(2)]
        reqs.append(f"{name}=={ver} \\\n" + " \\\n".join(f"    --hash=sha256:{h}" for h in hashes) + "\n")
        poetry.append(f'[[package]]\nname = "{name}"\nversion = "{ver}"\ndescription = "{name}"\n'
                      f'optional = false\npython-versions = ">=3.8"\nfiles = [\n'
                      + "".join(f'    {{file = "{name}-{ver}-py3-none-any.whl", hash = "sha256:{h}"}},\n'
                                for h in hashes) + "]\n\n")
        pipfile[name] = {"hashes": ["sha256:" + h for h in hashes], "version": "==" + ver}
    poetry.append('[metadata]\nlock-version = "2.0"\npython-versions = "^3.11"\ncontent-hash = "'
                  + hashlib.sha256(rng.randbytes(32)).hexdigest() + '"\n')
    put("python", "requirements.txt", "".join(reqs))
    put("python", "poetry.lock", "".join(poetry))
    put("python", "Pipfile.lock", json.dumps({"_meta": {"hash": {"sha256": hashlib.sha256(
        rng.randbytes(8)).hexdigest()}}, "default": pipfile}, indent=4) + "\n")
    groups["python"] = "requirements.txt --hash=sha256:…, poetry.lock, Pipfile.lock"

    # go.sum
    lines = []
    for module in GO_MODULES:
        ver = "v" + version(rng)
        lines.append(f"{module} {ver} h1:{base64.b64encode(rng.randbytes(32)).decode()}\n")
        lines.append(f"{module} {ver}/go.mod h1:{base64.b64encode(rng.randbytes(32)).decode()}\n")
    put("go", "go.sum", "".join(lines))
    groups["go"] = f"go.sum ({len(lines)} h1: hashes)"

    # HTML with integrity attributes
    cdn = ["https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js",
           "https://code.jquery.com/jquery-3.7.1.min.js",
           "https://cdnjs.cloudflare.com/ajax/libs/lodash.js/4.17.21/lodash.min.js",
           "https://unpkg.com/react@18.3.1/umd/react.production.min.js"]
    html = ["<!doctype html>\n<html>\n<head>\n"]
    for url in cdn:
        html.append(f'  <script src="{url}" integrity="{sri(rng, "sha384")}" crossorigin="anonymous">'
                    "</script>\n")
    html.append(f'  <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/'
                f'bootstrap.min.css" integrity="{sri(rng, "sha384")}" crossorigin="anonymous">\n')
    html.append(f'  <script type="module" integrity="{sri(rng, "sha256")}" src="/app.js"></script>\n'
                "</head>\n<body></body>\n</html>\n")
    put("html", "index.html", "".join(html))
    groups["html"] = "HTML with integrity=\"sha384-…\" / sha256 SRI attributes"

    # Public keys and certificates (not secrets)
    keys = []
    for i in range(5):
        blob = (struct.pack(">I", 11) + b"ssh-ed25519" + struct.pack(">I", 32) + rng.randbytes(32))
        keys.append(f"ssh-ed25519 {base64.b64encode(blob).decode()} user{i}@host{i}\n")
    put("public-keys", "authorized_keys", "".join(keys))
    put("public-keys", "known_hosts", "".join(f"host{i}.project.org {k.split()[0]} {k.split()[1]}\n"
                                              for i, k in enumerate(keys)))
    certs = sorted(glob.glob("/etc/ssl/certs/*.pem"))[:3]
    for i, path in enumerate(certs):
        try:
            with open(path, encoding="ascii", errors="replace") as handle:
                put("public-keys", f"ca-{i}.pem", handle.read())
        except OSError:
            pass
    groups["public-keys"] = f"SSH public keys (authorized_keys, known_hosts), {len(certs)} CA certificates"

    # Real files from this machine
    found = find_machine_files(scratch)
    copied = collections.Counter()
    for kind, paths in found.items():
        for i, path in enumerate(paths):
            group = "minified" if kind == "min.js" else "machine-locks"
            rel = os.path.basename(path) if kind == "min.js" else f"{i}/{kind}"
            os.makedirs(os.path.dirname(os.path.join(root, group, rel)), exist_ok=True)
            shutil.copyfile(path, os.path.join(root, group, rel))
            copied[group] += 1
    groups["minified"] = (f"{copied['minified']} real *.min.js files from this machine: "
                          + ", ".join(os.path.basename(p) for p in found["min.js"]))
    groups["machine-locks"] = (f"{copied['machine-locks']} real lock files from this machine: "
                               + ", ".join(found.get("package-lock.json", []) + found.get("yarn.lock", [])
                                           + found.get("go.sum", []) + found.get("poetry.lock", [])))

    # Documented example values, in every syntax, named as the rule's samples are
    doc_where = {}
    for i, (source, number, fields) in enumerate(examples):
        rule_id, value = fields[0], fields[1]
        folder = os.path.join(root, "doc-values", f"{i + 1:04d}-{safe_dir_name(rule_id)}")
        write_syntaxes(folder, sample_names.get(rule_id), value)
        doc_where[os.path.relpath(folder, os.path.dirname(root))] = (rule_id, source, number)
    groups["doc-values"] = f"{len(examples)} documented example values × {len(SYNTAXES)} syntaxes"
    return groups, doc_where


# ---------------------------------------------------------------------------------------------
# Report helpers
# ---------------------------------------------------------------------------------------------
def cell(text, limit=160):
    text = str(text).replace("\n", " ")
    if len(text) > limit:
        text = text[:limit] + "…"
    return text.replace("|", "\\|")


def code(text, limit=160):
    text = cell(text, limit).replace("`", "'")
    return f"`{text}`" if text else ""


def pct(found, total):
    return f"{100.0 * found / total:.1f}%" if total else "–"


def findings_of(envelope):
    return [f for f in envelope.get("findings", []) if not f.get("suppressed")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ready-scan", default=os.path.join(REPO, "build/dev/bin/ready-scan"))
    ap.add_argument("--samples", default=os.path.join(REPO, "tests/eval/secrets"),
                    help="folder with samples*.tsv and examples*.tsv")
    ap.add_argument("--rules", action="append", default=[], metavar="FILE",
                    help="extra rules file (repeatable); always passed")
    ap.add_argument("--no-auto-rules", action="store_true",
                    help="do not pass tools/scan/rules/secrets-*.json automatically")
    ap.add_argument("--no-real", action="store_true",
                    help="skip the scans of " + " and ".join(REAL_TREES))
    ap.add_argument("--markdown", metavar="OUT.md", help="write the report to this file too")
    ap.add_argument("--keep", metavar="DIR", help="build the scratch trees in DIR and keep them")
    args = ap.parse_args()

    binary = os.path.abspath(args.ready_scan)
    if not os.access(binary, os.X_OK):
        sys.exit(f"eval_secrets: {binary} is not an executable (build it, or pass --ready-scan)")
    out = []

    def emit(line=""):
        out.append(line)

    rule_files, notes, builtin_ids = choose_rule_files(binary, args.rules, not args.no_auto_rules)
    active, error = list_rules(binary, rule_files)
    if active is None:
        sys.exit(f"eval_secrets: ready-scan --list-rules with the rule files failed: {error}")
    secret_ids = [r["id"] for r in active if r.get("category") == "secrets"]
    keywords = {r["id"]: [k.lower() for k in r.get("keywords", []) if k] for r in active}
    all_ids = {r["id"] for r in active}
    origin = rule_origins(rule_files, builtin_ids)

    def resolve(rule_id):
        if rule_id in all_ids or ("secret." + rule_id) not in all_ids:
            return rule_id
        return "secret." + rule_id

    samples = [(src, num, [resolve(fields[0])] + fields[1:])
               for src, num, fields in read_tsv(args.samples, "samples", 2)]
    examples = [(src, num, [resolve(fields[0])] + fields[1:])
                for src, num, fields in read_tsv(args.samples, "examples", 2)]
    sample_names = {}
    for _, _, fields in samples:
        if len(fields) > 2 and fields[2]:
            sample_names.setdefault(fields[0], fields[2])

    if args.keep:
        scratch = os.path.abspath(args.keep)
        os.makedirs(scratch, exist_ok=True)
        for sub in ("recall", "fp"):
            shutil.rmtree(os.path.join(scratch, sub), ignore_errors=True)
    else:
        scratch = tempfile.mkdtemp(prefix="eval-secrets-")
    try:
        # ---------------- recall tree ----------------
        sample_where = {}   # sample folder (relative to scratch) -> (index, where)
        for i, (src, num, fields) in enumerate(samples):
            rule_id, token = fields[0], fields[1]
            name = fields[2] if len(fields) > 2 and fields[2] else None
            if name and name.startswith("@template:"):
                # The format needs text around the token (a webhook URL, a key file): the
                # template, with the token for {}, is the value each syntax writes.
                token = name[len("@template:"):].replace("{}", token)
                name = None
            rel = os.path.join("recall", f"{i + 1:04d}-{safe_dir_name(rule_id)}")
            sample_where[rel] = (i, write_syntaxes(os.path.join(scratch, rel), name, token))
        groups, doc_where = build_fp_tree(os.path.join(scratch, "fp"), examples, sample_names, scratch)

        timings = []
        recall_env = None
        if samples:
            recall_env, seconds = scan(binary, ["recall"], rule_files, scratch,
                                       ["--max-findings-per-file", "0"])
            timings.append(("sample tree", recall_env["summary"].get("files"), seconds))
        fp_env, seconds = scan(binary, ["fp"], rule_files, scratch,
                               ["--max-findings-per-file", "0", "--no-default-excludes",
                                "--include-role", "vendored", "--include-role", "generated"])
        timings.append(("false-positive tree", fp_env["summary"].get("files"), seconds))
        real_envs = []
        if not args.no_real:
            for tree in REAL_TREES:
                if not os.path.isdir(tree):
                    warn(f"{tree}: not a folder, skipped")
                    continue
                env, seconds = scan(binary, [tree], rule_files, "/")
                real_envs.append((tree, env))
                timings.append((tree, env["summary"].get("files"), seconds))

        # ---------------- header ----------------
        proc, _ = run([binary, "--version"])
        emit("# ready-scan secret rules: recall and false positives")
        emit()
        emit(f"- ready-scan: `{binary}` ({proc.stdout.decode(errors='replace').strip()})")
        emit(f"- samples: `{args.samples}`: {len(samples)} sample tokens "
             f"({', '.join(sorted({s for s, _, _ in samples})) or 'no samples*.tsv'}), "
             f"{len(examples)} documented example values "
             f"({', '.join(sorted({s for s, _, _ in examples})) or 'no examples*.tsv'})")
        emit(f"- active secret rules: {len(secret_ids)}")
        for base, note in notes:
            emit(f"- rules file `{base}`: {note}")
        emit(f"- syntaxes ({len(SYNTAXES)}): " + ", ".join(f"{s} (`{f}`)" for s, f, _ in SYNTAXES))
        emit("- runs: " + "; ".join(f"{name}: {files} files, {secs:.1f} s"
                                    for name, files, secs in timings))
        if args.keep:
            emit(f"- scratch tree kept in `{scratch}`")
        emit()

        # ---------------- recall ----------------
        emit("## Recall")
        emit()
        by_file = collections.defaultdict(list)
        if recall_env:
            for finding in findings_of(recall_env):
                by_file[os.path.normpath(finding["location"]["path"])].append(finding)
        per_rule = collections.OrderedDict()
        not_loaded = collections.Counter()
        placeholder_like = []
        miss_detail = collections.defaultdict(list)     # (rule, syntax) -> [sample label]
        other_detail = collections.defaultdict(collections.Counter)  # (rule, syntax) -> rules
        span_detail = collections.defaultdict(list)
        syntax_totals = collections.defaultdict(lambda: [0, 0])
        never_found = []    # (label, rule, rules that reported it instead)
        no_keyword = collections.Counter()   # (rule, syntax) -> misses without a rule keyword
        for rel, (index, where) in sample_where.items():
            src, num, fields = samples[index]
            rule_id, token = fields[0], fields[1]
            label = f"{src}:{num}"
            lowered = token.lower()
            hits = [w for w in PLACEHOLDER_WORDS if w in lowered]
            if hits:
                placeholder_like.append((label, rule_id, hits))
            if rule_id not in all_ids:
                not_loaded[(rule_id, "no such rule")] += 1
                continue
            if rule_id not in secret_ids:
                not_loaded[(rule_id, "not in category secrets, so --enable-only secrets skips it")] += 1
                continue
            stats = per_rule.setdefault(rule_id, {"samples": 0, "found": 0, "total": 0,
                                                  "other": 0, "span": 0})
            stats["samples"] += 1
            found_before = stats["found"]
            keyword_free = 0
            others_here = collections.Counter()
            for syntax in SYNTAX_IDS:
                if syntax not in where:
                    continue  # not applicable (a name-only format has no "plain" form)
                file_name, line, column = where[syntax]
                path = os.path.normpath(os.path.join(rel, file_name))
                findings = by_file.get(path, [])
                own = [f for f in findings if f["rule"] == rule_id]
                stats["total"] += 1
                syntax_totals[syntax][1] += 1
                if own:
                    stats["found"] += 1
                    syntax_totals[syntax][0] += 1
                    # The location is the rule's whole match: it must cover the token.
                    covers = any(f["location"]["line"] == line and f["location"]["column"] <= column
                                 and (f["location"].get("end_line", line) > line
                                      or f["location"].get("end_column", 0) >= column + len(token))
                                 for f in own)
                    if not covers:
                        stats["span"] += 1
                        loc = own[0]["location"]
                        span_detail[(rule_id, syntax)].append(
                            f"{label} (token {line}:{column}-{column + len(token)}, finding "
                            f"{loc['line']}:{loc['column']}-{loc.get('end_column')})")
                else:
                    miss_detail[(rule_id, syntax)].append(label)
                    if keywords.get(rule_id):
                        with open(os.path.join(scratch, path), encoding="utf-8",
                                  errors="replace") as handle:
                            text = handle.read().lower()
                        if not any(k in text for k in keywords[rule_id]):
                            no_keyword[(rule_id, syntax)] += 1
                            keyword_free += 1
                    if findings:
                        stats["other"] += 1
                        for f in findings:
                            other_detail[(rule_id, syntax)][f["rule"]] += 1
                            others_here[f["rule"]] += 1
            if stats["found"] == found_before:
                never_found.append((label, rule_id, others_here, keyword_free == len(SYNTAX_IDS)))

        if not samples:
            emit("No samples*.tsv lines: nothing to measure.")
            emit()
        else:
            emit("Per rule: samples × syntaxes in which the rule itself reported the token "
                 "(*other rule only*: the token was reported, but only by another rule; "
                 "*span short*: found, but the reported location does not cover the whole token).")
            emit()
            emit("| rule | rules file | samples | found / total | recall | other rule only | "
                 "span short |")
            emit("|---|---|---:|---:|---:|---:|---:|")
            tot = collections.Counter()
            for rule_id, s in sorted(per_rule.items(), key=lambda kv: (origin.get(kv[0], ""), kv[0])):
                emit(f"| `{rule_id}` | {origin.get(rule_id, '?')} | {s['samples']} | "
                     f"{s['found']} / {s['total']} | {pct(s['found'], s['total'])} | {s['other']} | "
                     f"{s['span']} |")
                tot.update(s)
            emit(f"| **total** | | {tot['samples']} | {tot['found']} / {tot['total']} | "
                 f"**{pct(tot['found'], tot['total'])}** | {tot['other']} | {tot['span']} |")
            emit()
            emit("Per syntax (all rules):")
            emit()
            emit("| syntax | found / total | recall |")
            emit("|---|---:|---:|")
            for syntax in SYNTAX_IDS:
                found, total = syntax_totals[syntax]
                emit(f"| {syntax} | {found} / {total} | {pct(found, total)} |")
            emit()
            emit("### Misses (rule, syntax)")
            emit()
            if not miss_detail:
                emit("None.")
            else:
                emit("*no keyword*: misses whose file holds none of the rule's keywords "
                     "(ready-scan runs a rule only on a file that contains one of them).")
                emit()
                emit("| rule | syntax | missed | no keyword | also found by | samples missed |")
                emit("|---|---|---:|---:|---|---|")
                for (rule_id, syntax), labels in sorted(
                        miss_detail.items(), key=lambda kv: (kv[0][0], SYNTAX_IDS.index(kv[0][1]))):
                    n = per_rule[rule_id]["samples"]
                    others = ", ".join(f"`{r}` ×{c}" for r, c in other_detail[(rule_id, syntax)].items())
                    shown = ", ".join(labels[:8]) + (f", … ({len(labels)})" if len(labels) > 8 else "")
                    emit(f"| `{rule_id}` | {syntax} | {len(labels)} / {n} | "
                         f"{no_keyword.get((rule_id, syntax), 0)} | {others} | {shown} |")
            emit()
            if never_found:
                emit("### Samples found in no syntax (check the token against the rule)")
                emit()
                for label, rule_id, others, keyword_free in never_found:
                    notes_here = []
                    if others:
                        notes_here.append("reported only by " + ", ".join(
                            f"`{r}` ×{c}" for r, c in others.items()))
                    if keyword_free:
                        notes_here.append("none of its files holds a keyword of the rule: " + ", ".join(
                            f"`{k}`" for k in keywords[rule_id]))
                    emit(f"- {label} `{rule_id}`" + (f" ({'; '.join(notes_here)})" if notes_here else ""))
                emit()
            if span_detail:
                emit("### Found, but the location does not cover the token")
                emit()
                for (rule_id, syntax), labels in sorted(span_detail.items()):
                    emit(f"- `{rule_id}` in {syntax}: " + "; ".join(labels[:5])
                         + (f"; … ({len(labels)})" if len(labels) > 5 else ""))
                emit()
            if not_loaded:
                emit("### Samples of rules that are not loaded (left out of the numbers)")
                emit()
                for (rule_id, why), count in sorted(not_loaded.items()):
                    emit(f"- `{rule_id}`: {count} samples ({why})")
                emit()
            if placeholder_like:
                emit("### Sample tokens ready-scan takes for placeholders (never reported)")
                emit()
                for label, rule_id, hits in placeholder_like:
                    emit(f"- {label} `{rule_id}`: contains {', '.join(repr(h) for h in hits)}")
                emit()
            without = [r for r in secret_ids if r not in per_rule]
            if without:
                emit("Active secret rules without samples: " + ", ".join(f"`{r}`" for r in without))
                emit()

            emit("### Per rules file")
            emit()
            emit("| rules file | rules with samples | samples | found / total | recall | "
                 "rules at 100% | rules with a miss |")
            emit("|---|---:|---:|---:|---:|---:|---|")
            by_origin = collections.defaultdict(list)
            for rule_id, s in per_rule.items():
                by_origin[origin.get(rule_id, "?")].append((rule_id, s))
            for name in sorted(by_origin):
                rows = by_origin[name]
                found = sum(s["found"] for _, s in rows)
                total = sum(s["total"] for _, s in rows)
                full = sum(1 for _, s in rows if s["found"] == s["total"])
                missing = ", ".join(f"`{r}` ({s['found']}/{s['total']})" for r, s in rows
                                    if s["found"] != s["total"])
                emit(f"| {name} | {len(rows)} | {sum(s['samples'] for _, s in rows)} | "
                     f"{found} / {total} | {pct(found, total)} | {full} | {missing} |")
            emit()

        # ---------------- false positives ----------------
        emit("## False positives")
        emit()
        emit("Every finding below is a false positive: the corpus holds no secret. Scanned with "
             "`--no-default-excludes --include-role vendored --include-role generated` so that "
             "lock files and minified files are read too (their role is shown: `generated` and "
             "`vendored` files are skipped by a default scan).")
        emit()
        fps = findings_of(fp_env)
        by_group = collections.defaultdict(list)
        for f in fps:
            parts = os.path.normpath(f["location"]["path"]).split(os.sep)
            by_group[parts[1] if len(parts) > 1 else parts[0]].append(f)
        emit("| corpus | content | findings |")
        emit("|---|---|---:|")
        for group, description in groups.items():
            emit(f"| {group} | {cell(description, 400)} | {len(by_group.get(group, []))} |")
        emit(f"| **total** | {fp_env['summary'].get('files')} files | **{len(fps)}** |")
        emit()
        if fps:
            emit("| rule | file | line | role | snippet | note |")
            emit("|---|---|---:|---|---|---|")
            for f in sorted(fps, key=lambda f: (f["location"]["path"], f["location"]["line"])):
                path = os.path.normpath(f["location"]["path"])
                note = ""
                folder = os.path.dirname(path)
                if folder in doc_where:
                    rule_id, src, num = doc_where[folder]
                    note = (f"example of `{rule_id}` ({src}:{num}), "
                            + ("same rule" if rule_id == f["rule"] else "another rule"))
                emit(f"| `{f['rule']}` | {cell(path)} | {f['location']['line']} | {f.get('role', '')} | "
                     f"{code(f['location'].get('snippet', ''))} | {note} |")
            emit()
            emit("By rule: " + ", ".join(f"`{r}` {c}" for r, c in collections.Counter(
                f["rule"] for f in fps).most_common()))
            emit()

        # ---------------- real trees ----------------
        for tree, env in real_envs:
            found = findings_of(env)
            summary = env.get("summary", {})
            emit(f"## Findings in `{tree}`")
            emit()
            skipped = summary.get("skipped", {})
            emit(f"{summary.get('files')} files scanned ({', '.join(f'{k} {v}' for k, v in skipped.items() if v)} "
                 f"skipped), default excludes and roles; **{len(found)} findings**"
                 + (f" ({summary.get('suppressed')} suppressed in the source)" if summary.get("suppressed") else "")
                 + ".")
            emit()
            if not found:
                continue
            emit("By rule: " + ", ".join(f"`{r}` {c}" for r, c in collections.Counter(
                f["rule"] for f in found).most_common()))
            emit()
            sources = collections.Counter()
            for f in found:
                rel = os.path.relpath(f["location"]["path"], tree)
                sources[rel.split(os.sep)[0]] += 1
            emit("By source (first folder below the tree): " + ", ".join(
                f"{s} {c}" for s, c in sources.most_common()))
            emit()
            emit("| rule | file | line | role | snippet |")
            emit("|---|---|---:|---|---|")
            for f in sorted(found, key=lambda f: (f["location"]["path"], f["location"]["line"])):
                emit(f"| `{f['rule']}` | {cell(f['location']['path'])} | {f['location']['line']} | "
                     f"{f.get('role', '')} | {code(f['location'].get('snippet', ''))} |")
            emit()

        # ---------------- summary ----------------
        emit("## Summary")
        emit()
        if samples:
            total_found = sum(s["found"] for s in per_rule.values())
            total = sum(s["total"] for s in per_rule.values())
            emit(f"- recall: {total_found} / {total} ({pct(total_found, total)}) over "
                 f"{len(per_rule)} rules and {len(SYNTAXES)} syntaxes; "
                 f"{sum(1 for s in per_rule.values() if s['found'] == s['total'])} rules at 100%")
        emit(f"- false-positive corpus: {len(fps)} findings in {fp_env['summary'].get('files')} files")
        if fps:
            emit("  (by rule: " + ", ".join(f"`{r}` {c}" for r, c in collections.Counter(
                f["rule"] for f in fps).most_common()) + ")")
        for tree, env in real_envs:
            found = findings_of(env)
            sources = collections.Counter(
                os.path.relpath(f["location"]["path"], tree).split(os.sep)[0] for f in found)
            emit(f"- `{tree}`: {len(found)} findings"
                 + (" (worst sources: " + ", ".join(f"{s} {c}" for s, c in sources.most_common(5)) + ")"
                    if found else ""))
        emit()
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)

    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as handle:
            handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
