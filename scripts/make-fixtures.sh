#!/usr/bin/env bash
# Remakes the office-suite fixtures in tests/fixtures/ from the samples:
#   tests/fixtures/originals/<name>.{docx,odt,pdf,html}   (LibreOffice Writer)
#   tests/fixtures/originals/<name>-t<year>.expected.jsonl (records of a template variant)
#   tests/fixtures/renditions/<name>.<route>.txt          (text renditions)
# See tests/fixtures/README.md.  Needs: python3, LibreOffice (soffice),
# poppler-utils (pdftotext), pandoc, docx2txt.
#
#   bash scripts/make-fixtures.sh            # originals, renditions, then the check
#   bash scripts/make-fixtures.sh --no-check
set -euo pipefail
cd "$(dirname "$0")/.."

ORIG=tests/fixtures/originals
REND=tests/fixtures/renditions
PROFILE=/tmp/lo-fixtures            # own LibreOffice profile: runs don't collide with a desktop session
SOFFICE=(soffice "-env:UserInstallation=file://$PROFILE" --headless --norestore)
export TZ=UTC LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1704067200

tmp=$(mktemp -d /tmp/inspex-fixtures.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# ---------------------------------------------------------------- originals
echo "== originals ($(soffice --version | head -1))"
python3 scripts/fixtures/make_originals.py "$tmp/src" >/dev/null
mkdir -p "$ORIG" "$REND"
rm -f "$ORIG"/*.docx "$ORIG"/*.odt "$ORIG"/*.pdf "$ORIG"/*.html "$ORIG"/*.expected.jsonl
cp "$tmp"/src/*.expected.jsonl "$ORIG"/   # the records of the older templates' variants
for target in docx odt pdf html:HTML; do
  "${SOFFICE[@]}" --convert-to "$target" --outdir "$ORIG" "$tmp"/src/*.fodt >"$tmp/soffice.log" 2>&1 \
    || { cat "$tmp/soffice.log"; exit 1; }
done
python3 scripts/fixtures/normalize.py "$ORIG"/*.docx "$ORIG"/*.odt "$ORIG"/*.pdf

# ---------------------------------------------------------- text renditions
# Of every original, the plain variants and those with sub-rows (cells merged
# down over a recommendation's actions, as the 2019-2022 plans have them).
echo "== text renditions"
rm -f "$REND"/*.txt
for docx in "$ORIG"/*.docx; do
  name=$(basename "$docx" .docx)
  pdf="$ORIG/$name.pdf"
  pdftotext -layout "$pdf" "$REND/$name.pdftotext-layout.txt"
  pdftotext "$pdf" "$REND/$name.pdftotext.txt"
  pdftotext -raw "$pdf" "$REND/$name.pdftotext-raw.txt"
  python3 scripts/fixtures/site_paste.py "$pdf" "$REND/$name.site-paste.txt"
  # Writer's "save as text" (the equivalent of Word's), UTF-8, LF line ends
  mkdir -p "$tmp/txt"
  "${SOFFICE[@]}" --convert-to 'txt:Text (encoded):UTF8,LF,,,' --outdir "$tmp/txt" "$docx" >"$tmp/soffice.log" 2>&1 \
    || { cat "$tmp/soffice.log"; exit 1; }
  mv "$tmp/txt/$name.txt" "$REND/$name.soffice-txt.txt"
  docx2txt "$docx" - >"$REND/$name.docx2txt.txt"
  pandoc -f docx -t plain "$docx" -o "$REND/$name.pandoc-plain.txt"
done

# The same documents set at 9pt, 11pt and 12pt (the originals are 10pt): in a
# larger font labels and cells fill their columns, sit one space apart and wrap
# over more lines, as in plans published so; in a smaller one columns are
# wider than their text. PDF text routes only; the PDFs are not kept.
for size in 9 11 12; do
  echo "== text renditions at ${size}pt"
  python3 scripts/fixtures/make_originals.py "$tmp/src$size" --font-size "$size" >/dev/null
  rm -f "$tmp/src$size"/*-subrows.fodt
  "${SOFFICE[@]}" --convert-to pdf --outdir "$tmp/pdf$size" "$tmp/src$size"/*.fodt >"$tmp/soffice.log" 2>&1 \
    || { cat "$tmp/soffice.log"; exit 1; }
  for pdf in "$tmp/pdf$size"/*.pdf; do
    name=$(basename "$pdf" .pdf)-${size}pt
    pdftotext -layout "$pdf" "$REND/$name.pdftotext-layout.txt"
    pdftotext "$pdf" "$REND/$name.pdftotext.txt"
    pdftotext -raw "$pdf" "$REND/$name.pdftotext-raw.txt"
  done
done

ls -l "$ORIG" "$REND" | awk 'NF>5 {print $5, $NF}'
du -sh tests/fixtures

# ------------------------------------------------------------------- check
if [ "${1:-}" != "--no-check" ]; then
  echo "== check"
  python3 scripts/fixtures/check_fixtures.py
fi
