#!/usr/bin/env bash
# Prints the field F1 (tests/golden/f1.sh) of every text rendition in
# tests/fixtures/renditions against its sample's records, as a table, and
# fails when one is below the threshold. Usage: f1-table.sh INSPEX_EXTRACT [MIN_F1]
set -u
extract=$1 min=${2:-0.97}
here=$(dirname "$0")
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
failed=0
printf '%-34s %-18s %s\n' sample route f1
for f in tests/fixtures/renditions/*.txt; do
  base=$(basename "$f" .txt) sample=${base%.*} route=${base##*.}
  "$extract" -q "$f" > "$tmp" 2> /dev/null
  f1=$(bash "$here/f1.sh" "samples/$sample.expected.jsonl" "$tmp" | awk '{ print $3 }')
  mark=$(awk -v f="$f1" -v m="$min" 'BEGIN { print (f + 0 >= m + 0) ? "" : "  below" }')
  [ -n "$mark" ] && failed=$((failed + 1))
  printf '%-34s %-18s %s%s\n' "$sample" "$route" "$f1" "$mark"
done
echo "renditions below F1 $min: $failed"
[ "$failed" -eq 0 ]
