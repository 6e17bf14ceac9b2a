#!/usr/bin/env bash
# Defect 3: SIGINT or SIGTERM in the middle of a run left a partial file under
# the final name and destroyed its previous content (an XLSX left at 0 bytes).
# Now the output is written beside the target and renamed on success only.
# The tool is held reading a pipe, and signalled once its output is open.
source "$(dirname "$0")/lib.bash" "$@"
"$bin/inspex-extract" -q "$elmley" > "$tmp/records.jsonl"
# interrupt SIGNAL NAME OUT PIPE FEED COMMAND...: runs COMMAND in the background
# reading PIPE, writes FEED's first lines to it, signals it once OUT's
# temporary is open, and checks OUT kept its previous content.
interrupt() {
  local signal=$1 name=$2 out=$3 pipe=$4 feed=$5; shift 5
  printf 'previous content\n' > "$out"
  mkfifo "$pipe"
  # (a background job starts with SIGINT ignored: given back its default)
  env --default-signal=INT "$@" 2> /dev/null &
  local pid=$!
  exec 3> "$pipe"
  head -5 "$feed" >&3
  # Mid-run: once the tool has its output open (a wait for a state, not a time).
  for _ in $(seq 1000); do
    ls -l /proc/$pid/fd 2> /dev/null | grep -q "$tmp/.*$(basename "$out")" && break
    sleep 0.01
  done
  kill -s "$signal" $pid
  exec 3>&-
  wait $pid 2> /dev/null
  local status=$?
  rm -f "$pipe"
  check "SIG$signal $name: killed by the signal (status $status)" test "$status" -gt 128
  check "SIG$signal $name: previous content intact" test "$(cat "$out")" = "previous content"
  check "SIG$signal $name: no temporary file left" test -z "$(ls -A "$tmp" | grep inspex)"
}
for signal in TERM INT HUP; do
  for to in xlsx csv jsonl; do
    interrupt $signal "convert --to $to" "$tmp/out.$to" "$tmp/pipe" "$tmp/records.jsonl" \
      "$bin/inspex-convert" --to $to -o "$tmp/out.$to" "$tmp/pipe"
  done
done
# The same for a batch of inspex-extract: one input read, the next a pipe
# held open.
for signal in TERM INT; do
  for to in xlsx csv; do
    interrupt $signal "extract batch --to $to" "$tmp/batch.$to" "$tmp/pipe.txt" "$elmley" \
      "$bin/inspex-extract" -q -j 1 --to $to -o "$tmp/batch.$to" "$elmley" "$tmp/pipe.txt"
  done
done
# An error before the end (a bad grammar path is found first; here an output
# that cannot be committed) leaves the previous content too.
printf 'previous content\n' > "$tmp/kept.jsonl"
chmod 640 "$tmp/kept.jsonl"
expect "a successful run replaces the file" 0 "$bin/inspex-convert" --to jsonl -o "$tmp/kept.jsonl" "$tmp/records.jsonl"
check "replaced by the records" cmp -s "$tmp/kept.jsonl" "$tmp/records.jsonl"
check "its permissions kept" test "$(stat -c %a "$tmp/kept.jsonl")" = 640
finish
