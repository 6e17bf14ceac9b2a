#!/usr/bin/env bash
# Defect 12: CR-only line ends (old Mac) broke detection; a NUL byte was
# reported as "invalid UTF-8".
source "$(dirname "$0")/lib.bash" "$@"
for sample in samples/*.txt; do
  tr '\n' '\r' < "$sample" > "$tmp/cr.txt"
  expect "CR-only $sample" 0 "$bin/inspex-extract" -q "$tmp/cr.txt"
  check "CR-only $sample: the same records as with LF" test "$(jq -c 'del(.source.file, .doc)' <<< "$out" | md5sum)" = "$("$bin/inspex-extract" -q "$sample" | jq -c 'del(.source.file, .doc)' | md5sum)"
done
printf 'a text\0with a NUL' > "$tmp/nul.txt"
expect "NUL byte" 2 "$bin/inspex-extract" -q "$tmp/nul.txt" "$elmley"
check "NUL byte named as such" has "$err" "inspex-extract: $tmp/nul.txt: byte 6: NUL byte: a binary file, not text"
check "the other input still read" test "$(jq -r 'select(.doc == "action-plan-elmley-2022") | .kind' <<< "$out" | wc -l)" -eq 19
check "the bad input leaves its error in the stream" test "$(jq -r 'select(.error) | .doc' <<< "$out")" = nul
finish
