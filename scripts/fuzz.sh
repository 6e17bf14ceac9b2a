#!/usr/bin/env bash
# Fuzzes extraction and validation, or one reader, with libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer (clang), starting from the
# samples, the fixtures of that format and the regression inputs.
# Usage: scripts/fuzz.sh [SECONDS] [extract|validate|write|docx|odt|html|pdf] [RUNS]
# (default 60 extract; RUNS stops after that many executions, within SECONDS)
# FUZZ_TIMEOUT: seconds one input may take (wall time, default 10 for the text
# targets, 20 for readers; give more on a loaded machine). FUZZ_CORPUS: a folder
# to grow and keep (default a fresh temporary one); the seeds are copied into it.
# FUZZ_FORK=N: N processes at once (libFuzzer's -fork), their runs counted together.
# pdf: the seeds are one-page PDFs of the samples' text (tests/fuzz/make-pdf-seeds.py,
# python3-cairo, a test package) and the bad PDFs of tests/fixtures/pdf: the
# originals' pages carry their embedded fonts and run three times slower.
# validate: any bytes as JSON Lines records, validated; write: records flattened
# and written by each writer (both start from the samples' records).
# The target is optimised like the library (-O2): built at -O0, its copies of
# the JSON library's inline functions would be the ones linked for the whole
# program, and run several times slower.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
target=${2:-extract}
runs=${3:--1}
bash scripts/install-deps.sh
command -v clang++ > /dev/null || { echo "fuzz.sh: needs clang++ (Debian package clang)" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINSPEX_STATIC_BACKENDS=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" > /dev/null
cmake --build build-fuzz -j "$(nproc)" --target inspexlib
libs=$(pkg-config --libs libpcre2-8 tomlplusplus libxml-2.0 xlsxwriter fmt libarchive poppler-cpp sqlite3)
corpus=${FUZZ_CORPUS:-$(mktemp -d)}
mkdir -p "$corpus"
short=${FUZZ_TIMEOUT:-10}
long=${FUZZ_TIMEOUT:-20}
fork=()
[ -z "${FUZZ_FORK:-}" ] || fork=(-fork="$FUZZ_FORK")
if [ "$target" = extract ]; then
  clang++ -std=c++20 -O2 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Ilib/include tests/fuzz/fuzz_extract.cpp \
    build-fuzz/lib/libinspex.a $libs -o build-fuzz/fuzz_extract
  cp samples/*.txt tests/regression/*.txt "$corpus"
  build-fuzz/fuzz_extract "${fork[@]}" -max_total_time="$seconds" -runs="$runs" -print_final_stats=1 -max_len=4096 -timeout="$short" "$corpus"
elif [ "$target" = validate ] || [ "$target" = write ]; then
  clang++ -std=c++20 -O2 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Ilib/include "tests/fuzz/fuzz_$target.cpp" \
    build-fuzz/lib/libinspex.a $libs -o "build-fuzz/fuzz_$target"
  cp samples/*.expected.jsonl tests/regression/records-*.jsonl "$corpus"
  "build-fuzz/fuzz_$target" "${fork[@]}" -max_total_time="$seconds" -runs="$runs" -print_final_stats=1 -max_len=4096 -timeout="$short" -rss_limit_mb=2048 "$corpus"
else
  clang++ -std=c++20 -O2 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Ilib/include -DINSPEX_FUZZ_READER="read_$target" \
    tests/fuzz/fuzz_read.cpp build-fuzz/lib/libinspex.a $libs -o "build-fuzz/fuzz_$target"
  if [ "$target" = pdf ]; then
    /usr/bin/python3 -c 'import cairo' 2> /dev/null || bash scripts/install-deps.sh --tests
    /usr/bin/python3 tests/fuzz/make-pdf-seeds.py "$corpus"
    cp tests/fixtures/pdf/*.pdf "$corpus"
  else
    find tests/fixtures -name "*.$target" -exec cp {} "$corpus" \;
  fi
  "build-fuzz/fuzz_$target" "${fork[@]}" -max_total_time="$seconds" -runs="$runs" -print_final_stats=1 -max_len=1000000 -timeout="$long" -rss_limit_mb=2048 "$corpus"
fi
