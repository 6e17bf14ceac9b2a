#!/usr/bin/env bash
# Tool tests for the outputs an analyst reads (issue 12): fixed table
# headers per record kind (golden files in tests/tools/golden/), natural
# ref keys as Miller types them, joined document fields, exploded dates,
# the workbook read back by LibreOffice, the SQLite archive built twice and
# the README's queries over it, and the tools' conventions (summary,
# failed inputs in the stream, folder walking, did-you-mean, -q, --pretty).
# Usage: outputs.sh BIN_DIR (run from the source root).
set -u
bin=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
elmley=samples/action-plan-elmley-2022.txt

expect() {
  local name=$1 want=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  out=$(cat "$tmp/out"); err=$(cat "$tmp/err")
  if [ "$got" -eq "$want" ]; then return 0; fi
  echo "FAIL $name: exit $got, wanted $want"; echo "  stderr: $err" | head -5
  failed=$((failed + 1)); return 1
}
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
has() { grep -qF -- "$2" <<< "$1"; }
first_line() { head -1 "$1" | tr -d '\r'; }

# Tables: one fixed header per kind, whatever the data, even with no rows.
for kind in recommendation action judgement document; do
  expect "header-$kind" 0 "$bin/inspex-convert" --to csv --kind "$kind" /dev/null
  check "header: $kind from no records is the golden header alone" \
    cmp -s "$tmp/out" "tests/tools/golden/header-$kind.csv"
