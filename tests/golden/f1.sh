#!/usr/bin/env bash
# Field F1 of extracted records against a sample's reviewed records: every
# item record's fields (not its source, warnings or inferred list) as
# (ref, field, value) facts, plus the document record's fields; precision is
# the share of facts extracted that are expected, recall the share of
# expected facts extracted. Prints "precision recall f1" (0..1).
# Usage: f1.sh EXPECTED.jsonl ACTUAL.jsonl
set -euo pipefail
facts() {
  jq -r '
    (if .kind == "document" then "document" else (.ref // "?") end) as $key
    | del(.source, .doc, .warnings, .inferred, .kind)
    | to_entries[] | "\($key)\t\(.key)\t\(.value | tojson)"' "$1" | sort
}
expected=$(facts "$1")
actual=$(facts "$2")
both=$(comm -12 <(echo "$expected") <(echo "$actual") | grep -c . || true)
e=$(echo "$expected" | grep -c . || true)
a=$(echo "$actual" | grep -c . || true)
awk -v b="$both" -v e="$e" -v a="$a" 'BEGIN {
  p = a ? b / a : 0; r = e ? b / e : 0; f = p + r ? 2 * p * r / (p + r) : 0
  printf "%.3f %.3f %.3f\n", p, r, f }'
