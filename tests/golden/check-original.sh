#!/usr/bin/env bash
# Golden test for an original document (DOCX, ODT, HTML, PDF made from a
# sample): inspex-extract, choosing the grammar itself, must give the
# sample's reviewed records, field for field. Line numbers, pages and
# warnings belong to the rendition and are not compared; a value the text
# sample had to infer may be read from the original instead (its `inferred`
# list may only shrink).
# Usage: check-original.sh INSPEX_EXTRACT ORIGINAL SAMPLE.expected.jsonl
set -u
extract=$1 input=$2 expected=$3
name=$(basename "$input")
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
"$extract" -q "$input" > "$actual"
status=$?
if [ "$status" -ne 0 ]; then
  echo "FAIL $name: inspex-extract exited with $status"
  exit 1
fi
fields='del(.source, .doc, .warnings, .inferred)'
if ! diff -u --label "$expected" --label "$name" <(jq -c "$fields" "$expected") <(jq -c "$fields" "$actual"); then
  # A difference already known and written down (tests/golden/original-known.tsv:
  # file, least field F1, why) passes while the F1 does not fall below it.
  known=$(awk -F'\t' -v f="$name" '$1 == f { print $2 }' "$(dirname "$0")/original-known.tsv")
  f1=$(bash "$(dirname "$0")/f1.sh" "$expected" "$actual" | awk '{ print $3 }')
  if [ -n "$known" ] && awk -v a="$f1" -v k="$known" 'BEGIN { exit !(a + 0 >= k + 0) }'; then
    echo "known difference $name: field F1 $f1 (at least $known; see original-known.tsv)"
    exit 0
  fi
  echo "FAIL $name: records differ from $expected, field F1 $f1 (read the diff; never regenerate blind)"
  exit 1
fi
# Each record's inferred list is a subset of the sample's.
extra=$(jq -n --slurpfile e "$expected" --slurpfile a "$actual" \
  '[range($a | length) | select((($a[.].inferred // []) - ($e[.].inferred // [])) | length > 0) | $a[.].ref] | join(", ")')
if [ "$extra" != '""' ]; then
  echo "FAIL $name: inferred what the sample read: $extra"
  exit 1
fi
echo "ok $name: $(wc -l < "$actual") records, as $expected"
