#!/usr/bin/env bash
# help-to-man.sh PROGRAM VERSION < help: turns a man-style --help page (sections in capitals at
# the left margin, text indented by four) into roff for man(1), kept as written (no fill). For
# ready-gate, a shell script; the C++ programs write their own roff (--help-man).
set -euo pipefail
program=$1 version=$2
printf '.TH %s 1 "" "readygate %s" "readygate"\n' "${program//-/\\-}" "$version"
sed -E -e 's/\\/\\e/g' -e 's/-/\\-/g' -e 's/^    //' -e "s/^([.'])/\\\\\&\\1/" \
    -e 's/^([A-Z][A-Z ]+)$/.SH \1\n.nf/'
