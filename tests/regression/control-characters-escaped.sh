#!/usr/bin/env bash
# Defect 13: validate printed field text raw, so an ESC sequence or a newline
# in a record forged findings or drove the terminal. Human-readable output now
# shows control characters as escapes; JSON output stays JSON.
source "$(dirname "$0")/lib.bash" "$@"
"$bin/inspex-extract" -q "$elmley" > "$tmp/r.jsonl"
jq -c 'if .ref == "7.1" then .warnings = [{"code":"x","message":"evil\nfile.txt:1: error: forged\u001b[2J","lines":[5,5]}] else . end' "$tmp/r.jsonl" > "$tmp/evil.jsonl"
expect "validate text" 0 "$bin/inspex-validate" --show warning "$tmp/evil.jsonl"
check "the newline is escaped: no forged finding line" test "$(grep -c '^file.txt:1: error: forged' <<< "$out")" -eq 0
check "shown escaped" has "$out" 'evil\nfile.txt:1: error: forged\x1b[2J'
check "no raw ESC" lacks "$out" $'\x1b'
expect "validate json" 0 "$bin/inspex-validate" --format json --show warning "$tmp/evil.jsonl"
check "JSON keeps the text as JSON" has "$out" '"message":"evil\nfile.txt:1: error: forged\u001b[2J"'
printf '{"kind":"x",\x1b[31m\n' > "$tmp/bad.jsonl"
expect "a bad line on stderr" 2 "$bin/inspex-convert" --to jsonl "$tmp/bad.jsonl"
check "stderr escaped too" has "$err" 'not a JSON record: {"kind":"x",\x1b[31m'
printf 'a line\x1b[2J with an escape\n' > "$tmp/esc.txt"
expect "normalize" 0 "$bin/inspex-normalize" -g action-plan "$tmp/esc.txt"
check "normalize prints no raw ESC" lacks "$out" $'\x1b'
finish
