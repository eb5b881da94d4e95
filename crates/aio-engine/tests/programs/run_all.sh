#!/usr/bin/env bash
# Re-runs every asyncio reference program with `python3 -W default prog.py` and diffs its stdout / stderr
# against the saved prog.out / prog.err (stderr has absolute file paths replaced by bare file names).
#
# Usage: ./run_all.sh [--update | --tolerant] [DIR...]
#   DIR defaults to ./public and ./holdout next to this script when they exist, otherwise the script's own
#   directory (the layout used when the files are copied flat into one folder).
#   --update    re-record prog.out / prog.err instead of diffing.
#   --tolerant  also accept "timing drift": same lines, same text, only decimal numbers differing by at most
#               2 units in their last digit (e.g. [0.30] vs [0.31]). Without it the comparison is exact, and
#               drift-only mismatches are reported as such.
#   PYTHON=/path/to/python3 overrides the interpreter (the reference outputs come from CPython 3.11.7).
# Local change (tests/programs copy): a program whose FIRST line is `# exit: N` is expected to exit with status N
# (default 0); a run passes only if its exit status matches.
# Programs run one at a time. They print wall-clock times truncated to 0.01 s; on an idle machine the outputs
# are exactly reproducible, under heavy CPU load timestamps can come out 0.01-0.02 s late (never reordered).
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
PY="${PYTHON:-python3}"
update=0; tolerant=0
case "${1:-}" in
  --update) update=1; shift ;;
  --tolerant) tolerant=1; shift ;;
esac
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  for d in "$HERE/public" "$HERE/holdout"; do [ -d "$d" ] && dirs+=("$d"); done
  [ ${#dirs[@]} -eq 0 ] && dirs=("$HERE")
fi
ver="$("$PY" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
[ "$ver" = "3.11.7" ] || echo "note: reference outputs were recorded with CPython 3.11.7, this is $ver"

# replace absolute paths (/a/b/c/file.py) by the bare file name
SANITIZE='import re, sys
sys.stdout.write(re.sub(r"(?<![\w:/.])(?:/[^/\s\"<>:,()]+)+/([^/\s\"<>:,()]+)", r"\1", sys.stdin.read()))'

# exit 0 if two files differ only by decimal numbers within 2 units of their last digit
DRIFT='import re, sys
num = re.compile(r"\d+\.\d+")
a = open(sys.argv[1]).read().splitlines(); b = open(sys.argv[2]).read().splitlines()
if len(a) != len(b): sys.exit(1)
for x, y in zip(a, b):
    if num.split(x) != num.split(y): sys.exit(1)
    for p, q in zip(num.findall(x), num.findall(y)):
        d = len(p.split(".")[1])
        if len(q.split(".")[1]) != d or abs(float(p) - float(q)) > 2.5 * 10 ** -d: sys.exit(1)'

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0; drift=0; failed=()
start=$(date +%s)
for d in "${dirs[@]}"; do
  for prog in "$d"/*.py; do
    [ -e "$prog" ] || continue
    base="${prog%.py}"
    name="$(basename "$prog")"
    ( cd "$d" && timeout 120 "$PY" -W default "$name" ) >"$tmp/out" 2>"$tmp/err.raw"
    rc=$?
    want=0
    first="$(head -n 1 "$prog")"
    case "$first" in "# exit: "*) want="${first#\# exit: }" ;; esac
    "$PY" -c "$SANITIZE" <"$tmp/err.raw" >"$tmp/err"
    if [ $update -eq 1 ]; then
      cp "$tmp/out" "$base.out"; cp "$tmp/err" "$base.err"
      echo "recorded $name (rc=$rc, expected $want)"
      continue
    fi
    if [ "$rc" = "$want" ] && cmp -s "$base.out" "$tmp/out" && cmp -s "$base.err" "$tmp/err"; then
      pass=$((pass + 1)); echo "ok   $name"; continue
    fi
    if [ "$rc" = "$want" ] && "$PY" -c "$DRIFT" "$base.out" "$tmp/out" && "$PY" -c "$DRIFT" "$base.err" "$tmp/err"; then
      if [ $tolerant -eq 1 ]; then
        pass=$((pass + 1)); drift=$((drift + 1)); echo "ok~  $name (timing drift only)"; continue
      fi
      echo "FAIL $name (timing drift only: same text and order, some times differ by <= 0.02)"
    else
      [ "$rc" != "$want" ] && echo "FAIL $name: exit status $rc, expected $want"
      echo "FAIL $name"
    fi
    diff -u --label "$name.out (saved)" --label "$name.out (now)" "$base.out" "$tmp/out"
    diff -u --label "$name.err (saved)" --label "$name.err (now)" "$base.err" "$tmp/err"
    fail=$((fail + 1)); failed+=("$name")
  done
done
[ $update -eq 1 ] && exit 0
echo "----"
echo "$pass passed ($drift of them with timing drift only), $fail failed ($(( $(date +%s) - start )) s)"
[ $fail -eq 0 ] || { echo "failed: ${failed[*]}"; exit 1; }
