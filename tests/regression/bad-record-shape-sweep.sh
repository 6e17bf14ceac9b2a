#!/usr/bin/env bash
# Defect 4: validate and convert aborted (type_error.306) on records without
# their document record and on single fields of the wrong type (a number for
# `kind` or `grammar`, `inferred: [1]`, `warnings: [1]`...): 60 aborts in a
# sweep. Now a bad record is a finding (validate) or a per-line error
# (convert), and the run goes on. This is that sweep: every field (at any
# depth) of a document record and of an item record, in turn replaced by each
# JSON type or removed, each as a document of its own, then a clean document
# whose records must all come through.
source "$(dirname "$0")/lib.bash" "$@"
"$bin/inspex-extract" -q "$elmley" | head -3 > "$tmp/doc.jsonl"
jq -c -s '
  . as $recs
  | range(0; 2) as $i
  | ($recs[$i] | [paths] | map(select(.[0] != "kind" or length == 1))) as $paths
  | $paths[] as $p
  | (5, "x", null, [1], {}, true, -1, 1.5, [[[[1]]]], "DELETE") as $v
  | $recs
  | .[$i] |= (if $v == "DELETE" then delpaths([$p]) else setpath($p; $v) end)
  | .[]' "$tmp/doc.jsonl" > "$tmp/sweep.jsonl"
# Items without their document record, and a document record alone.
sed -n '2,3p' "$tmp/doc.jsonl" >> "$tmp/sweep.jsonl"
head -1 "$tmp/doc.jsonl" >> "$tmp/sweep.jsonl"
cases=$(( $(wc -l < "$tmp/sweep.jsonl") / 3 ))
check "the sweep has hundreds of cases ($cases)" test "$cases" -gt 300
"$bin/inspex-extract" -q samples/action-plan-ashfield-2019.txt > "$tmp/good.jsonl"
cat "$tmp/sweep.jsonl" "$tmp/good.jsonl" > "$tmp/all.jsonl"
good_items=$(($(wc -l < "$tmp/good.jsonl") - 1))

expect "validate: findings, no abort" 1 "$bin/inspex-validate" --format json "$tmp/all.jsonl"
check "validate: bad records are findings" has "$out" '"code":"bad-record"'
check "validate: the message names the field" has "$out" '\"kind\" is a number, not a string'
check "validate: inferred [1] named" has "$out" '\"inferred\" is an array, not a list of strings'
check "validate: the clean document after the sweep is still checked" has "$out" '"doc":"action-plan-ashfield-2019"'
check "validate: no crash message" lacks "$err" "terminate"
expect "validate --pass: all records passed on" 1 "$bin/inspex-validate" --pass "$tmp/all.jsonl"
check "validate --pass: every line passed on unchanged" cmp -s "$tmp/out" "$tmp/all.jsonl"

for to in jsonl json csv tsv xlsx; do
  expect "convert --to $to: per-line errors, no abort" 2 "$bin/inspex-convert" --to $to -o "$tmp/out.$to" "$tmp/all.jsonl"
  check "convert --to $to: lines named" has "$err" "inspex-convert: $tmp/all.jsonl:"
  check "convert --to $to: no crash message" lacks "$err" "terminate"
done
check "convert: the clean document's records all converted" test "$(grep -c '^recommendation,action-plan-ashfield-2019,' "$tmp/out.csv")" -eq "$good_items"
check "convert: the XLSX is a workbook" test "$(head -c 2 "$tmp/out.xlsx")" = PK
finish
