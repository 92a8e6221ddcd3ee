#!/usr/bin/env bash
# Style checks (CONTRIBUTING.md, "Style"): clang-format-14 over the project's C++ sources
# (.clang-format; --dry-run -Werror, so nothing is rewritten), then clang-tidy-14 (.clang-tidy)
# over each of our .cpp files in the build's compile_commands.json, JOBS (default 2) at a time.
#   check-style.sh [BUILD_DIR]   BUILD_DIR defaults to build/dev (configured: cmake --preset dev)
#   check-style.sh --format-only | --tidy-only [BUILD_DIR]
# Exits 1 when a file is not formatted or tidy reports anything. Fix the formatting with
#   git ls-files '*.cpp' '*.hpp' | xargs clang-format-14 -i
set -euo pipefail
cd "$(dirname "$0")/.."

format=1 tidy=1
case "${1:-}" in
  --format-only) tidy=0; shift ;;
  --tidy-only) format=0; shift ;;
esac
build=${1:-build/dev}
jobs=${JOBS:-2}

if [ "$format" -eq 1 ]; then
  mapfile -t sources < <(git ls-files -- '*.cpp' '*.hpp')
  echo "check-style: clang-format on ${#sources[@]} files" >&2
  clang-format-14 --dry-run -Werror "${sources[@]}"
fi
[ "$tidy" -eq 1 ] || exit 0

if [ ! -f "$build/compile_commands.json" ]; then
  echo "check-style: $build/compile_commands.json is missing: configure the build first" >&2
  exit 2
fi
# Our translation units only: not the generated ones in the build folder.
root=$(pwd)
mapfile -t units < <(jq -r --arg root "$root/" '.[].file | select(startswith($root))' "$build/compile_commands.json" \
                       | grep -v "^$root/build" | sort -u)
echo "check-style: clang-tidy on ${#units[@]} files, $jobs at a time" >&2
started=$SECONDS
# Each file's output is kept and shown only when it has findings (clang-tidy otherwise prints
# its count of suppressed warnings from system headers).
printf '%s\0' "${units[@]}" | xargs -0 -n 1 -P "$jobs" sh -c '
  out=$(clang-tidy-14 -p "$0" --quiet "$1" 2>&1) && exit 0
  printf "%s\n" "$out" | grep -v "warnings\? generated\.$" >&2
  exit 1' "$build" \
  || { echo "check-style: clang-tidy found problems (above)" >&2; exit 1; }
echo "check-style: clean (clang-tidy took $((SECONDS - started)) s)" >&2
