#!/usr/bin/env bash
# Tool tests: the programs as processes, for exit codes, messages, output
# formats and bad input. Usage: run.sh BIN_DIR (run from the source root).
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
elmley=samples/action-plan-elmley-2022.txt

# expect NAME WANTED_STATUS COMMAND...: runs COMMAND, keeps stdout/stderr in $out/$err.
expect() {
  local name=$1 want=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  out=$(cat "$tmp/out"); err=$(cat "$tmp/err")
  if [ "$got" -eq "$want" ]; then return 0; fi
  echo "FAIL $name: exit $got, wanted $want"; echo "  stderr: $err" | head -5
  failed=$((failed + 1)); return 1
}
# check NAME CONDITION...: one assertion.
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
has() { grep -qF -- "$2" <<< "$1"; }

expect help 0 "$bin/inspex-extract" --help && check "help on stdout" has "$out" "Usage: inspex-extract"
expect version 0 "$bin/inspex-extract" --version && check "version" has "$out" "inspex-extract 0."
expect detect 0 "$bin/inspex-extract" -q samples/
check "detect: each sample read with its own grammar" test "$(jq -r 'select(.kind=="document") | "\(.doc) \(.grammar)"' <<< "$out" | awk '{ split($1, p, "-[a-z]+-[0-9]+$"); if (p[1] != $2) bad++ } END { print bad + 0 }')" -eq 0
check "detect: all samples read" test "$(jq -r 'select(.kind=="document") | .doc' <<< "$out" | wc -l)" -eq "$(ls samples/*.txt | wc -l)"
printf 'Shopping list\nmilk\n' > "$tmp/NOTES.txt"
expect detect-none 2 "$bin/inspex-extract" -q "$tmp/NOTES.txt" README.md "$elmley"
check "detect: notes fit no grammar, with the candidates listed" has "$err" "inspex-extract: $tmp/NOTES.txt: no grammar fits this document well enough; candidates: action-plan 0.00 (needs 0.50), irp-report 0.00 (needs 0.50), un-action-plan 0.00 (needs 0.50) (choose one with --grammar)"
check "detect: this README fits no grammar either" has "$err" "inspex-extract: README.md: no grammar fits this document well enough"
check "detect: the other input is still read" test "$(jq -r 'select(.kind != "document") | .ref' <<< "$out" | wc -l)" -eq 18
check "detect: each failed input leaves a document record with its error" test "$(jq -r 'select(.error) | .doc' <<< "$out" | tr '\n' ' ')" = "NOTES README "
# Detection compiles a grammar's other patterns when a document chooses it:
# a bad one is that document's error (the others are read); inspex-grammars,
# which compiles every pattern at load, names it at once.
mkdir -p "$tmp/lists"
printf '[grammar]\nname = "lists"\nrecord = "item"\norder = ["ref"]\n[detect]\npatterns = [["Shopping list", 1.0]]\n[table]\ncolumns = [{ name = "ref" }]\n[fields.ref]\npart = "ref"\n[patterns]\nBAD = "(unclosed"\n[table.heading]\ncolumn = "ref"\npattern = "%%{BAD}"\n' > "$tmp/lists/lists.toml"
expect lazy-bad-pattern 2 "$bin/inspex-extract" -q --grammar-path "$tmp/lists" "$tmp/NOTES.txt" "$elmley"
check "bad pattern of the chosen grammar: the document's error, with file and line" has "$err" "inspex-extract: $tmp/NOTES.txt: grammar lists cannot be used: $tmp/lists/lists.toml:15: bad pattern"
check "bad pattern of the chosen grammar: the other input is still read" test "$(jq -r 'select(.kind=="recommendation") | .ref' <<< "$out" | wc -l)" -eq 18
expect lazy-bad-pattern-listed 0 "$bin/inspex-grammars" --grammar-path "$tmp/lists"
check "bad pattern: inspex-grammars names it at once" has "$err" "$tmp/lists/lists.toml:15: bad pattern"
expect grammars 0 "$bin/inspex-grammars"
check "grammars: lists names and descriptions" has "$out" "action-plan        HMPPS action plan"
expect grammars-score 0 "$bin/inspex-grammars" "$elmley"
check "grammars: scores a file" has "$out" "$elmley	action-plan	1.00	fits"
mkdir -p "$tmp/mine"
sed 's|^name = "action-plan"|name = "my-plan"|; s|include = \["common.toml"\]|include = ["'"$PWD"'/grammars/common.toml"]|' grammars/action-plan.toml > "$tmp/mine/my-plan.toml"
expect grammar-path 0 "$bin/inspex" grammars --grammar-path "$tmp/mine"
check "grammar-path adds a user's grammar" has "$out" "my-plan "
expect bad-option 2 "$bin/inspex-extract" --frobnicate && check "bad option message" has "$err" "inspex-extract: unrecognised option '--frobnicate'"
expect unknown-grammar 2 "$bin/inspex-extract" -g nosuch "$elmley" && check "unknown grammar message" has "$err" 'no grammar named "nosuch"'
expect bad-format 2 "$bin/inspex-extract" -g action-plan --to xml "$elmley" && check "bad format message" has "$err" 'unknown output format "xml"'

