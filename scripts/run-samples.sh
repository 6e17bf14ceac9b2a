#!/usr/bin/env bash
# The main job: set up, build, and extract every action-plan sample into
# out/records.jsonl and out/records.csv, then print what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
mkdir -p out
build/tools/inspex extract --grammar action-plan --quiet -o out/records.jsonl samples/action-plan-*.txt
build/tools/inspex extract --grammar action-plan --quiet --to csv -o out/records.csv samples/action-plan-*.txt
echo
echo "Records per document and status (out/records.jsonl, out/records.csv):"
jq -r 'select(.kind == "recommendation") | [.doc, (.status // "null")] | @tsv' out/records.jsonl |
  sort | uniq -c | awk '{ printf "  %-28s %-14s %3d\n", $2, $3, $1 }'
echo "Warnings: $(jq -s 'map(.warnings | length) | add' out/records.jsonl) (run without --quiet to see them)"
