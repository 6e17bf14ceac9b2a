#!/usr/bin/env bash
# Defect 14: validate and convert given a folder exited 0 with no output;
# -j -1, -o '' and --bom where it does not apply were taken silently.
source "$(dirname "$0")/lib.bash" "$@"
"$bin/inspex-extract" -q "$elmley" > "$tmp/r.jsonl"
expect "validate a folder" 2 "$bin/inspex-validate" samples
check "validate: the folder named" has "$err" "inspex-validate: samples: is a folder"
expect "convert a folder" 2 "$bin/inspex-convert" --to csv samples
check "convert: the folder named" has "$err" "inspex-convert: samples: is a folder"
expect "-j -1" 2 "$bin/inspex-extract" -q -j -1 "$elmley"
check "-j -1 explained" has "$err" "--jobs must be 0 (one per core) or more"
expect "-o ''" 2 "$bin/inspex-extract" -q -o '' "$elmley"
check "-o '' explained" has "$err" "--output is empty"
expect "convert -o ''" 2 "$bin/inspex-convert" --to csv -o '' "$tmp/r.jsonl"
expect "--bom with jsonl" 2 "$bin/inspex-extract" -q --bom "$elmley"
check "--bom explained" has "$err" "--bom applies only to --to csv"
expect "--bom with xlsx" 2 "$bin/inspex-convert" --to xlsx --bom -o "$tmp/x.xlsx" "$tmp/r.jsonl"
expect "-o a folder" 2 "$bin/inspex-convert" --to csv -o "$tmp" "$tmp/r.jsonl"
check "-o a folder explained" has "$err" "$tmp: cannot write: is a folder"
expect "--bom with csv still fine" 0 "$bin/inspex-convert" --to csv --bom -o "$tmp/x.csv" "$tmp/r.jsonl"
finish
