#!/usr/bin/env bash
# Runs one case of the bad-input matrix (cases.tsv): makes its input, runs its
# command, checks the exit status and the message, then that every record of
# the good inputs beside the bad one came out unchanged.
# Usage: run.sh BIN_DIR CASE   (run from the source root; ctest: bad-input.CASE)
set -u
bin=$(cd "$1" && pwd) name=$2
here=tests/bad-input
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL $name: $*"; exit 1; }

row=$(awk -F'\t' -v c="$name" '$1 == c' "$here/cases.tsv")
[ -n "$row" ] || fail "no such case in $here/cases.tsv"
IFS=$'\t' read -r _ input command want expect good <<< "$row"
case $input in
  -) in= ;;
  make:*) in=$(bash "$here/make.sh" "${input#make:}" "$tmp") || fail "make.sh ${input#make:}" ;;
  *) in=$input ;;
esac
cat samples/*.expected.jsonl > "$tmp/samples.jsonl"
fill() {
  local s=${1//\{in\}/$in}
  s=${s//\{tmp\}/$tmp}
  s=${s//\{records\}/$tmp/samples.jsonl}
  echo "${s//\{good\}/$(echo samples/*.txt)}"
}
command=$(fill "$command")
expect=$(fill "$expect")

case $command in
  script\ *) bash "${command#script }" "$bin" > "$tmp/out" 2> "$tmp/err" ;;
  unit\ *) "$bin/../tests/unit_tests" --no-intro --test-case="${command#unit }" > "$tmp/out" 2> "$tmp/err" ;;
  *) PATH="$bin:$PATH" bash -c "$command" > "$tmp/out" 2> "$tmp/err" ;;
esac
status=$?
[ "$status" -eq "$want" ] || { head -c 2000 "$tmp/out" "$tmp/err"; fail "exit $status, wanted $want: $command"; }
case $expect in
  -) ;;
  out:*) grep -qF -- "${expect#out:}" "$tmp/out" || fail "standard output lacks: ${expect#out:}" ;;
  *) grep -qF -- "$expect" "$tmp/err" "$tmp/out" || { head -c 2000 "$tmp/err"; fail "no message: $expect"; } ;;
esac
if [[ $command == unit\ * ]]; then
  grep -qE 'test cases: *[1-9][0-9]* \| *[1-9][0-9]* passed' "$tmp/out" || fail "no unit test case ran"
fi
if [ "$good" = all ]; then
  for expected in samples/*.expected.jsonl; do
    doc=$(basename "$expected" .expected.jsonl)
    jq -c --arg d "$doc" 'select(.doc == $d)' "$tmp/out" 2> /dev/null | cmp -s - "$expected" ||
      fail "the records of $doc, a good input beside the bad one, are not all in the output"
  done
fi
[ "$good" = all ] && good=", every good record out" || good=
echo "ok $name: exit $status, said \"$expect\"$good"
