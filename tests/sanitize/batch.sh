#!/usr/bin/env bash
# The batch runs under ThreadSanitizer (scripts/sanitize.sh tsan): the batch
# and ordered pool unit tests, then extract -j 2 over every sample, original
# and text rendition (every reader and grammar in two threads at once), each
# output format, and the records' round trip; the -j 2 records must equal the
# -j 1 records.
# Usage: batch.sh BUILD_DIR (run from the source root).
set -euo pipefail
bin=$1/tools
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=(samples/ tests/fixtures/originals/ tests/fixtures/renditions/)
"$1/tests/unit_tests" --test-case='batch*,ordered pool*' --no-intro
# Exit 1 or 2 are the inputs' findings and refusals; a sanitizer report is 86.
run() { "$@" || [ $? -le 2 ] || { echo "batch.sh: $* failed" >&2; exit 1; }; }
run "$bin/inspex-extract" -q -j 2 "${inputs[@]}" > "$tmp/j2.jsonl"
run "$bin/inspex-extract" -q -j 1 "${inputs[@]}" > "$tmp/j1.jsonl"
cmp "$tmp/j1.jsonl" "$tmp/j2.jsonl"
echo "batch.sh: -j 2 gives the -j 1 records ($(grep -c '"kind":"document"' "$tmp/j2.jsonl") documents)"
for to in csv tsv json xlsx sqlite; do
  run "$bin/inspex-extract" -q -j 2 --to $to -o "$tmp/out.$to" "${inputs[@]}"
done
run "$bin/inspex-validate" "$tmp/j2.jsonl" > /dev/null
run "$bin/inspex-convert" --to xlsx -o "$tmp/round.xlsx" "$tmp/j2.jsonl"
echo "batch.sh: every format written from -j 2"
