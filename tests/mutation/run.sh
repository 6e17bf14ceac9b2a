#!/usr/bin/env bash
# Mutation tests: copies of the samples with one fact changed must each be
# caught by inspex-validate with the right code, and the unchanged samples
# must give no false error. Usage: run.sh BIN_DIR (from the source root).
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ashfield=samples/action-plan-ashfield-2019.txt
irp=samples/irp-report-chelmsford-2022.txt

# codes FILE: the finding codes inspex-validate reports for FILE, one per line.
codes() { "$bin/inspex-extract" -q "$1" | "$bin/inspex-validate" --format json | jq -r .code; }
# errors FILE: the codes of its error findings.
errors() { "$bin/inspex-extract" -q "$1" | "$bin/inspex-validate" --format json | jq -r 'select(.severity == "error") | .code'; }

# mutate NAME SOURCE AWK_PROGRAM WANTED_CODE: changes one fact, expects the code.
mutate() {
  local name=$1 source=$2 program=$3 want=$4
  local copy="$tmp/$name.txt"
  awk "$program" "$source" > "$copy"
  if cmp -s "$source" "$copy"; then
    echo "FAIL $name: the mutation changed nothing"; failed=$((failed + 1)); return
  fi
  if codes "$copy" | grep -qx "$want"; then
    passed=$((passed + 1))
  else
    echo "FAIL $name: wanted $want, got: $(codes "$copy" | sort -u | tr '\n' ' ')"; failed=$((failed + 1))
  fi
}

mutate status-flipped "$ashfield" 'NR == 57 { sub(/\tAgreed\t/, "\tPartly Agreed\t") } 1' count-mismatch
mutate row-deleted "$ashfield" 'NR != 59' sequence-gap
mutate row-deleted-total "$ashfield" 'NR != 59' total-mismatch
mutate row-duplicated "$ashfield" '1; NR == 59' duplicate-ref
mutate totals-changed "$ashfield" '/^Agreed\t20/ { sub(/20/, "21") } 1' count-mismatch
mutate date-before-submission "$ashfield" 'NR == 57 { sub(/October 2019$/, "October 2018") } 1' date-before-reference
mutate date-far-away "$ashfield" 'NR == 57 { sub(/October 2019$/, "October 2039") } 1' date-far-away
mutate summary-changed "$irp" 'NR == 756 { sub(/Reasonable progress/, "Good progress") } 1' statements-disagree
mutate stated-judgement-changed "$irp" 'NR == 110 { sub(/good progress in three/, "good progress in four") } 1' count-mismatch
mutate response-cut "$ashfield" 'NR == 95 { sub(/\tAll prisoner contacts[^\t]*\t/, "\tTo be done.\t") } 1' short-text

for sample in samples/*.txt; do
  got=$(errors "$sample" | sort -u | tr '\n' ' ')
  case "$sample" in
    *stafford*) want="count-mismatch total-mismatch " ;; # true: two rows lost from the text
    *) want="" ;;
  esac
  if [ "$got" = "$want" ]; then passed=$((passed + 1)); else echo "FAIL unchanged $sample: errors '$got', wanted '$want'"; failed=$((failed + 1)); fi
done

echo "mutation: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
