#!/usr/bin/env bash
# Makes the generated inputs of the bad-input matrix (cases.tsv, input column
# "make:NAME"): those too large or too binary to commit. Prints the path made.
# Usage: make.sh NAME DIR   (run from the source root)
set -euo pipefail
name=$1 dir=$2
elmley=samples/action-plan-elmley-2022.txt
case $name in
  nul) printf 'a text\0with a NUL\n' > "$dir/nul.txt"; echo "$dir/nul.txt" ;;
  empty) : > "$dir/empty.txt"; echo "$dir/empty.txt" ;;
  empty-folder) mkdir "$dir/empty-folder"; echo "$dir/empty-folder" ;;
  # Chelmsford's review (UTF-8 curly quotes) with one Windows-1252 byte on line 20.
  stray-byte)
    awk 'NR == 20 { printf "%s \x92\n", $0; next } { print }' samples/irp-report-chelmsford-2022.txt > "$dir/stray-byte.txt"
    echo "$dir/stray-byte.txt" ;;
  cr-only) tr '\n' '\r' < "$elmley" > "$dir/cr-only.txt"; echo "$dir/cr-only.txt" ;;
  # A table cell holding a list nested 300 deep, its text at the bottom.
  deep-lists)
    { printf '<html><body><table><tr><td>'
      for _ in $(seq 300); do printf '<ul><li>'; done
      printf 'text at the bottom of the lists'
      for _ in $(seq 300); do printf '</li></ul>'; done
      printf '</td></tr></table></body></html>\n'; } > "$dir/deep-lists.html"
    echo "$dir/deep-lists.html" ;;
  # A 10 MB line of tabs before a real plan.
  tabs)
    { head -c 10000000 /dev/zero | tr '\0' '\t'; cat "$elmley"; } > "$dir/tabs.txt"
    echo "$dir/tabs.txt" ;;
  # Elmley's records without their document record (extract | tail -n +2).
  no-document)
    tail -n +2 samples/action-plan-elmley-2022.expected.jsonl |
      sed 's/"doc":"action-plan-elmley-2022"/"doc":"no-document"/' > "$dir/no-document.jsonl"
    echo "$dir/no-document.jsonl" ;;
  # A record whose text is 40,000 two-byte characters: past an XLSX cell's 32,767.
  long-cell)
    printf '{"kind":"item","doc":"long","text":"%s"}\n' "$(head -c 40000 /dev/zero | tr '\0' 'x' | sed 's/x/é/g')" > "$dir/long-cell.jsonl"
    echo "$dir/long-cell.jsonl" ;;
  # More records of one kind than an XLSX sheet has rows (1,048,576).
  million-rows)
    seq 1048600 | awk '{ printf "{\"kind\":\"item\",\"doc\":\"many\",\"ref\":\"%d\"}\n", $1 }' > "$dir/million-rows.jsonl"
    echo "$dir/million-rows.jsonl" ;;
  # Control characters in a record's text and a line that is not JSON.
  control-characters)
    printf '{"kind":"x",\x1b[31m\n' > "$dir/control-characters.jsonl"
    echo "$dir/control-characters.jsonl" ;;
  *) echo "make.sh: no input named $name" >&2; exit 2 ;;
esac
