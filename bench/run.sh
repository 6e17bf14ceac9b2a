#!/usr/bin/env bash
# Throughput and memory of inspex-extract on a fixed corpus (the action-plan
# samples copied N times), beside baselines run on the same files: cat (the
# cost of reading) and grep -c over every line (a trivial regex pass).
# Usage: bench/run.sh [COPIES]   (build first: scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-200}
extract=build/tools/inspex-extract
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
for i in $(seq 1 "$copies"); do
  for f in samples/action-plan-*.txt; do cp "$f" "$corpus/$(basename "$f" .txt)-$i.txt"; done
done
files=$(ls "$corpus" | wc -l)
bytes=$(cat "$corpus"/*.txt | wc -c)
mb=$(echo "scale=2; $bytes / 1048576" | bc)

# run LABEL MB DOCS COMMAND...: best wall time of three runs, and peak memory.
run() {
  local label=$1 size=$2 docs=$3; shift 3
  local best=999999 rss=0 start end secs
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$corpus/.mem" "$@" > /dev/null
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc)
    best=$(echo "if ($secs < $best) $secs else $best" | bc)
    rss=$(cat "$corpus/.mem")
  done
  printf '%-34s %8.3f s %9.1f MB/s %9.0f docs/s %8d KB peak\n' "$label" "$best" \
    "$(echo "scale=2; $size / $best" | bc)" "$(echo "scale=2; $docs / $best" | bc)" "$rss"
  eval "time_${label//[^a-z0-9]/_}=$best"
}

echo "corpus: $files documents, $mb MB ($copies copies of the action-plan samples)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
one=samples/action-plan-elmley-2022.txt
one_mb=$(echo "scale=4; $(wc -c < $one) / 1048576" | bc)
run "baseline cat" "$mb" "$files" bash -c "cat '$corpus'/*.txt"
run "baseline grep -c ." "$mb" "$files" bash -c "grep -c . '$corpus'/*.txt"
run "inspex-extract -j1" "$mb" "$files" "$extract" -q -g action-plan -j 1 "$corpus"
run "inspex-extract -j$(nproc)" "$mb" "$files" "$extract" -q -g action-plan -j "$(nproc)" "$corpus"
run "inspex-extract -j1, detecting" "$mb" "$files" "$extract" -q -j 1 "$corpus"
run "inspex-extract, one document" "$one_mb" 1 "$extract" -q -g action-plan -j 1 "$one"
echo
jobs_time=$(eval echo "\$time_inspex_extract__j$(nproc)")
echo "ratios: extract -j1 takes $(echo "scale=1; $time_inspex_extract__j1 / $time_baseline_grep__c__" | bc)x the time of grep -c;" \
     "-j$(nproc) is $(echo "scale=2; $time_inspex_extract__j1 / $jobs_time" | bc)x faster than -j1"
