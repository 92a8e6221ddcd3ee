#!/usr/bin/env python3
"""Keeps the text-report samples in docs/ equal to the golden files the unit tests check.

A paragraph in docs/*.md that names tests/unit/golden/NAME.txt is followed by a fenced block;
that block is the golden file's content. Usage: docs-samples.py [--check] (from the source
tree's root): without --check the blocks are rewritten; with it, exit 1 naming each stale one."""
import pathlib
import re
import sys

NAMED = re.compile(r"tests/unit/golden/([\w-]+\.txt)")


def refresh(text: str, root: pathlib.Path) -> str:
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        match = NAMED.search(line)
        i += 1
        if not match:
            continue
        # Copy up to the block's opening fence, then put the golden file in place of its body.
        while i < len(lines) and not lines[i].startswith("```"):
            out.append(lines[i])
            i += 1
        if i == len(lines):
            break
        out.append(lines[i])
        i += 1
        while i < len(lines) and not lines[i].startswith("```"):
            i += 1
        golden = (root / "tests/unit/golden" / match.group(1)).read_text(encoding="utf-8")
        out.extend(golden.rstrip("\n").split("\n"))
    return "\n".join(out)


def main() -> int:
    root = pathlib.Path(".")
    check = "--check" in sys.argv[1:]
    stale = []
    for doc in sorted(root.glob("docs/*.md")):
        text = doc.read_text(encoding="utf-8")
        fresh = refresh(text, root)
        if fresh == text:
            continue
        stale.append(str(doc))
        if not check:
            doc.write_text(fresh, encoding="utf-8")
    if check and stale:
        print("docs-samples: stale samples in " + ", ".join(stale) + " (run scripts/docs-samples.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
