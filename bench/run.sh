#!/usr/bin/env bash
# Issue 10's benchmark: inspex beside cat, one grep -P pass, TextFSM and
# pdftotext, run in turns (round-robin, ROUNDS rounds) in the same run on the
# same files, medians and ratios printed as the issue's goal table; then peak
# memory (/usr/bin/time %M) against batch size for every output format, and
# against the largest document.
#
# Usage: bench/run.sh [--tiny] [COPIES [ROUNDS]]   (build first: scripts/build.sh)
#   COPIES    copies of the five samples/*.txt in the corpus (default 40:
#             200 documents, 6.1 MB; the action plans alone 120, 3.5 MB)
#   ROUNDS    rounds of every timed command (default 5); medians are shown
#   --tiny    1 round, 2 copies, batches of 1 and 5, a 1 MB large document:
#             checks that the script runs (the smoke test), measures nothing
# Environment:
#   BATCHES   documents per batch for the memory table (default "1 500 5000")
#   LARGE_MB  size of the large action plan made by bench/make_large.py
#             (default 20; issue 10 quotes 50)
#   BIN       folder of the inspex tools (default build/tools)
#   FORMATS   output formats for the memory table, -j2, FORMAT:j1 for -j1
#             (default: all six, and jsonl:j1)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tiny=0
if [ "${1:-}" = "--tiny" ]; then
  tiny=1
  shift
fi
copies=${1:-40}
rounds=${2:-5}
batches=${BATCHES:-1 500 5000}
large_mb=${LARGE_MB:-20}
if [ "$tiny" = 1 ]; then
  copies=2 rounds=1 batches="1 5" large_mb=1
