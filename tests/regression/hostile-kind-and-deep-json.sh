#!/usr/bin/env bash
# Defect 8: convert crashed on a hostile `kind` ("a/b", 5, two kinds that
# differ only in case, for XLSX sheet names) and overflowed the stack on JSON
# nested 100,000 deep.
source "$(dirname "$0")/lib.bash" "$@"
printf '%s\n' '{"kind":"a/b","ref":"1"}' '{"kind":"Item","ref":"2"}' '{"kind":"item","ref":"3"}' \
  '{"kind":"History","ref":"4"}' '{"kind":"[x]:*?","ref":"5"}' '{"kind":"","ref":"6"}' \
  '{"kind":"'"$(printf 'k%.0s' $(seq 40))"'","ref":"7"}' > "$tmp/kinds.jsonl"
expect "hostile kinds to XLSX" 0 "$bin/inspex-convert" --to xlsx -o "$tmp/kinds.xlsx" "$tmp/kinds.jsonl"
check "a workbook was written" test "$(head -c 2 "$tmp/kinds.xlsx")" = PK
printf '{"kind":5,"ref":"1"}\n{"kind":"ok","ref":"2"}\n' > "$tmp/five.jsonl"
expect "kind 5 to XLSX" 2 "$bin/inspex-convert" --to xlsx -o "$tmp/five.xlsx" "$tmp/five.jsonl"
check "kind 5 named" has "$err" "five.jsonl:1: not a record of the expected shape: \"kind\" is a number, not a string"
{ printf '{"kind":"x","a":'; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; printf '}\n{"kind":"x","ref":"after"}\n'; } > "$tmp/deep.jsonl"
for to in jsonl csv xlsx; do
  expect "100,000 deep to $to" 2 "$bin/inspex-convert" --to $to -o "$tmp/deep-out.$to" "$tmp/deep.jsonl"
  check "deep to $to: refused by name" has "$err" "deep.jsonl:1: not a JSON record (nested deeper than 64 levels)"
done
check "the record after it is converted" has "$(cat "$tmp/deep-out.csv")" "after"
expect "100,000 deep to validate" 2 "$bin/inspex-validate" "$tmp/deep.jsonl"
check "validate: refused by name" has "$err" "nested deeper than 64 levels"
finish
