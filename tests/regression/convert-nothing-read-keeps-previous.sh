#!/usr/bin/env bash
# A convert run in which no input gave a record (a missing file, only bad
# lines) replaced the previous output with an empty table; it now leaves the
# file as it was, says so, and exits 2. A run with any good record still
# writes them (the bad inputs beside them said, exit 2).
source "$(dirname "$0")/lib.bash" "$@"
printf 'not a record\n' > "$tmp/bad.jsonl"
for to in csv xlsx jsonl; do
  printf 'previous content\n' > "$tmp/prev.$to"
  expect "convert --to $to of a missing file" 2 "$bin/inspex-convert" --to $to -o "$tmp/prev.$to" "$tmp/none.jsonl"
  check "$to: the previous content kept" test "$(cat "$tmp/prev.$to")" = "previous content"
  check "$to: said" has "$err" "inspex-convert: $tmp/prev.$to: left as it was: no input gave a record"
  expect "convert --to $to of bad lines only" 2 "$bin/inspex-convert" --to $to -o "$tmp/prev.$to" "$tmp/bad.jsonl"
  check "$to: the previous content kept after bad lines" test "$(cat "$tmp/prev.$to")" = "previous content"
done
check "no temporary file left" test "$(ls -A "$tmp" | grep -c inspex)" -eq 0
expect "convert with one good input" 2 "$bin/inspex-convert" --to jsonl -o "$tmp/prev.jsonl" "$tmp/none.jsonl" samples/action-plan-elmley-2022.expected.jsonl
check "the good input's records written" test "$(wc -l < "$tmp/prev.jsonl")" -eq "$(wc -l < samples/action-plan-elmley-2022.expected.jsonl)"
finish
