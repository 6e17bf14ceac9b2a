#!/usr/bin/env bash
# Golden test: runs inspex-extract on a sample and compares its records with
# the reviewed expected file; on a difference prints a unified diff.
# Usage: check.sh INSPEX_EXTRACT SAMPLE.txt SAMPLE.expected.jsonl
set -u
extract=$1 input=$2 expected=$3
name=$(basename "$input" .txt)
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
grammar_name=$(head -1 "$expected" | sed -n 's/.*"grammar":"\([^"]*\)".*/\1/p')
if ! "$extract" -q -g "$grammar_name" "$input" > "$actual"; then
  echo "FAIL $name: inspex-extract exited with $?"
  exit 1
fi
if ! cmp -s "$expected" "$actual"; then
  # One field per line, so the diff shows which field of which record changed.
  diff -u --label "$expected" --label actual <(jq . "$expected") <(jq . "$actual")
  echo "FAIL $name: records differ from $expected (read the diff; never regenerate blind)"
  exit 1
fi
echo "ok $name: $(wc -l < "$expected") records"
