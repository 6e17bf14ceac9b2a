#!/usr/bin/env bash
# Defect 3: SIGINT or SIGTERM in the middle of a run left a partial file under
# the final name and destroyed its previous content (an XLSX left at 0 bytes).
# Now the output is written beside the target and renamed on success only.
# The tool is held reading a pipe, and signalled once its output is open.
source "$(dirname "$0")/lib.bash" "$@"
"$bin/inspex-extract" -q "$elmley" > "$tmp/records.jsonl"
for signal in TERM INT HUP; do
  for to in xlsx csv jsonl; do
    printf 'previous content\n' > "$tmp/out.$to"
    mkfifo "$tmp/pipe"
    # (a background job starts with SIGINT ignored: given back its default)
    env --default-signal=INT "$bin/inspex-convert" --to $to -o "$tmp/out.$to" < "$tmp/pipe" 2> /dev/null &
    pid=$!
    exec 3> "$tmp/pipe"
    head -5 "$tmp/records.jsonl" >&3
    # Mid-run: once the tool has its output open (a wait for a state, not a time).
    for _ in $(seq 1000); do
      ls -l /proc/$pid/fd 2> /dev/null | grep -q "$tmp/.*out\.$to" && break
      sleep 0.01
    done
    kill -s $signal $pid
    exec 3>&-
    wait $pid 2> /dev/null
    status=$?
    rm -f "$tmp/pipe"
    check "SIG$signal --to $to: killed by the signal (status $status)" test "$status" -gt 128
    check "SIG$signal --to $to: previous content intact" test "$(cat "$tmp/out.$to")" = "previous content"
    check "SIG$signal --to $to: no temporary file left" test -z "$(ls -A "$tmp" | grep inspex)"
  done
done
# The same for a batch of inspex-extract: one input read, the next a pipe
# held open, the signal once the output is open.
for signal in TERM INT; do
  for to in xlsx csv; do
    printf 'previous content\n' > "$tmp/batch.$to"
    mkfifo "$tmp/pipe.txt"
    env --default-signal=INT "$bin/inspex-extract" -q -j 1 --to $to -o "$tmp/batch.$to" "$elmley" "$tmp/pipe.txt" 2> /dev/null &
    pid=$!
    exec 3> "$tmp/pipe.txt"
    head -5 "$elmley" >&3
    for _ in $(seq 1000); do
      ls -l /proc/$pid/fd 2> /dev/null | grep -q "$tmp/.*batch\.$to" && break
      sleep 0.01
    done
    kill -s $signal $pid
    exec 3>&-
    wait $pid 2> /dev/null
    status=$?
    rm -f "$tmp/pipe.txt"
    check "extract batch SIG$signal --to $to: killed by the signal (status $status)" test "$status" -gt 128
    check "extract batch SIG$signal --to $to: previous content intact" test "$(cat "$tmp/batch.$to")" = "previous content"
    check "extract batch SIG$signal --to $to: no temporary file left" test -z "$(ls -A "$tmp" | grep inspex)"
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