expect jsonl 0 "$bin/inspex-extract" -q -g action-plan "$elmley"
check "jsonl: 19 records" test "$(wc -l <<< "$out")" -eq 19
check "jsonl: quiet means no stderr" test -z "$err"
expect warnings 0 "$bin/inspex-extract" -g action-plan "$elmley"
check "warnings name file and line" has "$err" "inspex-extract: $elmley:72: unplaced-cell: cell \"2001000.000\""

expect json 0 "$bin/inspex-extract" -q -g action-plan --to json "$elmley"
check "json: an array of 19" test "$(jq length <<< "$out")" -eq 19
expect csv 0 "$bin/inspex-extract" -q -g action-plan --to csv "$elmley"
check "csv: header and 18 rows" test "$(printf '%s\n' "$out" | wc -l)" -eq 19
check "csv: header names fields" has "$(head -1 <<< "$out")" "kind,doc,establishment,submitted,submitted_date,submitted_state,published,published_date,published_state,inspection,inspection_start,inspection_end,source_file,source_lines,source_pages,ref,ref_key,section,concern_ref"
check "csv: CRLF line ends" test "$(head -1 "$tmp/out" | tail -c 2 | od -An -c | tr -d ' ')" = '\r\n'
expect csv-bom 0 "$bin/inspex-extract" -q -g action-plan --to csv --bom "$elmley"
check "csv: BOM first" test "$(head -c 3 "$tmp/out" | od -An -tx1 | tr -d ' ')" = "efbbbf"

expect output-file 0 "$bin/inspex-extract" -q -g action-plan -o "$tmp/records.jsonl" "$elmley"
check "-o writes the file, not stdout" test "$(wc -l < "$tmp/records.jsonl")" -eq 19 -a -z "$out"
expect output-unwritable 2 "$bin/inspex-extract" -q -g action-plan -o /no/such/dir/x.jsonl "$elmley"
check "unwritable output message" has "$err" "/no/such/dir/x.jsonl: cannot write"

expect stdin 0 bash -c "'$bin/inspex-extract' -q -g action-plan < '$elmley'"
check "stdin: doc is stdin" test "$(head -1 <<< "$out" | jq -r .doc)" = stdin
check "stdin: same records as the file" test "$(jq -c 'del(.doc,.source.file)' <<< "$out" | md5sum)" = "$("$bin/inspex-extract" -q -g action-plan "$elmley" | jq -c 'del(.doc,.source.file)' | md5sum)"

expect folder 0 "$bin/inspex-extract" -q -g action-plan samples
check "folder: a document per sample" test "$(jq -r 'select(.kind=="document") | .doc' <<< "$out" | wc -l)" -eq "$(ls samples/*.txt | wc -l)"

printf 'ab\0cd' > "$tmp/binary.txt"
expect bad-input 2 "$bin/inspex-extract" -q -g action-plan "$tmp/binary.txt" /no/such.txt "$elmley"
check "bad input: the good file is still written" test "$(jq -r 'select(.doc == "action-plan-elmley-2022") | .kind' <<< "$out" | wc -l)" -eq 19
check "bad input: each bad one leaves its error in the stream" test "$(jq -r 'select(.error) | .doc' <<< "$out" | tr '\n' ' ')" = "binary such "
check "bad input: byte offset named" has "$err" "$tmp/binary.txt: byte 2: NUL byte"
check "bad input: missing file named" has "$err" "/no/such.txt: no such file"

