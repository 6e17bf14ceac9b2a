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

# run LABEL COMMAND...: best wall time of three runs, and peak memory, of COMMAND.
run() {
  local label=$1; shift
  local best=999999 rss=0
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$corpus/.time" "$@" > /dev/null
    read -r secs kb < "$corpus/.time"
    best=$(echo "if ($secs < $best) $secs else $best" | bc)
    rss=$kb
  done
  printf '%-34s %7.2f s %8.1f MB/s %8.0f docs/s %8d KB peak\n' "$label" "$best" \
    "$(echo "scale=2; $mb / ($best + 0.001)" | bc)" "$(echo "scale=2; $files / ($best + 0.001)" | bc)" "$rss"
  eval "time_${label//[^a-z0-9]/_}=$best"
}

echo "corpus: $files documents, $mb MB ($copies copies of the action-plan samples)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
run "baseline cat" bash -c "cat '$corpus'/*.txt"
run "baseline grep -c ." bash -c "grep -c . '$corpus'/*.txt"
run "inspex-extract -j1" "$extract" -q -g action-plan -j 1 "$corpus"
run "inspex-extract -j$(nproc)" "$extract" -q -g action-plan -j "$(nproc)" "$corpus"
run "inspex-extract -j1, one document" "$extract" -q -g action-plan -j 1 samples/action-plan-elmley-2022.txt
echo
echo "ratios: extract -j1 / grep: $(echo "scale=1; $time_inspex_extract__j1 / ($time_baseline_grep__c__ + 0.001)" | bc)x;" \
     "extract -j1 / -j$(nproc): $(echo "scale=2; $time_inspex_extract__j1 / (${time_inspex_extract__j2:-$time_inspex_extract__j1} + 0.001)" | bc)x speed-up"
