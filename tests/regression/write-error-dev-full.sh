#!/usr/bin/env bash
# Defect 1: a failed write (a full disk, /dev/full) was ignored and the tool
# exited 0 with a cut or empty file. Now: an error naming the file, exit 2.
source "$(dirname "$0")/lib.bash" "$@"
[ -w /dev/full ] || { echo "write-error-dev-full: skipped (no /dev/full), 0 failed"; exit 0; }
"$bin/inspex-extract" -q "$elmley" > "$tmp/records.jsonl"
for to in jsonl json csv tsv xlsx; do
  expect "extract --to $to -o /dev/full" 2 "$bin/inspex-extract" -q --to $to -o /dev/full "$elmley"
  check "extract --to $to: the file and the reason named" has "$err" "inspex-extract: /dev/full: cannot write: No space left on device"
  expect "convert --to $to -o /dev/full" 2 "$bin/inspex-convert" --to $to -o /dev/full "$tmp/records.jsonl"
  check "convert --to $to: the file and the reason named" has "$err" "inspex-convert: /dev/full: cannot write: No space left on device"
done
expect "extract > /dev/full" 2 bash -c "'$bin/inspex-extract' -q '$elmley' > /dev/full"
check "standard output named" has "$err" "inspex-extract: standard output: cannot write"
expect "validate > /dev/full" 2 bash -c "'$bin/inspex-validate' '$tmp/records.jsonl' > /dev/full"
check "validate: standard output named" has "$err" "inspex-validate: standard output: cannot write"
expect "convert --schema /dev/full" 2 "$bin/inspex-convert" --to csv --schema /dev/full -o "$tmp/t.csv" "$tmp/records.jsonl"
check "--schema: the file and the reason named" has "$err" "inspex-convert: /dev/full: cannot write: No space left on device"
# The tools that print for people: the same error, no abort (fmt::print threw).
for tool in "inspex-normalize $elmley" "inspex-grammars $elmley" "inspex-grammars" "inspex-test"; do
  expect "$tool > /dev/full" 2 bash -c "'$bin/'$tool > /dev/full"
  check "$tool: standard output named" has "$err" "${tool%% *}: standard output: cannot write"
done
# Standard error full: nowhere to say it, but no abort, and the exit code stays.
expect "extract 2> /dev/full" 0 bash -c "'$bin/inspex-extract' '$elmley' 2> /dev/full > /dev/null"
expect "extract of a missing file 2> /dev/full" 2 bash -c "'$bin/inspex-extract' '$tmp/none.txt' 2> /dev/full > /dev/null"
finish