: > "$tmp/empty.txt"
expect empty-input 0 "$bin/inspex-extract" -q -g action-plan "$tmp/empty.txt"
check "empty input: a document record saying no table" has "$out" '"code":"no-table"'

head -c 2000000 /dev/zero | tr '\0' 'a' > "$tmp/long.txt"
printf '\n1. Rec No\t2. Recommendation\t3. Agreed/ Partly Agreed/ Not Agreed\t4. Response\n7.1\t%s\tAgreed\n' "$(head -c 200000 /dev/zero | tr '\0' '(')" >> "$tmp/long.txt"
expect pathological 0 timeout 60 "$bin/inspex-extract" -q -g action-plan "$tmp/long.txt"
check "pathological input ends with its records" test "$(wc -l <<< "$out")" -eq 2

printf '[grammar]\nname = "x"\nbroken =\n' > "$tmp/broken.toml"
expect broken-grammar 2 "$bin/inspex-extract" -g "$tmp/broken.toml" "$elmley"
check "broken grammar names file and line" has "$err" "$tmp/broken.toml:3:"

printf '1. Rec No\tx\n5.1\tText\xc2\xa0here [bookmark: _Hlk1]\tAgreed\n' > "$tmp/debris.txt"
expect normalize 0 "$bin/inspex-normalize" -g action-plan "$tmp/debris.txt"
check "normalize: numbered cleaned lines" has "$out" "    2  5.1 ⇥ Text here  ⇥ Agreed"
expect normalize-help 0 "$bin/inspex-normalize" --help && check "normalize help" has "$out" "Usage: inspex-normalize"
expect normalize-missing 2 "$bin/inspex-normalize" -g action-plan /no/such.txt && check "normalize missing file" has "$err" "inspex-normalize: /no/such.txt: no such file"

