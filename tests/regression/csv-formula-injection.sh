#!/usr/bin/env bash
# Defect 6: CSV and TSV wrote cells beginning with = + - @ as they were, which
# a spreadsheet runs as formulas. Now they start with ' unless --keep-formulas.
source "$(dirname "$0")/lib.bash" "$@"
printf '%s\n' '{"kind":"item","ref":"=cmd|'"'"'/C calc'"'"'!A0","text":"-2 weeks","owner":"@team","n":-4}' > "$tmp/r.jsonl"
expect "csv" 0 "$bin/inspex-convert" --to csv "$tmp/r.jsonl"
check "csv: neutralised" has "$out" "item,'=cmd|'/C calc'!A0,'-2 weeks,'@team,-4"
expect "tsv" 0 "$bin/inspex-convert" --to tsv "$tmp/r.jsonl"
check "tsv: neutralised" has "$out" "item	'=cmd|'/C calc'!A0	'-2 weeks	'@team	-4"
expect "csv --keep-formulas" 0 "$bin/inspex-convert" --to csv --keep-formulas "$tmp/r.jsonl"
check "csv: raw on request" has "$out" "item,=cmd|'/C calc'!A0,-2 weeks,@team,-4"
expect "extract csv" 0 "$bin/inspex-extract" -q --to csv "$elmley"
check "extract: no cell begins with = + @" test "$(grep -c '^[=+@]\|,[=+@]' <<< "$out")" -eq 0
finish
