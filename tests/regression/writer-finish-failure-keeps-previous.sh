#!/usr/bin/env bash
# A writer that cannot finish (here XLSX with no folder for its temporary file:
# TMPDIR names none) aborted inspex-extract on an uncaught filesystem_error, and
# a writer's failed finish still moved an empty file over the previous output.
# Now it is an error naming the cause, exit 2, and the previous content stays.
source "$(dirname "$0")/lib.bash" "$@"
"$bin/inspex-extract" -q "$elmley" > "$tmp/records.jsonl"
for tool in extract convert; do
  printf 'previous content\n' > "$tmp/out.xlsx"
  input=$elmley
  [ $tool = convert ] && input=$tmp/records.jsonl
  expect "inspex-$tool: exit 2" 2 env TMPDIR=/nonexistent "$bin/inspex-$tool" -q --to xlsx -o "$tmp/out.xlsx" "$input"
  check "inspex-$tool: the cause said" has "$err" "cannot write XLSX: no folder for its temporary file (TMPDIR /nonexistent"
  check "inspex-$tool: previous content intact" test "$(cat "$tmp/out.xlsx")" = "previous content"
  check "inspex-$tool: no temporary file left" test -z "$(ls -A "$tmp" | grep inspex)"
done
finish
