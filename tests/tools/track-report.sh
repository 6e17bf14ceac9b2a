#!/usr/bin/env bash
# Tool tests of inspex-track, links through inspex-convert, and inspex-report's
# page (structure, escaping, nothing remote). Usage: track-report.sh BIN_DIR.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
has() { grep -qF -- "$2" "$1"; }
hasnt() { ! grep -qiF -- "$2" "$1"; }

"$bin/inspex-extract" -q samples/un-action-plan-chelmsford-2021.txt samples/irp-report-chelmsford-2022.txt > "$tmp/records.jsonl"

# track: help, dispatcher, standard input, bad input, missing rules.
"$bin/inspex" track --help > "$tmp/help" 2>&1; check "track: help through the dispatcher" has "$tmp/help" "Usage: inspex-track"
"$bin/inspex" --help > "$tmp/help"; check "dispatcher lists track" has "$tmp/help" "  track "
check "dispatcher lists report" has "$tmp/help" "  report "
"$bin/inspex-track" -q < "$tmp/records.jsonl" > "$tmp/links.jsonl" 2> "$tmp/err"
check "track: standard input, 46 links" test "$(wc -l < "$tmp/links.jsonl")" -eq 46
check "track: quiet" test ! -s "$tmp/err"
check "track: every record a link" test "$(jq -r .kind "$tmp/links.jsonl" | sort -u)" = link
check "track: the spec's fields in order" test "$(head -1 "$tmp/links.jsonl" | jq -c 'keys_unsorted')" = '["kind","establishment","promise","followup","match","overdue","warnings"]'
check "track: promise fields" test "$(head -1 "$tmp/links.jsonl" | jq -c '.promise | keys_unsorted')" = '["doc","kind","ref","text","status","owners","due"]'
check "track: followup fields" test "$(jq -c 'select(.followup) | .followup | keys_unsorted' "$tmp/links.jsonl" | sort -u)" = '["doc","ref","area","progress","summary_progress","reviewed"]'
printf '{"kind":"document"\n' | "$bin/inspex-track" > /dev/null 2> "$tmp/err"
check "track: a bad line exits 2" test $? -eq 2
check "track: a bad line is named" has "$tmp/err" "inspex-track: -:1: not a JSON record"
"$bin/inspex-track" --rules /no/such.toml < /dev/null 2> "$tmp/err"
check "track: missing rules exit 2" test $? -eq 2
check "track: missing rules named" has "$tmp/err" "/no/such.toml"

# convert: links to CSV and XLSX like any other kind; other kinds unchanged.
"$bin/inspex-convert" --to csv "$tmp/links.jsonl" > "$tmp/links.csv"
check "convert: a header and 46 rows" test "$(wc -l < "$tmp/links.csv")" -eq 47
check "convert: nested fields flattened" has "$tmp/links.csv" "kind,establishment,promise_doc,promise_kind,promise_ref,promise,promise_status,promise_owners,promise_due,promise_due_date,promise_due_state,followup_doc,followup_ref,followup_area,followup_progress,followup_summary_progress,followup_reviewed,followup_reviewed_date,followup_reviewed_state,match_by,match_score,overdue"
check "convert: a row of a link" has "$tmp/links.csv" "link,HMP Chelmsford,un-action-plan-chelmsford-2021,action,10.i,\"Security: Mandatory Drugs Tests"
check "convert: no empty followup column" hasnt <(head -1 "$tmp/links.csv") ",followup,"
"$bin/inspex-convert" --to xlsx -o "$tmp/links.xlsx" "$tmp/records.jsonl" "$tmp/links.jsonl"
check "convert: an XLSX written" test "$(head -c 2 "$tmp/links.xlsx")" = PK
soffice -env:UserInstallation="file://$tmp/lo-profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$tmp/lo" "$tmp/links.xlsx" > "$tmp/lo.log" 2>&1
check "convert: LibreOffice reads a sheet of links" test "$(tail -n +2 "$tmp/lo/links-link.csv" | grep -c '^link,')" -eq 46
check "convert: the link sheet's columns" has "$tmp/lo/links-link.csv" "promise_ref"
check "convert: a score reads back as a number" test "$(grep -c ',text,1,' "$tmp/lo/links-link.csv")" -eq 13

# report: one page, self-contained, every in-page link landing.
"$bin/inspex-report" -q -o "$tmp/report.html" "$tmp/records.jsonl" "$tmp/links.jsonl"
check "report: exit 0" test $? -eq 0
r=$tmp/report.html
check "report: a doctype" test "$(head -1 "$r")" = "<!DOCTYPE html>"
check "report: a CSP forbidding remote loads" has "$r" "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
check "report: no script" hasnt "$r" "<script"
check "report: nothing loaded" test -z "$(grep -oiE '<(img|link|iframe|object|embed)|src=|url\(|@import' "$r")"
check "report: no address but the SVG namespace" test -z "$(grep -oE 'https?://[^"]*' "$r" | grep -v '^http://www.w3.org/2000/svg$')"
check "report: print styles" has "$r" "@media print"
check "report: the archive and the establishment" test "$(grep -c '<section' "$r")" -eq 2
check "report: a timeline, a chart of areas, a chart of establishments" test "$(grep -c '<svg' "$r")" -eq 3
check "report: past due without good progress" has "$r" "<h3>Past due without good progress</h3>"
check "report: a link back to the source lines" has "$r" 'href="samples/un-action-plan-chelmsford-2021.txt" title="samples/un-action-plan-chelmsford-2021.txt lines 195–197">un-action-plan-chelmsford-2021:195–197</a>'
check "report: a promise joined to its judgement" has "$r" '<a href="#r-irp-report-chelmsford-2022--1.34">1.34</a> Security'
missing=$(grep -oE 'href="#[^"]+"' "$r" | sed 's/href="#//; s/"$//' | sort -u | while read -r id; do grep -qF "id=\"$id\"" "$r" || echo "$id"; done)
check "report: every in-page link lands (missing: $missing)" test -z "$missing"
check "report: validation ran (a finding shown)" has "$r" '<ul class="findings">'
"$bin/inspex-report" -q < "$tmp/records.jsonl" > "$tmp/made.html"
check "report: links made when none are given" test "$(grep -c 'class="badge' "$tmp/made.html")" -eq "$(grep -c 'class="badge' "$r")"

