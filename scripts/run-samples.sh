#!/usr/bin/env bash
# The main job: set up, build, extract every sample (each with the grammar it
# is detected to need), validate the records, and convert them; then print
# what was found. Writes out/records.jsonl, out/findings.txt,
# out/records.csv, out/records.xlsx, the links of promises to later reviews
# (out/links.jsonl) and the report (out/report.html).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
mkdir -p out
bin=build/tools
"$bin/inspex" extract --quiet -o out/records.jsonl samples/*.txt
"$bin/inspex" validate out/records.jsonl > out/findings.txt || [ $? -eq 1 ] # 1: findings, reported below
"$bin/inspex" convert --to csv -o out/records.csv out/records.jsonl
"$bin/inspex" convert --to xlsx -o out/records.xlsx out/records.jsonl
"$bin/inspex" track --quiet -o out/links.jsonl out/records.jsonl
"$bin/inspex" report --quiet -o out/report.html out/records.jsonl out/links.jsonl
echo
echo "Records per document (out/records.jsonl, .csv, .xlsx):"
jq -r 'select(.kind == "document") | [.doc, .grammar] | @tsv' out/records.jsonl |
  while IFS=$'\t' read -r doc grammar; do
    items=$(jq -r --arg d "$doc" 'select(.doc == $d and .kind != "document") | .kind' out/records.jsonl | sort | uniq -c | awk '{ printf "%s %s", $1, $2 }')
    printf '  %-32s %-15s %s\n' "$doc" "$grammar" "$items"
  done
echo "Findings (out/findings.txt): $(awk -F': ' '{ print $2 }' out/findings.txt | sort | uniq -c | awk '{ printf "%s%s %s", sep, $1, $2; sep = ", " }')"
grep -E ': (error|warning): ' out/findings.txt | sed 's/^/  /' || true
echo "Promises (out/links.jsonl): $(wc -l < out/links.jsonl), $(jq -r 'select(.followup)' out/links.jsonl | jq -s length) followed up by a later review, $(jq -r 'select(.overdue == true)' out/links.jsonl | jq -s length) overdue"
echo "Report: out/report.html"