done
for sample in samples/*.txt; do
  kind=$(jq -r 'select(.kind != "document") | .kind' "${sample%.txt}.expected.jsonl" | head -1)
  "$bin/inspex-extract" -q --to csv "$sample" > "$tmp/one.csv"
  "$bin/inspex-extract" -q --to csv --kind "$kind" "$sample" > "$tmp/kind.csv"
  check "header: $sample's CSV has the $kind header" \
    test "$(first_line "$tmp/kind.csv")" = "$(first_line "tests/tools/golden/header-$kind.csv")"
  check "header: all kinds' CSV of $sample has the same header as every run" \
    test "$(first_line "$tmp/one.csv")" = "$(first_line tests/tools/golden/header-items.csv)"
done

# ref stays text; ref_key sorts 7.2 before 7.10 as text and as Miller types it.
"$bin/inspex-extract" -q -g action-plan --to csv --fields ref,ref_key,establishment "$elmley" > "$tmp/keys.csv"
check "ref: 7.10 kept as written" has "$(cat "$tmp/keys.csv")" "7.10,0007.0010,HMP Elmley"
check "ref_key: text order is the natural order" \
  test "$(tail -n +2 "$tmp/keys.csv" | sort -t, -k2,2 | cut -d, -f1 | tr '\r\n' '  ' | tr -s ' ')" = "7.1 7.2 7.3 7.4 7.5 7.6 7.7 7.8 7.9 7.10 7.11 7.12 7.13 7.14 7.15 7.16 7.17 7.18 "
check "ref_key: Miller infers a number" \
  test "$(mlr --icsv --ojson put -q 'emit {"t": typeof($ref_key)}' "$tmp/keys.csv" | jq -r '.[0].t // .t' | sort -u)" = "float"
check "ref_key: Miller's numeric sort is the natural order" \
  test "$(mlr --icsv --onidx --ofs space sort -nf ref_key then cut -f ref "$tmp/keys.csv" | tr '\n' ' ')" = "7.1 7.2 7.3 7.4 7.5 7.6 7.7 7.8 7.9 7.10 7.11 7.12 7.13 7.14 7.15 7.16 7.17 7.18 "
check "ref: Miller's view of ref (a float) is why ref_key exists" \
  test "$(mlr --icsv --ojson put -q 'emit {"t": typeof($ref)}' "$tmp/keys.csv" | jq -r '.[0].t // .t' | sort -u)" = "float"

# --explode: one row per target date.
expect explode 0 "$bin/inspex-extract" -q -g action-plan --to csv --explode target_dates \
  --fields ref,target_dates,target_dates_date "$elmley"
check "explode: a row per target date" test "$(tail -n +2 "$tmp/out" | wc -l)" -eq \
  "$(jq -s '[.[] | select(.kind == "recommendation") | ([.target_dates | length, 1] | max)] | add' samples/action-plan-elmley-2022.expected.jsonl)"
check "explode: Elmley 7.1's first date alone on its row" has "$out" "7.1,September 2022,2022-09"

# Documents: joined onto rows by default, left out with --no-join, or a table of their own.
expect no-join 0 "$bin/inspex-extract" -q -g action-plan --to csv --no-join "$elmley"
check "no-join: no establishment column" test "$(head -1 <<< "$out" | cut -d, -f3)" = "source_file"
expect documents 0 "$bin/inspex-extract" -q --to csv --kind document --fields doc,establishment,stated_agreed samples/
check "documents table: one row per document" test "$(tail -n +2 <<< "$out" | wc -l)" -eq 5
check "documents table: stated counts as columns" has "$out" "action-plan-elmley-2022,HMP Elmley,17"

# Unknown names: an error with the nearest known one.
expect fields-typo 2 "$bin/inspex-convert" --to csv --fields ref,stauts /dev/null
check "fields: did you mean" has "$err" 'unknown column "stauts"; did you mean "status"?'
expect command-typo 2 "$bin/inspex" extarct
check "command: did you mean" has "$err" 'unknown command "extarct"; did you mean "extract"?'
expect grammar-typo 2 "$bin/inspex-extract" -g action-plna "$elmley"
check "grammar: did you mean" has "$err" 'did you mean "action-plan"?'
expect option-typo 2 "$bin/inspex-extract" --grammer action-plan "$elmley"
check "option: did you mean" has "$err" "did you mean --grammar?"
expect format-typo 2 "$bin/inspex-convert" --to cvs /dev/null
check "format: did you mean" has "$err" 'did you mean "csv"?'
expect kind-typo 2 "$bin/inspex-convert" --to csv --kind recomendation /dev/null
check "kind: did you mean" has "$err" 'did you mean "recommendation"?'
expect explode-sqlite 2 "$bin/inspex-convert" --to sqlite --explode target_dates -o "$tmp/x.db" /dev/null
check "explode: refused for an archive" has "$err" "one row a record"

# One broken grammar of a user's: a warning, and detection goes on with the others.
mkdir -p "$tmp/grammars"
printf '[grammar]\nname = "mine"\nrecord = "x"\nbroken =\n' > "$tmp/grammars/mine.toml"
expect broken-user-grammar 0 "$bin/inspex-extract" -q --grammar-path "$tmp/grammars" "$elmley"
check "broken grammar: named with file and line, as a warning" has "$err" "$tmp/grammars/mine.toml:4:"
check "broken grammar: left out" has "$err" "(warning: this grammar is left out)"
check "broken grammar: the others still detect" test "$(jq -r 'select(.kind == "document") | .grammar' <<< "$out")" = action-plan

# For grammar authors: a grammar copied to a folder of its own still finds
# its includes along the search path; a misspelled key in an inline table is
# an error with file and line.
mkdir -p "$tmp/own" "$tmp/typo"
cp grammars/action-plan.toml "$tmp/own/"
expect own-folder 0 "$bin/inspex-extract" -q -g "$tmp/own/action-plan.toml" "$elmley"
check "own folder: includes found along the search path" test "$(jq -r 'select(.kind == "recommendation") | .ref' <<< "$out" | wc -l)" -eq 18
sed '0,/ fits = /s// fit = /' grammars/action-plan.toml > "$tmp/typo/action-plan.toml"
line=$(grep -n ' fit = ' "$tmp/typo/action-plan.toml" | cut -d: -f1)
expect inline-typo 2 "$bin/inspex-extract" -q -g "$tmp/typo/action-plan.toml" "$elmley"
check "inline table: a misspelled key named with file and line" has "$err" "$tmp/typo/action-plan.toml:$line: unknown key \"fit\" in a column"

# A workbook is not for a terminal; JSON can be pretty.
expect xlsx-tty 0 script -qec "'$bin/inspex-convert' --to xlsx /dev/null; echo status=\$?" /dev/null
check "xlsx: refused on a terminal" has "$out" "a workbook is binary: name a file with -o FILE"
check "xlsx: with status 2" has "$out" "status=2"
expect pretty 0 "$bin/inspex-extract" -q --to json --pretty "$elmley"
check "pretty: indented" has "$out" '  "kind": "recommendation",'
check "pretty: still JSON" test "$(jq length <<< "$out")" -eq 19

# Batches: a summary at the end, failed inputs in the stream, folders walked as ripgrep.
mkdir -p "$tmp/walk/a" "$tmp/walk/b" "$tmp/walk/.hidden"
cp "$elmley" "$tmp/walk/a/plan.txt"; cp "$elmley" "$tmp/walk/b/plan.TXT"
cp "$elmley" "$tmp/walk/.hidden/plan.txt"; cp "$elmley" "$tmp/walk/.plan.txt"
cp samples/un-action-plan-chelmsford-2021.txt "$tmp/walk/un.txt"
printf 'not a plan\n' > "$tmp/walk/notes.txt"
ln -s ../a "$tmp/walk/b/link"
expect walk 2 "$bin/inspex-extract" "$tmp/walk"
check "walk: hidden files and folders, links, left out; ids unique" \
  test "$(jq -r 'select(.kind == "document") | .doc' <<< "$out" | tr '\n' ' ')" = "plan plan-2 notes un "
check "walk: the failed input is a document record with its error" \
  has "$(jq -r 'select(.error) | .error' <<< "$out")" "no grammar fits this document well enough"
check "walk: summary on stderr" has "$err" "inspex-extract: 3 documents read, 82 items, 10 warnings; 1 failed"
expect walk-quiet 2 "$bin/inspex-extract" -q "$tmp/walk"
check "walk: -q says only errors" test "$(grep -c . <<< "$err")" -eq 1
expect glob 0 "$bin/inspex-extract" -q --glob 'un*' --glob '!notes.txt' "$tmp/walk"
check "glob: only matching files" test "$(jq -r 'select(.kind == "document") | .doc' <<< "$out" | tr '\n' ' ')" = "un "
expect validate-failed 1 "$bin/inspex-validate" <<< "$(jq -c 'select(.kind == "document" and .error)' <<< "$(cat "$tmp/walk.jsonl" 2>/dev/null || "$bin/inspex-extract" -q "$tmp/walk/notes.txt" 2>/dev/null)")"
check "validate: a failed input is an input-error finding, without a line" has "$out" "notes.txt: error: input-error: no grammar fits"
expect validate-text 2 "$bin/inspex-validate" "$elmley"
check "validate: a document, not records, says to run extract first" has "$err" "this is a document, not records: run \"inspex extract $elmley | inspex validate\""
expect validate-quiet 1 "$bin/inspex-validate" -q <(grep stafford <("$bin/inspex-extract" -q samples/))
check "validate -q: no findings printed, the status tells" test -z "$out"
for t in inspex-extract inspex-convert inspex-validate inspex-normalize inspex-grammars; do
  check "$t takes -q" has "$("$bin/$t" --help)" "-q, --quiet"
done
expect pipefail 1 bash -o pipefail -c "'$bin/inspex-extract' -q samples/*.txt | '$bin/inspex-validate' --pass 2>/dev/null | '$bin/inspex-convert' --to csv > /dev/null"
check "pipefail: the findings' status survives the pipeline" true

# The table schema lets pandas read ref as text; the README shows this script and its output.
if /usr/bin/python3 -c 'import pandas' 2> /dev/null; then
  "$bin/inspex-extract" -q samples/*.txt > "$tmp/records.jsonl"
  (cd "$tmp" && "$bin/inspex-convert" --to csv --kind recommendation --schema recommendation.schema.json \
    -o recommendation.csv records.jsonl)
  got=$(cd "$tmp" && /usr/bin/python3 "$OLDPWD/tests/tools/pandas-schema.py" 2>&1)
  check "schema: pandas reads 7.10 as written and sorts by ref_key" \
    test "$got" = "$(printf ' ref   ref_key status\n 7.9 0007.0009 agreed\n7.10 0007.0010 agreed\n7.11 0007.0011 agreed')"
  check "schema: the README shows the script the test runs" \
    test "$(grep -cxFf tests/tools/pandas-schema.py README.md)" -eq "$(wc -l < tests/tools/pandas-schema.py)"
  check "schema: pandas without it takes 7.10 for 7.1" \
    has "$(cd "$tmp" && /usr/bin/python3 -c 'import pandas as pd; print(pd.read_csv("recommendation.csv").ref.dtype)')" "float64"
else
  echo "FAIL pandas (python3-pandas) is not installed: scripts/install-deps.sh installs it"; failed=$((failed + 1))
fi
expect schema-json 2 "$bin/inspex-convert" --to json --schema "$tmp/s.json" /dev/null
check "schema: only for CSV and TSV" has "$err" "--schema describes a CSV or TSV table"

# The workbook read back by LibreOffice (cells as shown): refs as text, a
# month shown as a month, the summary and findings sheets.
"$bin/inspex-extract" -q --to xlsx --explode target_dates -o "$tmp/book.xlsx" samples/*.txt
soffice -env:UserInstallation="file://$tmp/lo-profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
  --outdir "$tmp/lo" "$tmp/book.xlsx" > "$tmp/lo.log" 2>&1
book() { cat "$tmp/lo/book-$1.csv" 2> /dev/null; }
check "workbook: summary sheet" has "$(book summary)" "action-plan-stafford-2020,action-plan,HMP Stafford,21,1,2,"
check "workbook: records by status in the summary" has "$(book summary)" "recommendation,status,partly_agreed,12"
check "workbook: every finding on its sheet" has "$(book findings)" "action-plan-stafford-2020,samples/action-plan-stafford-2020.txt,1,103,error,count-mismatch,,status agreed: 14 counted against 16 stated"
check "workbook: ref 7.10 stays text" test "$(mlr --icsv --ojson -S filter '$doc =~ "elmley" && $ref_key == "0007.0010"' then head -n 1 then cut -f ref "$tmp/lo/book-recommendation.csv" | jq -r '.[0].ref')" = "7.10"
check "workbook: a month shown as a month" test "$(mlr --icsv --ojson -S filter '$ref == "7.1" && $doc =~ "elmley"' then head -n 1 then cut -f target_dates_date "$tmp/lo/book-recommendation.csv" | jq -r '.[0].target_dates_date')" = "Sep 2022"
check "workbook: a day shown as a day" has "$(book document)" "2022-06-29"

# The SQLite archive: built twice from the samples it holds each record once;
# a changed document is replaced, not added.
(
  cd "$tmp" && ln -s "$OLDPWD/samples" samples
  "$bin/inspex-extract" -q samples/*.txt > all.jsonl
  "$bin/inspex-extract" -q --to sqlite -o twice.db samples/
  "$bin/inspex-convert" --to sqlite -o twice.db all.jsonl 2> second.err
  jq -c 'if .ref == "7.15" then .status = "agreed" else . end' all.jsonl |
    "$bin/inspex-convert" --to sqlite -o twice.db 2> third.err
)
check "archive: the second run skips every document" has "$(cat "$tmp/second.err")" "twice.db: 0 documents added, 0 replaced, 5 already archived (skipped)"
check "archive: a changed document is replaced" has "$(cat "$tmp/third.err")" "twice.db: 0 documents added, 1 replaced, 4 already archived (skipped)"
for table in documents recommendation action judgement; do
  check "archive: $table holds each record once" test "$(sqlite3 "$tmp/twice.db" "select count(*) from $table")" -eq \
    "$(jq -r "select(.kind == \"${table%s}\") | .doc" "$tmp/all.jsonl" | wc -l)"
done
check "archive: the replaced record is the new one" test "$(sqlite3 "$tmp/twice.db" "select status from recommendation where doc = 'action-plan-elmley-2022' and ref = '7.15'")" = agreed
check "archive: full-text rows follow their records" test "$(sqlite3 "$tmp/twice.db" "select count(*) from recommendation_fts")" -eq 63
check "archive: typed columns" test "$(sqlite3 "$tmp/twice.db" "select typeof(theme) from judgement where theme is not null limit 1")" = integer

# The README's archive queries, run as written, with the output it shows.
mkdir -p "$tmp/readme" && ln -s "$PWD/samples" "$tmp/readme/samples"
awk '/^```console/ { on = 1; next } /^```/ { on = 0 } on' README.md | awk -v dir="$tmp/readme" '
  /^\$ / { n++; keep = ($0 ~ /archive\.db/); if (keep) print substr($0, 3) > (dir "/cmd" n); next }
  keep { print > (dir "/want" n) }'
queries=0
for cmd in "$tmp"/readme/cmd*; do
  want=${cmd/cmd/want}; [ -f "$want" ] || : > "$want"
  got=$(cd "$tmp/readme" && PATH="$bin:$PATH" bash -c "$(sed 's/^inspex \([a-z]*\)/inspex-\1/' "$cmd")" 2>&1)
  check "README query: $(cut -c1-70 "$cmd")" test "$got" = "$(cat "$want")"
  queries=$((queries + 1))
done
check "README: its archive queries were found" test "$queries" -ge 6

echo "outputs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
