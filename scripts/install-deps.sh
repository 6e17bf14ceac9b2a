#!/usr/bin/env bash
# Installs every build and test dependency of inspex from Debian's packages.
# Used by the README's set-up commands and by .ci/run; safe to run twice.
# --tests adds what only the tests use (the tools never need it).
set -euo pipefail
packages=(
  build-essential cmake pkg-config clang-format
  libboost-program-options-dev libpcre2-dev libxml2-dev libfmt-dev
  libtomlplusplus-dev nlohmann-json3-dev doctest-dev jq time bc
  libxlsxwriter-dev libarchive-dev libpoppler-cpp-dev libsqlite3-dev libjemalloc-dev
  help2man  # man pages, made at build time when present
)
# Tests only (the tools never need them): reading workbooks back, the
# README's archive queries, Miller's and pandas' type inference on the CSV,
# a real browser, headless, to open the HTML report, and a JSON Schema
# validator for the record format (docs/schema); the benchmark's baselines
# (bench/run.sh: TextFSM, pdftotext); cairo for the PDF fuzz seeds and the
# hostile PDF fixture (tests/fuzz/make-pdf-seeds.py, tests/fixtures/pdf/make-hostile.py).
test_packages=(libreoffice-calc-nogui sqlite3 miller python3-pandas chromium python3-jsonschema
  python3-textfsm poppler-utils python3-cairo)
if [ "${1:-}" = "--tests" ]; then
  packages+=("${test_packages[@]}")
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
echo "inspex: dependencies installed"