fi
bin=${BIN:-build/tools}
extract=$bin/inspex-extract
normalize=$bin/inspex-normalize
python=/usr/bin/python3 # Debian's, where python3-textfsm is installed
# (jsonl:j1: JSON Lines on one thread, the pool's threads and their heaps left out)
formats=${FORMATS:-jsonl json csv tsv xlsx sqlite jsonl:j1}
for tool in "$extract" "$normalize"; do
  [ -x "$tool" ] || { echo "bench/run.sh: $tool not built (scripts/build.sh)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The corpora: all five families, the action plans alone, the originals.
mkdir -p "$work/all" "$work/plans" "$work/pdf" "$work/originals"
for i in $(seq 1 "$copies"); do
  for f in samples/*.txt; do
    name=$(basename "$f" .txt)
    cp "$f" "$work/all/$name-$i.txt"
    case $name in action-plan-*) cp "$f" "$work/plans/$name-$i.txt" ;; esac
  done
done
cp tests/fixtures/originals/*.{docx,odt,pdf,html} "$work/originals/"
cp tests/fixtures/originals/*.pdf "$work/pdf/"
small=samples/un-action-plan-chelmsford-2021.txt

bytes() { cat "$@" | wc -c; }
all_bytes=$(bytes "$work"/all/*)
plan_bytes=$(bytes "$work"/plans/*)
mb() { echo "scale=2; $1 / 1048576" | bc; }

# The timed commands, each a function; output is thrown away.
grep_pattern='^\s*\d{1,2}\.\d{1,3}\b.*\b(Agreed|Partly Agreed|Not Agreed)\b'
t_cat() { cat "$work"/all/* > /dev/null; }
t_grep() { grep -P -c "$grep_pattern" "$work"/all/* > /dev/null || true; }
t_textfsm() { "$python" bench/textfsm_run.py bench/action_plan.textfsm "$work"/plans/* > /dev/null; }
t_j1() { "$extract" -q -j 1 "$work/all" > /dev/null || true; }
t_j2() { "$extract" -q -j 2 "$work/all" > /dev/null || true; }
t_plans() { "$extract" -q -j 1 "$work/plans" > /dev/null || true; }
# (the small document's process is run small_runs times a turn and the time
# divided: one run is as short as the two clock reads around it)
small_runs=20
t_small() { for _ in $(seq 1 "$small_runs"); do "$extract" -q -j 1 "$small" > /dev/null || true; done; }
t_originals() { "$extract" -q -j 1 "$work/originals" > /dev/null || true; }
t_pdf() { for f in "$work"/pdf/*.pdf; do "$normalize" "$f" > /dev/null || true; done; }
t_pdftotext() { for f in "$work"/pdf/*.pdf; do pdftotext -layout "$f" /dev/null; done; }
measures=(cat grep textfsm j1 j2 plans small originals pdf pdftotext)

declare -A seconds
for _ in $(seq 1 "$rounds"); do
  for m in "${measures[@]}"; do
    start=$(date +%s%N)
    "t_$m"
    end=$(date +%s%N)
    seconds[$m]+="$(echo "scale=6; ($end - $start) / 1000000000" | bc) "
  done
done
median() { tr ' ' '\n' <<< "${seconds[$1]}" | grep . | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
declare -A med
for m in "${measures[@]}"; do med[$m]=$(median "$m"); done
med[small]=$(echo "scale=6; ${med[small]} / $small_runs" | bc)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# ok VALUE OP GOAL: "met" or "NOT met".
ok() { if [ "$(echo "$1 $2 $3" | bc)" = 1 ]; then echo met; else echo "NOT met"; fi; }

echo "inspex bench: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "tools: $bin"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $(ls "$work/all" | wc -l) documents, $(mb "$all_bytes") MB ($copies copies of the five samples);" \
     "action plans $(ls "$work/plans" | wc -l), $(mb "$plan_bytes") MB; originals $(ls "$work/originals" | wc -l) files," \
     "$(ls "$work/pdf" | wc -l) PDF"
echo "rounds: $rounds, commands in turns; medians"
echo
printf '%-44s %9s %10s\n' "command" "median s" "MB/s"
row() { printf '%-44s %9.3f %10s\n' "$1" "${med[$2]}" "${3:+$(echo "scale=1; $3 / 1048576 / ${med[$2]}" | bc)}"; }
row "cat, all five families" cat "$all_bytes"
row "grep -P -c (one pass), all five families" grep "$all_bytes"
row "TextFSM (python3-textfsm), action plans" textfsm "$plan_bytes"
row "inspex-extract -j1, all five families" j1 "$all_bytes"
row "inspex-extract -j2, all five families" j2 "$all_bytes"
row "inspex-extract -j1, action plans" plans "$plan_bytes"
row "inspex-extract, one small document" small
row "inspex-extract -j1, the originals" originals
row "inspex-normalize per PDF (one process each)" pdf
row "pdftotext -layout per PDF" pdftotext

# The goal table.
inspex_rate=$(echo "scale=6; $all_bytes / ${med[j1]}" | bc)
textfsm_rate=$(echo "scale=6; $plan_bytes / ${med[textfsm]}" | bc)
faster=$(ratio "$inspex_rate" "$textfsm_rate")
vs_grep=$(ratio "${med[j1]}" "${med[grep]}")
scaling=$(ratio "${med[j1]}" "${med[j2]}")
small_ms=$(echo "scale=1; ${med[small]} * 1000 / 1" | bc)
pdf_ratio=$(ratio "${med[pdf]}" "${med[pdftotext]}")
plans_faster=$(ratio "$(echo "scale=6; $plan_bytes / ${med[plans]}" | bc)" "$textfsm_rate")
goals=()
goal() { goals+=("$(printf '| %-72s | %-18s | %-13s | %-7s |' "$1" "$2" "$3" "$4")"); }
goal "extract -j1, all five families, vs TextFSM on the action plans (per MB)" "${faster}x as fast" "at least 5x" "$(ok "$faster" '>=' 5)"
goal "(the same, extract -j1 on the action plans alone)" "${plans_faster}x as fast" "" ""
goal "extract -j1 vs one grep -P pass over the same files" "${vs_grep}x the time" "at most 8x" "$(ok "$vs_grep" '<=' 8)"
goal "extract -j2 vs -j1" "${scaling}x as fast" "at least 1.8x" "$(ok "$scaling" '>=' 1.8)"

# Memory: peak RSS against batch size, per format, -j2 (the queue bounded).
mkdir -p "$work/batch"
samples=(samples/*.txt)
peak() { # peak KB of one extract into FORMAT[:jN] (default -j2), the output a file
  local format=${1%%:*} jobs=2 out=$work/out.${1%%:*}
  if [[ $1 == *:j* ]]; then jobs=${1##*:j}; fi
  shift
  rm -f "$out"
  /usr/bin/time -f %M -o "$work/rss" "$extract" -q -j "$jobs" -t "$format" -o "$out" "$@" > /dev/null 2>&1 || true
  rm -f "$out"
  cat "$work/rss"
}
declare -A rss
max_batch=0
for n in $batches; do
  dir=$work/batch/$n
  mkdir -p "$dir"
  for i in $(seq 1 "$n"); do
    f=${samples[$(( (i - 1) % ${#samples[@]} ))]}
    ln "$work/all/$(basename "$f" .txt)-1.txt" "$dir/$i-$(basename "$f")"
  done
  for format in $formats; do rss[$format.$n]=$(peak "$format" "$dir"); done
  max_batch=$n
done
first_batch=${batches%% *}
echo
printf '%-8s' "format"
for n in $batches; do printf '%12s' "$n docs"; done
printf '%14s\n' "ratio"
worst=0
for format in $formats; do
  printf '%-8s' "$format"
  for n in $batches; do printf '%9d KB' "${rss[$format.$n]}"; done
  r=$(ratio "${rss[$format.$max_batch]}" "${rss[$format.$first_batch]}")
  printf '%13sx\n' "$r"
  if [ "$(echo "$r > $worst" | bc)" = 1 ]; then worst=$r worst_format=$format; fi
done

# Memory against the largest document: an action plan of LARGE_MB.
"$python" bench/make_large.py samples/action-plan-ashfield-2019.txt "$large_mb" > "$work/large.txt"
large_kb=$(( $(stat -c %s "$work/large.txt") / 1024 ))
large_rss=$(peak jsonl "$work/large.txt")
start=$(date +%s%N)
"$extract" -q -j 1 "$work/large.txt" > /dev/null || true
large_s=$(echo "scale=3; ($(date +%s%N) - $start) / 1000000000" | bc)
large_ratio=$(ratio "$large_rss" "$large_kb")
echo
echo "largest document: $(mb $(( large_kb * 1024 ))) MB action plan, peak $(( large_rss / 1024 )) MB (jsonl), ${large_s} s"
goal "peak memory, $max_batch documents vs $first_batch, any output format (worst: $worst_format)" "${worst}x" "at most 1.2x" "$(ok "$worst" '<=' 1.2)"
goal "peak memory vs largest document ($large_mb MB)" "${large_ratio}x" "at most 3x" "$(ok "$large_ratio" '<=' 3)"
goal "one small document, whole process ($(( $(stat -c %s "$small") / 1024 )) KB)" "${small_ms} ms" "at most 8 ms" "$(ok "$small_ms" '<=' 8)"
goal "PDF reading (inspex-normalize) vs pdftotext -layout" "${pdf_ratio}x the time" "at most 1.5x" "$(ok "$pdf_ratio" '<=' 1.5)"

echo
echo "goals of issue 10 (ratios measured in this run):"
printf '| %-72s | %-18s | %-13s | %-7s |\n' "measure" "now" "goal" ""
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..74})" "$(printf -- '-%.0s' {1..20})" "$(printf -- '-%.0s' {1..15})" "$(printf -- '-%.0s' {1..9})"
printf '%s\n' "${goals[@]}"
