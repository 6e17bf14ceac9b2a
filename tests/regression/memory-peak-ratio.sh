#!/usr/bin/env bash
# Defect 10: peak memory was 225x a 10 MB line of tabs, 47x 100,000 table rows
# and 31x the records validate read. Peak RSS (/usr/bin/time) above the
# tool's own on a small sample, over the input's size, must stay under a bound
# per shape. Skipped without GNU time, and under the sanitizers (their shadow
# memory and quarantine are not the tool's).
source "$(dirname "$0")/lib.bash" "$@"
[ -x /usr/bin/time ] || { echo "memory-peak-ratio: skipped (no /usr/bin/time), 0 failed"; exit 0; }
[ -z "${INSPEX_SANITIZER:-}" ] || { echo "memory-peak-ratio: skipped (under the $INSPEX_SANITIZER sanitizer), 0 failed"; exit 0; }
# peak COMMAND...: the peak resident set of COMMAND, in kB (its last line;
# time writes an exit status other than 0 before it).
peak() { /usr/bin/time -f %M -o "$tmp/kb" "$@" > /dev/null 2>&1; tail -1 "$tmp/kb"; }
base_extract=$(peak "$bin/inspex-extract" -q -j 1 -g action-plan "$elmley")
base_validate=$(peak "$bin/inspex-validate" samples/action-plan-elmley-2022.expected.jsonl)
# ratio_below NAME BASE_KB INPUT MAX COMMAND...: (peak - base) / size of INPUT < MAX.
ratio_below() {
  local name=$1 base=$2 input=$3 max=$4; shift 4
  local kb ratio
  kb=$(peak "$@")
  ratio=$(echo "scale=2; ($kb - $base) * 1024 / $(stat -c %s "$input")" | bc)
  echo "$name: peak $kb kB, $base kB without the input: ${ratio}x the input"
  check "$name: ${ratio}x the input, under ${max}x" test "$(echo "$ratio < $max" | bc)" -eq 1
}
{ head -c 10000000 /dev/zero | tr '\0' '\t'; cat "$elmley"; } > "$tmp/tabs.txt"
ratio_below "a 10 MB line of tabs" "$base_extract" "$tmp/tabs.txt" 6 \
  "$bin/inspex-extract" -q -j 1 -g action-plan "$tmp/tabs.txt"
# 98,901 rows of an action plan's table (16 MB) in one document: every ref
# from 1.1 to 99.999 (the grammar's refs have at most 2 and 3 digits).
{ sed -n '1,/^1\. Rec No/p' samples/action-plan-ashfield-2019.txt
  printf '\tMain recommendations\t\t\t\t\n'
  awk 'BEGIN { for (i = 0; i < 98901; i++)
    printf "%d.%d\tPrisoners should have access to help number %d.\tAgreed\tThe governor will see to it by reviewing it.\tGovernor\tSeptember 2019\n", i / 999 + 1, i % 999 + 1, i }'
} > "$tmp/rows.txt"
ratio_below "98,901 table rows" "$base_extract" "$tmp/rows.txt" 25 \
  "$bin/inspex-extract" -q -j 1 -g action-plan -o "$tmp/rows.jsonl" "$tmp/rows.txt"
check "the rows were all read" test "$(grep -c '"kind":"recommendation"' "$tmp/rows.jsonl")" -eq 98901
# validate over 200 copies of the samples' records (1,000 documents, 29 MB).
for _ in $(seq 200); do cat samples/*.expected.jsonl; done > "$tmp/many.jsonl"
ratio_below "validate over 1,000 documents" "$base_validate" "$tmp/many.jsonl" 1 \
  "$bin/inspex-validate" "$tmp/many.jsonl"
# validate over the one document of 98,901 records (43 MB).
ratio_below "validate over one document of 98,901 records" "$base_validate" "$tmp/rows.jsonl" 8 \
  "$bin/inspex-validate" "$tmp/rows.jsonl"
finish
