#!/usr/bin/env bash
# Found by fuzz_html: a page whose bytes are not all valid in the character
# encoding it declares made libxml2 print "encoding error : input conversion
# failed ..." and "I/O error : encoder error" on standard error (lines naming
# no file; its parser's NOERROR option does not cover them), and read the
# rest of a UTF-8 page after one stray byte as Latin-1 ("prisonâs"), or stop
# reading a Windows-1252 page at a byte that encoding leaves undefined.
source "$(dirname "$0")/lib.bash" "$@"
page=tests/fixtures/originals/irp-report-chelmsford-2022.html
# A stray byte (0xBF) after the first "Chelmsford" of the review (UTF-8,
# with curly quotes further on).
perl -pe 'if (!$done && s/Chelmsford/Chelmsford\xbf/) { $done = 1 }' "$page" > "$tmp/review.html"
expect "a stray byte in a UTF-8 page" 0 "$bin/inspex-extract" "$tmp/review.html"
check "no libxml2 message" lacks "$err" "encoding error"
check "the warning names the file and byte" has "$err" "inspex-extract: $tmp/review.html: invalid-utf8: bytes that are not UTF-8 replaced by U+FFFD (the rest of the file is UTF-8) at byte"
check "no mojibake" lacks "$out" "â"
check "the same records as the clean page" test "$(jq -c 'select(.kind != "document") | del(.source.file, .doc)' <<< "$out" | md5sum)" = "$("$bin/inspex-extract" -q "$page" | jq -c 'select(.kind != "document") | del(.source.file, .doc)' | md5sum)"
# A page declared Windows-1252 with a byte that encoding leaves undefined
# (0x81): read as it declares, one warning where libxml2 stops.
printf '<html><head><meta charset="windows-1252"></head><body><p>Action Plan: HMP Elmley \x81 caf\xe9</p></body></html>' > "$tmp/plan.html"
expect "an undefined byte in a Windows-1252 page" 0 "$bin/inspex-extract" -g action-plan "$tmp/plan.html"
check "no libxml2 message (1252)" lacks "$err" "encoding error"
check "no libxml2 I/O message (1252)" lacks "$err" "I/O error"
check "one warning naming the file" has "$err" "inspex-extract: $tmp/plan.html: invalid-encoding: the page has bytes that are not valid in the character encoding it declares (windows-1252)"
check "the text before it read" has "$out" '"establishment":"HMP Elmley"'
finish
