#!/usr/bin/env bash
# Rewrites every samples/*.expected.jsonl from the current build, then shows
# what changed. Read every changed field against the source document before
# committing: a golden file is a reviewed statement, not a snapshot.
# Usage: update.sh INSPEX_EXTRACT (from the source root; `make update-golden`).
set -euo pipefail
extract=$1
for expected in samples/*.expected.jsonl; do
  input=${expected%.expected.jsonl}.txt
  grammar=$(head -1 "$expected" | jq -r .grammar)
  "$extract" -q -g "$grammar" "$input" > "$expected"
done
git diff --stat -- samples/ || true
echo "update-golden: review each change with: git diff -- samples/ (jq . on both sides helps)"
