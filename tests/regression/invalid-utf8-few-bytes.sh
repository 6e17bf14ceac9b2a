#!/usr/bin/env bash
# Defect 9: one invalid UTF-8 sequence in a UTF-8 file silently turned the
# whole file into Windows-1252 mojibake ("’" read as "â€™"). Now a file that is
# UTF-8 but for a few bytes is read as UTF-8, the bytes replaced, with a
# warning naming their offsets.
source "$(dirname "$0")/lib.bash" "$@"
# Chelmsford's review has curly quotes and dashes in UTF-8; one stray byte is
# put on line 20.
sample=samples/irp-report-chelmsford-2022.txt
awk 'NR == 20 { printf "%s \x92\n", $0; next } { print }' "$sample" > "$tmp/plan.txt"
expect "a stray byte in a UTF-8 plan" 0 "$bin/inspex-extract" "$tmp/plan.txt"
check "the warning names the file, line and byte" has "$err" "inspex-extract: $tmp/plan.txt:20: invalid-utf8: bytes that are not UTF-8 replaced by U+FFFD (the rest of the file is UTF-8) at byte"
check "no mojibake" lacks "$out" "â€"
check "the same records as the clean file" test "$(jq -c 'select(.kind != "document") | del(.source.file, .doc)' <<< "$out" | md5sum)" = "$("$bin/inspex-extract" -q "$sample" | jq -c 'select(.kind != "document") | del(.source.file, .doc)' | md5sum)"
# A Windows-1252 file (Word's plain text) is still read as such.
iconv -f UTF-8 -t WINDOWS-1252//TRANSLIT "$sample" > "$tmp/cp1252.txt"
expect "Windows-1252 still read" 0 "$bin/inspex-extract" -q "$tmp/cp1252.txt"
check "Windows-1252: no invalid-utf8 warning" lacks "$out" "invalid-utf8"
finish
