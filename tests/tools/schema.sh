#!/usr/bin/env bash
# The record format's JSON Schemas (docs/schema/) hold every reviewed record:
# the samples', the originals', the links', the grammar examples', and an
# unreadable input's document record; and a wrong record fails, naming its
# file, line and field. Usage: schema.sh BIN_DIR (run from the source root).
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
has() { grep -qF -- "$2" <<< "$1"; }
if ! /usr/bin/python3 -c 'import jsonschema' 2> /dev/null; then
  echo "FAIL python3-jsonschema is not installed: bash scripts/install-deps.sh --tests installs it"
  exit 1
fi
validate() { /usr/bin/python3 tests/tools/check-schema.py docs/schema "$@"; }

# The records of the cmark-style examples: the lines between "." and the closing fence.
cat grammars/examples/*/*.examples.md | sed -n '/^\.$/,/^```/p' | grep '^{' > "$tmp/inline.jsonl"
check "the examples files hold records" test -s "$tmp/inline.jsonl"
reviewed=(samples/*.expected.jsonl tests/fixtures/originals/*.expected.jsonl
  tests/track/*.expected.jsonl grammars/examples/*/*.expected.jsonl "$tmp/inline.jsonl")
out=$(validate "${reviewed[@]}")
check "every reviewed record fits its kind's schema" test $? -eq 0
echo "$out" | tail -1
check "every record was read" has "$out" "${#reviewed[@]} files, $(cat "${reviewed[@]}" | grep -c .) records, 0 schema errors"

printf 'Shopping list\nmilk\n' > "$tmp/notes.txt"
"$bin/inspex-extract" -q "$tmp/notes.txt" samples/action-plan-elmley-2022.txt > "$tmp/run.jsonl" 2> /dev/null
fits() { validate "$@" > "$tmp/fits.out"; }
check "an unreadable input's document record fits too" fits "$tmp/run.jsonl"
check "... and it is there" test "$(jq -r 'select(.error) | .doc' "$tmp/run.jsonl")" = notes

# wrong RECORDS_JQ WANTED: the Elmley records changed by RECORDS_JQ must fail, saying WANTED.
wrong() {
  jq -c "$1" samples/action-plan-elmley-2022.expected.jsonl > "$tmp/wrong.jsonl"
  out=$(validate "$tmp/wrong.jsonl")
  local status=$?
  check "wrong record fails ($2)" test "$status" -eq 1
  check "the error names file, line and field ($2)" has "$out" "$2"
}
wrong 'if .ref == "7.3" then .status = "Agreed" else . end' \
  "$tmp/wrong.jsonl:4: recommendation 7.3: .status: 'Agreed' is not one of"
wrong 'if .ref == "7.1" then del(.owners) else . end' \
  "$tmp/wrong.jsonl:2: recommendation 7.1: .: 'owners' is a required property"
wrong 'if .ref == "7.1" then .target_dates[0].date = "Sept 2022" else . end' \
  "$tmp/wrong.jsonl:2: recommendation 7.1: .target_dates[0].date:"
wrong 'if .ref == "7.1" then .concern = "" else . end' "recommendation 7.1: .concern: ''"
wrong 'if .kind == "document" then .stated.agreed = "17" else . end' "$tmp/wrong.jsonl:1: document: .stated"
wrong 'if .ref == "7.2" then .kind = "recomendation" else . end' "no schema for kind 'recomendation'"

echo "schema: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
