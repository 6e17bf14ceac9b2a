#!/usr/bin/env bash
# PDF reading beside pdftotext -layout (poppler-utils), the same files, one
# process per file each, paired runs by farm-bench: the ratio is inspex's time
# over pdftotext's. inspex-normalize reads the PDF, lays out its tables and
# prints the text view, so it does more than pdftotext; its start-up (loading
# the grammar) is included, as a user pays it.
# Usage: bench/pdf.sh [PDF...]   (default: the PDF originals of the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
normalize=build/tools/inspex-normalize
[ $# -gt 0 ] || set -- tests/fixtures/originals/*.pdf
for pdf in "$@"; do
  echo "== $pdf ($(stat -c %s "$pdf") bytes)"
  farm-bench -n 10 --vs "pdftotext -layout $pdf /dev/null" -- "$normalize" "$pdf" | grep -E "^(A|B) wall|A/B wall" || true
done
