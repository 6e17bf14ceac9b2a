#!/usr/bin/env bash
# Golden tests of tracking. Usage: check.sh BIN_DIR chelmsford|fixture (from the source root).
# chelmsford: the two Chelmsford samples extracted, tracked, compared with the
# reviewed links, and the joins the issue names asserted one by one.
# fixture: the records made for the test (tests/track/README.md), likewise.
set -u
bin=$1 which=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL $which: $*"; failed=1; }

if [ "$which" = chelmsford ]; then
  "$bin/inspex-extract" -q samples/un-action-plan-chelmsford-2021.txt samples/irp-report-chelmsford-2022.txt > "$tmp/records.jsonl" || fail "extract exited $?"
  input=$tmp/records.jsonl
else
  input=tests/track/fixture-records.jsonl
fi
expected=tests/track/$which.expected.jsonl
"$bin/inspex-track" "$input" > "$tmp/links.jsonl" 2> "$tmp/err" || fail "inspex-track exited $?"
if ! cmp -s "$expected" "$tmp/links.jsonl"; then
  diff -u --label "$expected" --label actual <(jq . "$expected") <(jq . "$tmp/links.jsonl")
  fail "links differ from $expected (read the diff; never regenerate blind)"
fi

# link PROMISE_REF FOLLOWUP_REF|null [PROGRESS [BY]]: the link of that promise.
link() {
  local got
  got=$(jq -r --arg r "$1" 'select(.promise.ref == $r) | "\(.followup.ref // "null") \(.followup.progress // "null") \(.match.by // "null")"' "$tmp/links.jsonl")
  [ "$got" = "$2 ${3:-null} ${4:-null}" ] || fail "promise $1: got \"$got\", wanted \"$2 ${3:-null} ${4:-null}\""
}

if [ "$which" = chelmsford ]; then
  for r in 10.i 10.ii 10.iii; do link "$r" 1.34 good text; done      # Security
  link 11 1.33 reasonable text                                       # Managing Behaviour
  for r in 14.i 14.ii 14.iii 14.iv; do link "$r" 1.37 good text; done # Living Conditions
  for r in 15.i 15.ii 15.iii 15.iv; do link "$r" 1.38 insufficient text; done # Health
  link 17 1.40 insufficient text                                     # Public Protection
  for r in 9.i 9.ii 9.iii; do link "$r" 1.35 reasonable text; done   # Suicide and Self Harm Prevention
  link 16 null                                                       # Equality, Diversity and Faith
  test "$(wc -l < "$tmp/links.jsonl")" -eq 46 || fail "not one link per action (46)"
  grep -qF "un-action-plan-chelmsford-2021.txt:1: inspection-unstated: un-action-plan-chelmsford-2021 does not state" "$tmp/err" || fail "no inspection-unstated note: $(cat "$tmp/err")"
  test "$(jq -r 'select(.overdue == true) | .promise.ref' "$tmp/links.jsonl" | tr '\n' ' ')" = "15.i 15.ii 15.iv 17 " || fail "overdue promises"
else
  link 7.1 1.42 insufficient ref
  link 7.2 1.43 good ref
  link 7.3 3.22 no_meaningful ref
  link 7.5 null                     # followed up only by another inspection or another prison
  test "$(jq -r 'select(.promise.ref == "7.4") | .warnings[0].code' "$tmp/links.jsonl")" = ambiguous-match || fail "7.4 is not reported ambiguous"
  test "$(jq -r 'select(.promise.ref == "7.1") | .overdue' "$tmp/links.jsonl")" = true || fail "7.1 not overdue"
  test "$(jq -r 'select(.promise.ref == "7.3") | .overdue' "$tmp/links.jsonl")" = true || fail "7.3 not overdue (the completed date has no date)"
  test "$(jq -r 'select(.promise.ref == "7.2") | .overdue' "$tmp/links.jsonl")" = false || fail "7.2 due after the review"
  test "$(jq -r 'select(.promise.ref == "7.5") | .overdue' "$tmp/links.jsonl")" = null || fail "7.5 has no follow-up"
  test -z "$(grep -v '^$' "$tmp/err")" || fail "notes where every inspection is stated: $(cat "$tmp/err")"
fi
[ $failed -eq 0 ] && echo "ok track $which: $(wc -l < "$tmp/links.jsonl") links"
exit $failed
