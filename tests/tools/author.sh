#!/usr/bin/env bash
# For grammar authors: inspex test over the built-in grammars' examples, over
# a broken copy of a grammar (a field diff, exit 1), over bad example files
# (file:line, exit 2); and extract --trace, whose lines are checked on a
# sample while the records stay the same. Usage: author.sh BIN_DIR (from the source root).
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
expect() {
  local name=$1 want=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  out=$(cat "$tmp/out"); err=$(cat "$tmp/err")
  if [ "$got" -eq "$want" ]; then return 0; fi
  echo "FAIL $name: exit $got, wanted $want"; echo "  stdout: $out" | head -5; echo "  stderr: $err" | head -5
  failed=$((failed + 1)); return 1
}
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
has() { grep -qF -- "$2" <<< "$1"; }

# Every built-in grammar carries examples, and they pass.
expect "test: built-in grammars" 0 "$bin/inspex" test
for g in action-plan irp-report un-action-plan; do
  check "test: $g has examples that pass" has "$out" "ok   $g/"
done
examples=$(( $(ls grammars/examples/*/*.expected.jsonl | wc -l) + $(cat grammars/examples/*/*.examples.md | grep -c '^```example$') ))
check "test: the summary" has "$out" "3 grammars: $examples examples passed, 0 failed, 0 errors"
expect "test: one grammar by name" 0 "$bin/inspex-test" -q un-action-plan
check "test: -q prints nothing when all pass" test -z "$out$err"
expect "test: a grammar by path, one example" 0 "$bin/inspex-test" -e elmley grammars/action-plan.toml
check "test: --example chooses" test "$(grep -c '^ok' <<< "$out")" -eq 1
expect "test: help" 0 "$bin/inspex-test" --help
check "test: help gives the exit codes" has "$out" "1 an example failed"

# A broken copy of a grammar, in a folder of its own: "Partly Agreed" is no
# longer a status it knows (its partly_agreed pattern wants "partially"). Its examples fail
# with a field diff naming the expected file's line, the record and the field.
mkdir -p "$tmp/mine/examples"
cp -r grammars/examples/action-plan "$tmp/mine/examples/"
sed "s/^partly_agreed = .*/partly_agreed = '(?i)partially\\\\s+agreed'/" grammars/action-plan.toml > "$tmp/mine/action-plan.toml"
check "broken copy made" grep -q "partially" "$tmp/mine/action-plan.toml"
expect "test: a broken grammar fails" 1 "$bin/inspex" test "$tmp/mine/action-plan.toml"
expected="$tmp/mine/examples/action-plan/ashfield-headings.expected.jsonl"
line=$(grep -n '"ref":"5.1"' "$expected" | cut -d: -f1)
check "test: FAIL line names the example" has "$out" "FAIL action-plan/ashfield-headings:"
check "test: the diff names file:line, record, field, expected and actual" \
  has "$out" "$expected:$line: recommendation 5.1: .status: expected \"partly_agreed\", got null"
check "test: the summary counts the failures" has "$out" "1 grammar: 2 examples passed, 4 failed, 0 errors"
# The same grammar found by name along --grammar-path, before the built-in one.
expect "test: by name along --grammar-path" 1 "$bin/inspex-test" --grammar-path "$tmp/mine" action-plan

# A cmark-style examples file: a block not closed is an error at its
# opening line; a failing example's diff names its record's line in the file.
cases="$tmp/mine/examples/action-plan/cases.examples.md"
cp "$cases" "$tmp/cases.md"
head -n -1 "$tmp/cases.md" > "$cases"
expect "test: an example block not closed" 2 "$bin/inspex-test" "$tmp/mine/action-plan.toml"
check "test: its opening line named" has "$err" "inspex-test: $cases:$(grep -n '^```example$' "$cases" | tail -1 | cut -d: -f1): example not closed"
sed 's/^5.15\(→Recommendation (2.45)\)/5.14\1/' "$tmp/cases.md" > "$cases"
expect "test: a cmark-style example that fails" 1 "$bin/inspex-test" -e cases "$tmp/mine/action-plan.toml"
check "test: its diff names the line of its record in the file" has "$out" "$cases:$(grep -n '"ref":"5.15"' "$cases" | cut -d: -f1): recommendation 5.15: .ref: expected \"5.15\", got \"5.14\""
cp "$tmp/cases.md" "$cases"

# Bad example files: exit 2, with file and line.
printf '{"kind":"document"}\nnot json\n' > "$tmp/mine/examples/action-plan/ashfield-headings.expected.jsonl"
expect "test: a bad expected file" 2 "$bin/inspex-test" "$tmp/mine/action-plan.toml"
check "test: bad line named" has "$err" "inspex-test: $tmp/mine/examples/action-plan/ashfield-headings.expected.jsonl:2: not a JSON record"
rm "$tmp/mine/examples/action-plan/ashfield-headings.expected.jsonl"
expect "test: an input without its expected records" 2 "$bin/inspex-test" "$tmp/mine/action-plan.toml"
check "test: orphan input named" has "$err" "$tmp/mine/examples/action-plan/ashfield-headings.txt: an input without its expected records (ashfield-headings.expected.jsonl)"
cp grammars/un-action-plan.toml "$tmp/mine/lonely.toml"
sed -i 's/^name = "un-action-plan"/name = "lonely"/' "$tmp/mine/lonely.toml"
expect "test: a grammar without examples" 2 "$bin/inspex-test" "$tmp/mine/lonely.toml"
check "test: no examples folder named" has "$err" "inspex-test: $tmp/mine/examples/lonely: no examples"
expect "test: unknown grammar" 2 "$bin/inspex-test" action-plam
check "test: did you mean" has "$err" 'did you mean "action-plan"?'