"$bin/inspex-extract" -q samples/*.txt > "$tmp/all.jsonl"
expect validate 1 "$bin/inspex-validate" "$tmp/all.jsonl"
check "validate: file:line: severity: code: message" has "$out" "samples/action-plan-stafford-2020.txt:1: error: count-mismatch: status agreed: 14 counted against 16 stated"
check "validate: Elmley's inferred statuses are shown" has "$out" "samples/action-plan-elmley-2022.txt:36: info: inferred-value: 7.3: status \"agreed\" was deduced"
check "validate: the garbage target date is reported" has "$out" "samples/action-plan-elmley-2022.txt:72: warning: unplaced-cell: 7.5: cell \"2001000.000\""
expect validate-clean 0 "$bin/inspex-validate" --show warning <(grep -v stafford "$tmp/all.jsonl")
expect validate-fail-on-warning 1 "$bin/inspex-validate" --fail-on warning <(grep -v stafford "$tmp/all.jsonl")
expect validate-json 1 "$bin/inspex-validate" --format json "$tmp/all.jsonl"
check "validate --format json: one finding per line" test "$(jq -r 'select(.code == "total-mismatch") | .doc' <<< "$out")" = action-plan-stafford-2020
expect validate-pass 1 "$bin/inspex-validate" --pass "$tmp/all.jsonl"
check "validate --pass: records unchanged on stdout" cmp -s "$tmp/out" "$tmp/all.jsonl"
check "validate --pass: findings on stderr" has "$err" "error: total-mismatch"
printf '{"kind":"document","doc":"x"}\nnot json\n' > "$tmp/bad.jsonl"
expect validate-bad-input 2 "$bin/inspex-validate" "$tmp/bad.jsonl"
check "validate: a bad line named by file and line" has "$err" "inspex-validate: $tmp/bad.jsonl:2: not a JSON record: not json"
check "validate: unknown grammar is a finding" has "$out" "error: unknown-grammar"
expect validate-bad-option 2 "$bin/inspex-validate" --fail-on often "$tmp/all.jsonl"
check "validate: bad --fail-on named" has "$err" 'unknown severity "often"'
expect validate-stdin 1 bash -c "'$bin/inspex-validate' < '$tmp/all.jsonl'"

expect convert-csv 0 "$bin/inspex-convert" --to csv --fields ref,status,owners "$tmp/all.jsonl"
check "convert: chosen fields only" test "$(head -1 <<< "$out" | tr -d '\r')" = "ref,status,owners"
check "convert: item records only in CSV" test "$(wc -l <<< "$out")" -eq "$(jq -r 'select(.kind != "document") | .kind' "$tmp/all.jsonl" | wc -l | awk '{ print $1 + 1 }')"
expect convert-tsv 0 "$bin/inspex-convert" --to tsv "$tmp/all.jsonl"
check "convert: TSV header" has "$(head -1 <<< "$out")" "kind	doc	establishment	submitted"
expect convert-json 0 "$bin/inspex-convert" --to json "$tmp/all.jsonl"
check "convert: JSON array of every record" test "$(jq length <<< "$out")" -eq "$(wc -l < "$tmp/all.jsonl")"
expect convert-no-format 2 "$bin/inspex-convert" "$tmp/all.jsonl" && check "convert: --to required" has "$err" "--to is required"
expect convert-bad-line 2 "$bin/inspex-convert" --to jsonl "$tmp/bad.jsonl"
check "convert: bad line named, good ones kept" has "$err" "inspex-convert: $tmp/bad.jsonl:2: not a JSON record"
check "convert: good records still written" test "$(wc -l <<< "$out")" -eq 1

# The whole pipeline to a workbook, read back by a real spreadsheet program.
bash -c "'$bin/inspex-extract' -q samples/*.txt | '$bin/inspex-validate' --pass 2>/dev/null | '$bin/inspex-convert' --to xlsx -o '$tmp/out.xlsx'"
check "pipeline writes a workbook" test -s "$tmp/out.xlsx"
soffice -env:UserInstallation="file://$tmp/lo-profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$tmp/lo" "$tmp/out.xlsx" > "$tmp/lo.log" 2>&1
check "LibreOffice reads a sheet per kind" test -f "$tmp/lo/out-recommendation.csv" -a -f "$tmp/lo/out-judgement.csv" -a -f "$tmp/lo/out-action.csv" -a -f "$tmp/lo/out-document.csv"
check "LibreOffice: every recommendation row" test "$(tail -n +2 "$tmp/lo/out-recommendation.csv" | grep -c '^recommendation,')" -eq "$(jq -r 'select(.kind == "recommendation") | .ref' "$tmp/all.jsonl" | wc -l)"
check "LibreOffice: a date cell reads back as the date" has "$(cat "$tmp/lo/out-document.csv")" "2022-06-29"
check "LibreOffice: text cells intact" has "$(cat "$tmp/lo/out-action.csv")" "Head of PPSP and Governor"

# Originals: any format, told by content; bad files named with a reason, the others written.
originals=tests/fixtures/originals
mkdir -p "$tmp/mixed/sub"
cp "$originals/action-plan-elmley-2022.docx" "$tmp/mixed/ELMLEY.DOCX"
cp "$originals/irp-report-chelmsford-2022.pdf" "$tmp/mixed/sub/irp.pdf"
cp "$originals/un-action-plan-chelmsford-2021.html" "$tmp/mixed/un.htm"
cp "$originals/action-plan-ashfield-2019.odt" "$tmp/mixed/ashfield.odt"
printf 'notes' > "$tmp/mixed/notes.md"
ln -s loop "$tmp/mixed/loop"
expect originals-folder 0 "$bin/inspex-extract" -q "$tmp/mixed"
check "originals: every format in a folder, any case of extension" test "$(jq -r 'select(.kind=="document") | .grammar' <<< "$out" | sort | tr '\n' ' ')" = "action-plan action-plan irp-report un-action-plan "
check "originals: links are not followed unless asked (as ripgrep)" test -z "$err"
expect originals-follow 2 "$bin/inspex-extract" -q -L "$tmp/mixed"
check "originals: with -L, a link loop is named and skipped" has "$err" "$tmp/mixed/loop: skipped:"
check "originals: PDF records carry their pages" test "$(jq -c 'select(.kind=="judgement") | .source.pages' <<< "$out" | head -1)" = "[4,4]"
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0' > "$tmp/old.doc"
expect legacy 2 "$bin/inspex-extract" -q "$tmp/old.doc" tests/fixtures/pdf/no-text.pdf tests/fixtures/pdf/locked.pdf "$originals/action-plan-elmley-2022.pdf"
check "legacy Word file named with what to do" has "$err" "$tmp/old.doc: Word 97-2003 document: save it as .docx and try again"
check "scanned PDF named with what to do" has "$err" "no-text.pdf: scanned: no text to read; run OCR first"
check "locked PDF named" has "$err" "locked.pdf: password-protected PDF: remove the password and try again"
check "the good PDF is still read" test "$(jq -r 'select(.kind=="recommendation") | .ref' <<< "$out" | wc -l)" -eq 18
docx=$originals/action-plan-elmley-2022.docx # cut inside the document's own entry
head -c "$(( $(grep -boa word/document.xml "$docx" | head -1 | cut -d: -f1) + 200 ))" "$docx" > "$tmp/cut.docx"
expect damaged-docx 2 "$bin/inspex-extract" -q "$tmp/cut.docx"
check "damaged DOCX named" has "$err" "$tmp/cut.docx: damaged DOCX (zip)"
expect normalize-pdf 0 "$bin/inspex-normalize" "$originals/irp-report-chelmsford-2022.pdf"
check "normalize: a PDF's text view marks new pages" has "$out" $'\u240C'
# The PDF and zip backends are modules loaded on first use (none when linked in).
if [ -f "$bin/../lib/inspex/inspex-pdf.so" ]; then
  check "a text run maps none of poppler, libarchive, libxlsxwriter, SQLite" test "$(ldd "$bin/inspex-extract" | grep -c 'poppler\|libarchive\|xlsxwriter\|sqlite')" -eq 0
  expect module-missing 2 env INSPEX_MODULE_DIR="$tmp/none" "$bin/inspex-normalize" "$originals/irp-report-chelmsford-2022.pdf"
  check "missing module: named, with the input" has "$err" "inspex-normalize: $originals/irp-report-chelmsford-2022.pdf: cannot read PDF: module inspex-pdf.so not found in $tmp/none"
  mkdir -p "$tmp/modules" && printf 'not a module' > "$tmp/modules/inspex-zip.so"
  expect module-broken 2 env INSPEX_MODULE_DIR="$tmp/modules" "$bin/inspex-extract" -q "$originals/action-plan-elmley-2022.docx" "$elmley"
  check "broken module: named, with the input" has "$err" "action-plan-elmley-2022.docx: cannot read zip archives: module $tmp/modules/inspex-zip.so cannot be loaded"
  check "broken module: the text input is still read" test "$(jq -r 'select(.kind=="recommendation") | .ref' <<< "$out" | wc -l)" -eq 18
  printf 'previous\n' > "$tmp/keep.xlsx"
  expect module-xlsx 2 env INSPEX_MODULE_DIR="$tmp/none" "$bin/inspex-extract" -q --to xlsx -o "$tmp/keep.xlsx" "$elmley"
  check "missing XLSX module: named" has "$err" "inspex-extract: cannot write XLSX: module inspex-xlsx.so not found in $tmp/none"
  check "missing XLSX module: said before the output is touched" test "$(cat "$tmp/keep.xlsx")" = previous
  expect module-sqlite 2 env INSPEX_MODULE_DIR="$tmp/none" "$bin/inspex-extract" -q --to sqlite -o "$tmp/none.db" "$elmley"
  check "missing SQLite module: named" has "$err" "inspex-extract: cannot write a SQLite archive: module inspex-sqlite.so not found in $tmp/none"
  check "missing SQLite module: no archive made" test ! -e "$tmp/none.db"
fi
expect grammars-docx 0 "$bin/inspex-grammars" "$originals/action-plan-stafford-2020.docx"
check "grammars: scores an original" has "$out" "action-plan	1.00	fits"

expect front-help 0 "$bin/inspex" --help && check "front help lists commands" has "$out" "extract"
expect front-dispatch 0 "$bin/inspex" extract --version && check "front dispatches" has "$out" "inspex-extract 0."
expect front-unknown 2 "$bin/inspex" frobnicate && check "front unknown command" has "$err" 'unknown command "frobnicate"'
expect front-none 2 "$bin/inspex"

echo "tools: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
