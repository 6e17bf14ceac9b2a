#!/usr/bin/env bash
# Writes the inputs that make fuzz_write's replay reach each writer: the first
# byte chooses it (a digit 0-5: JSON Lines, JSON, CSV, TSV, XLSX, SQLite), the
# rest are the first records of each sample. Every records file begins with
# "{", which alone would choose one writer.
# Usage: bash tests/fuzz/make-writer-inputs.sh   (from anywhere)
set -euo pipefail
cd "$(dirname "$0")/../.."
names=(jsonl json csv tsv xlsx sqlite)
for choice in 0 1 2 3 4 5; do
  out="tests/regression/records-writer-${names[$choice]}.jsonl"
  { echo "$choice"; for f in samples/*.expected.jsonl; do head -3 "$f"; done; } > "$out"
done