# extract --trace: the records are the same, and the lines say what happened.
elmley=samples/action-plan-elmley-2022.txt
expect "trace: extract" 0 "$bin/inspex-extract" -g action-plan --trace "$elmley"
check "trace: records unchanged" cmp -s "$tmp/out" samples/action-plan-elmley-2022.expected.jsonl
check "trace: before the table" has "$err" "inspex-extract: $elmley:3: trace: outside: left out: before the table's header: \"Action Plan: HMP Elmley\""
check "trace: the header" has "$err" "inspex-extract: $elmley:26: trace: header: the table's header: \"1. Rec No 2. Recommendation"
check "trace: a heading sets its context" has "$err" "inspex-extract: $elmley:27: trace: heading: context section = \"Key concerns and recommendations\" (rule at action-plan.toml:"
check "trace: a row and its columns" has "$err" "inspex-extract: $elmley:28: trace: row: column ref, recommendation, status, response, owner, target: \"7.1 Key concern 1.42:"
check "trace: a cell left out, and why" has "$err" "inspex-extract: $elmley:72: trace: continuation: column recommendation, response; left out: cell \"2001000.000\" fits no column (its position is column \"target date\"): \"of prison staff"
check "trace: the table's end" has "$err" "inspex-extract: $elmley:151: trace: end: left out: the table ends here (end at action-plan.toml:"
check "trace: after it" has "$err" "inspex-extract: $elmley:152: trace: outside: left out: after the table's end: \"Agreed 17\""
check "trace: every line of the input is said" test "$(grep -o "^inspex-extract: $elmley:[0-9]*: trace" <<< "$err" | sort -u | wc -l)" -eq "$(wc -l < "$elmley")"
check "trace: a line a document rule read" has "$err" "inspex-extract: $elmley:5: trace: document: field submitted (document rule at action-plan.toml:"
check "trace: a stated count" has "$err" "inspex-extract: $elmley:152: trace: document: stated count agreed (document rule at action-plan.toml:"
expect "trace: to a file" 0 "$bin/inspex-extract" -q -g action-plan --trace-to "$tmp/trace.txt" "$elmley"
check "trace: file has the lines, without the tool's name" has "$(cat "$tmp/trace.txt")" "$elmley:26: trace: header: the table's header"
check "trace: -q leaves stderr empty" test -z "$err"
un=samples/un-action-plan-chelmsford-2021.txt
expect "trace: stream" 0 "$bin/inspex-extract" -q -g un-action-plan --trace-to "$tmp/un.txt" "$un"
trace=$(cat "$tmp/un.txt")
check "trace: stream records unchanged" cmp -s "$tmp/out" samples/un-action-plan-chelmsford-2021.expected.jsonl
check "trace: a class and the rule and part that took the line" has "$trace" "$un:16: trace: class O (un-action-plan.toml:"
action_rule=$(grep -n "pattern = '\\\\G(?<action>" grammars/un-action-plan.toml | cut -d: -f1)
check "trace: ... the rule's grammar line, part owner" has "$(grep "^$un:16:" <<< "$trace")" "rule at un-action-plan.toml:$action_rule, part owner: \"Governor, Head of PPSP and Head of Prison Safety Team\""
check "trace: a context rule" has "$(grep "^$un:9:" <<< "$trace")" "context rule at un-action-plan.toml:"
irp=samples/irp-report-chelmsford-2022.txt
expect "trace: prose" 0 "$bin/inspex-extract" -q -g irp-report --trace-to "$tmp/irp.txt" "$irp"
trace=$(cat "$tmp/irp.txt")
check "trace: a block over lines, its class and part" has "$trace" "$irp:149-157: trace: class C (irp-report.toml:"
check "trace: a caption left out" has "$trace" "$irp:416: trace: caption: left out: a caption: it stands before a numbered paragraph: \"Servery\""
check "trace: a blank line in the stream" has "$(cat "$tmp/un.txt")" "$un:10: trace: blank: left out: blank"
check "trace: records unchanged with --trace" cmp -s "$tmp/out" samples/irp-report-chelmsford-2022.expected.jsonl
expect "trace: unwritable file" 2 "$bin/inspex-extract" -q -g action-plan --trace-to /no/such/dir/t "$elmley"
check "trace: unwritable file named" has "$err" "/no/such/dir/t: cannot write the trace"
cp "$elmley" "$tmp/plan.txt"
expect "trace: a trace file that is an input is refused" 2 "$bin/inspex-extract" -q --trace-to "$tmp/plan.txt" "$tmp/plan.txt"
check "trace: ... and the input is left whole" cmp -s "$elmley" "$tmp/plan.txt"
expect "trace: --trace takes no value" 0 "$bin/inspex-extract" -q --trace "$tmp/plan.txt"
check "trace: ... so the file after it is an input" test "$(wc -l <<< "$out")" -eq 19

echo "author: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
