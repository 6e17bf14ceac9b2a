#!/usr/bin/env bash
# Defect 2: -o naming one of the inputs truncated it before it was read
# (convert --to jsonl -o y.jsonl y.jsonl left 0 bytes). Now refused; the
# input is never touched.
source "$(dirname "$0")/lib.bash" "$@"
"$bin/inspex-extract" -q "$elmley" > "$tmp/y.jsonl"
before=$(md5sum < "$tmp/y.jsonl")
expect "convert -o its input" 2 "$bin/inspex-convert" --to jsonl -o "$tmp/y.jsonl" "$tmp/y.jsonl"
check "refused, naming the file" has "$err" "inspex-convert: $tmp/y.jsonl: is also an input"
check "the input is intact" test "$(md5sum < "$tmp/y.jsonl")" = "$before"
expect "convert -o its input by another path" 2 "$bin/inspex-convert" --to csv -o "$tmp/./y.jsonl" "$tmp/y.jsonl"
ln -s "$tmp/y.jsonl" "$tmp/link.jsonl"
expect "convert -o a link to its input" 2 "$bin/inspex-convert" --to csv -o "$tmp/link.jsonl" "$tmp/y.jsonl"
check "the input is still intact" test "$(md5sum < "$tmp/y.jsonl")" = "$before"
expect "convert -o the file standard input reads" 2 bash -c "'$bin/inspex-convert' --to csv -o '$tmp/y.jsonl' < '$tmp/y.jsonl'"
check "stdin: the input is intact" test "$(md5sum < "$tmp/y.jsonl")" = "$before"
cp "$elmley" "$tmp/plan.txt"
expect "extract -o its input" 2 "$bin/inspex-extract" -q -o "$tmp/plan.txt" "$tmp/plan.txt"
check "extract: the input is intact" cmp -s "$elmley" "$tmp/plan.txt"
mkdir "$tmp/folder" && cp "$elmley" "$tmp/folder/"
expect "extract -o a file inside an input folder" 2 "$bin/inspex-extract" -q -o "$tmp/folder/action-plan-elmley-2022.txt" "$tmp/folder"
check "extract: the file in the folder is intact" cmp -s "$elmley" "$tmp/folder/action-plan-elmley-2022.txt"
expect "convert --schema naming its input" 2 "$bin/inspex-convert" --to csv --schema "$tmp/y.jsonl" -o "$tmp/z.csv" "$tmp/y.jsonl"
check "--schema: refused, naming the file" has "$err" "inspex-convert: $tmp/y.jsonl: is also an input: choose another schema file"
check "--schema: the input is intact" test "$(md5sum < "$tmp/y.jsonl")" = "$before"
expect "validate --pass to its input is the shell's doing, convert to another file works" 0 "$bin/inspex-convert" --to csv -o "$tmp/y.csv" "$tmp/y.jsonl"
finish
