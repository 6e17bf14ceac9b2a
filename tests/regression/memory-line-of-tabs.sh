#!/usr/bin/env bash
# Defect 10 (part): a 10 MB line of tabs took 2.25 GB (a model cell per tab).
# A line of more than 1,024 cells is now read as text with a too-many-cells
# warning; here it must be read within 600 MB of address space.
source "$(dirname "$0")/lib.bash" "$@"
head -c 10000000 /dev/zero | tr '\0' '\t' > "$tmp/tabs.txt"
cat "$elmley" >> "$tmp/tabs.txt"
# (Under the sanitizers, whose shadow memory needs terabytes of address space,
# without the limit: the rest still holds.)
limit="ulimit -v 600000;"
[ -z "${INSPEX_SANITIZER:-}" ] || limit=
expect "a 10 MB line of tabs in 600 MB" 0 bash -c "$limit '$bin/inspex-extract' -j 1 -g action-plan '$tmp/tabs.txt'"
check "said as a warning" has "$err" "$tmp/tabs.txt:1: too-many-cells: a line of 10000001 cells read as text"
check "the plan after it still read" test "$(jq -r 'select(.kind=="recommendation") | .ref' <<< "$out" | wc -l)" -eq 18
finish
