#!/usr/bin/env bash
# The main job: set up, build, and extract every sample (each with the grammar
# it is detected to need) into out/records.jsonl and out/records.csv, then
# print what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
mkdir -p out
build/tools/inspex extract --quiet -o out/records.jsonl samples/*.txt
build/tools/inspex extract --quiet --to csv -o out/records.csv samples/*.txt
echo
echo "Records per document (out/records.jsonl, out/records.csv):"
jq -r 'select(.kind == "document") | [.doc, .grammar] | @tsv' out/records.jsonl |
  while IFS=$'\t' read -r doc grammar; do
    items=$(jq -r --arg d "$doc" 'select(.doc == $d and .kind != "document") | .kind' out/records.jsonl | sort | uniq -c | awk '{ printf "%s %s", $1, $2 }')
    printf '  %-32s %-15s %s\n' "$doc" "$grammar" "$items"
  done
echo "Warnings: $(jq -s 'map(.warnings | length) | add' out/records.jsonl) (run without --quiet to see them)"
