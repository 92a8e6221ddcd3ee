#!/usr/bin/env python3
"""Turns a terminal transcript with SGR colour codes (stdin) into an HTML page (stdout) that
looks like a dark terminal, for the screenshots in docs/images/ (scripts/text-screenshots.sh)."""
import html
import re
import sys

COLOURS = {"31": "#ff6b6b", "32": "#5fd068", "33": "#e5c07b", "35": "#c678dd", "36": "#56b6c2"}
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def convert(text: str) -> str:
    out, open_spans, pos = [], 0, 0
    for match in SGR.finditer(text):
        out.append(html.escape(text[pos:match.start()]))
        pos = match.end()
        codes = [c for c in match.group(1).split(";") if c] or ["0"]
        if codes in (["0"], ["27"], ["22"], ["39"]):  # a reset (this program's resets close one span at most)
            out.append("</span>" * open_spans)
            open_spans = 0
            continue
        style = []
        for code in codes:
            if code == "1":
                style.append("font-weight:bold")
            elif code == "2":
                style.append("opacity:0.6")
            elif code == "7":
                style.append("background:#d0d0d0;color:#1e1e1e")
            elif code in COLOURS:
                style.append("color:" + COLOURS[code])
        out.append('<span style="%s">' % ";".join(style))
        open_spans += 1
    out.append(html.escape(text[pos:]))
    out.append("</span>" * open_spans)
    return "".join(out)


def main() -> None:
    title = sys.argv[1] if len(sys.argv) > 1 else "terminal"
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-ln-z]", "", sys.stdin.read())  # cursor and erase codes
    body = convert(text.replace("\r\n", "\n"))
    print('<!doctype html><html><head><meta charset="utf-8"><title>%s</title><style>'
          "body{margin:0;background:#1e1e1e}"
          "pre{margin:0;padding:16px;color:#d4d4d4;font:14px/1.35 'DejaVu Sans Mono',monospace;"
          "white-space:pre}</style></head><body><pre>%s</pre></body></html>" % (html.escape(title), body))


if __name__ == "__main__":
    main()