# report: text from the records is escaped, never markup.
cat > "$tmp/evil.jsonl" <<'JSONL'
{"kind":"document","doc":"evil<b>","source":{"file":"x\"><script>alert(1)</script>.txt","lines":[1,9]},"grammar":"action-plan","establishment":"HMP <script>alert(1)</script>","submitted":null,"published":null,"inspection":null,"stated":null,"warnings":[]}
{"kind":"recommendation","doc":"evil<b>","source":{"file":"javascript:alert(1)","lines":[2,3]},"ref":"1'\"><img src=http://127.0.0.1:9/x onerror=alert(1)>","concern_ref":null,"recommendation":"</td></table><iframe src=\"http://127.0.0.1:9/\"></iframe> & more","report_ref":null,"status":"agreed","owners":["<style>body{display:none}</style>"],"target_dates":[{"text":"<u>soon</u>","date":"2022-01","state":null}],"inferred":[],"warnings":[]}
JSONL
"$bin/inspex-report" -q -o "$tmp/evil.html" "$tmp/evil.jsonl"
check "escape: exit 0" test $? -eq 0
check "escape: no script" hasnt "$tmp/evil.html" "<script"
check "escape: no img, iframe" test -z "$(grep -oiE '<(img|iframe)' "$tmp/evil.html")"
check "escape: no style but the page's" test "$(grep -c '<style>' "$tmp/evil.html")" -eq 1
check "escape: the text shown as text" has "$tmp/evil.html" "&lt;/td&gt;&lt;/table&gt;&lt;iframe src=&quot;http://127.0.0.1:9/&quot;&gt;&lt;/iframe&gt; &amp; more"
check "escape: a file named like a script address is a relative link" has "$tmp/evil.html" 'href="./javascript:alert(1)"'
check "escape: the establishment as text" has "$tmp/evil.html" "HMP &lt;script&gt;alert(1)&lt;/script&gt;"

# Records of the wrong shapes (numbers for texts, objects for lists): no crash;
# each is a clear error naming its line (exit 2), and the run goes on.
cat > "$tmp/odd.jsonl" <<'JSONL'
{"kind":"document","doc":5,"source":{"file":7,"lines":{"a":1,"b":2}},"establishment":["HMP X"],"inspection":{"start":3,"end":[1]},"published":"2022-01","submitted":{"date":5}}
{"kind":"recommendation","doc":"p","source":{"file":"f","lines":{"x":1,"y":2}},"ref":7,"concern_ref":1.42,"report_ref":"1.42","recommendation":["a"],"status":{"x":1},"owners":"Governor","target_dates":"soon"}
{"kind":"action","doc":"p","source":"nowhere","ref":null,"title":7,"text":null,"owner":[1,2],"due":[1,"x",{"date":3}]}
{"kind":"document","doc":"r","source":{"file":"r.txt","lines":[1,2]},"establishment":"X","inspection":null,"published":{"text":"x","date":7}}
{"kind":"judgement","doc":"r","source":{"file":"r.txt","lines":{"a":1,"b":2}},"ref":"1.42","area":5,"progress":["good"],"recommendation":{"t":1}}
{"kind":"judgement","doc":"r","source":{"file":"r.txt","lines":[5,6]},"ref":"1.42","area":"A","progress":"insufficient"}
JSONL
"$bin/inspex-track" -q "$tmp/odd.jsonl" > "$tmp/odd-links.jsonl" 2> "$tmp/odd.err"
check "odd shapes: track exits 2, no crash" test $? -eq 2
check "odd shapes: track names each bad line" test "$(grep -c 'not a record of the expected shape' "$tmp/odd.err")" -eq 4
check "odd shapes: track writes what it could read" test -f "$tmp/odd-links.jsonl"
printf '{"kind":"link","establishment":7,"promise":"x","followup":[1],"match":{"score":"a"},"overdue":"yes","warnings":"none"}\n' >> "$tmp/odd.jsonl"
"$bin/inspex-report" -q "$tmp/odd.jsonl" > "$tmp/odd.html" 2> "$tmp/odd.err"
check "odd shapes: report exits 2, no crash" test $? -eq 2
check "odd shapes: report names the bad link line" has "$tmp/odd.err" "odd.jsonl:7:"
check "odd shapes: report still writes its page" has "$tmp/odd.html" "</html>"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
