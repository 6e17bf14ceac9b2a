#!/usr/bin/env bash
# Prints the field F1 (tests/golden/f1.sh) of every text rendition in
# tests/fixtures/renditions against its sample's records, as a table beside
# the F1 recorded in tests/golden/f1-baseline.tsv, and fails when one falls
# below its recorded figure: progress is recorded there, never lost.
# Usage: f1-table.sh INSPEX_EXTRACT [--record]   (--record rewrites the baseline)
set -u
extract=$1 record=${2:-}
here=$(dirname "$0")
baseline=$here/f1-baseline.tsv
tmp=$(mktemp) table=$(mktemp)
trap 'rm -f "$tmp" "$table"' EXIT
failed=0 passing=0 total=0
printf '%-38s %-17s %6s %8s\n' sample route f1 recorded
for f in tests/fixtures/renditions/*.txt; do
  base=$(basename "$f" .txt) sample=${base%.*} route=${base##*.}
  document=$(echo "$sample" | sed -E 's/-[0-9]+pt$//') # the same document set in another font size
  document=${document%-subrows} # or with a recommendation's actions in sub-rows
  expected=samples/$document.expected.jsonl
  # a variant in an older year's template has records of its own
  [ -f "tests/fixtures/originals/$document.expected.jsonl" ] && expected=tests/fixtures/originals/$document.expected.jsonl
  "$extract" -q "$f" > "$tmp" 2> /dev/null
  f1=$(bash "$here/f1.sh" "$expected" "$tmp" | awk '{ print $3 }')
  was=$(awk -F'\t' -v s="$sample" -v r="$route" '$1 == s && $2 == r { print $3 }' "$baseline" 2>/dev/null)
  mark=$(awk -v f="$f1" -v w="${was:-0}" 'BEGIN { print (f + 0.0005 < w + 0) ? "  WORSE" : "" }')
  [ -n "$mark" ] && failed=$((failed + 1))
  total=$((total + 1))
  awk -v f="$f1" 'BEGIN { exit !(f >= 0.97) }' && passing=$((passing + 1))
  printf '%-38s %-17s %6s %8s%s\n' "$sample" "$route" "$f1" "${was:--}" "$mark"
  printf '%s\t%s\t%s\n' "$sample" "$route" "$f1" >> "$table"
done
echo "renditions at F1 >= 0.97: $passing of $total; worse than recorded: $failed"
if [ "$record" = --record ]; then
  cp "$table" "$baseline"
  echo "recorded in $baseline"
fi
[ "$failed" -eq 0 ]
