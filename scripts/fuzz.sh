#!/usr/bin/env bash
# Fuzzes extraction and validation with libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer (clang), starting from the samples and the
# regression inputs. Usage: scripts/fuzz.sh [SECONDS]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bash scripts/install-deps.sh
command -v clang++ > /dev/null || { echo "fuzz.sh: needs clang++ (Debian package clang)" >&2; exit 2; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" > /dev/null
cmake --build build-fuzz -j "$(nproc)" --target inspexlib
clang++ -std=c++20 -fsanitize=fuzzer,address,undefined -Ilib/include tests/fuzz/fuzz_extract.cpp \
  build-fuzz/lib/libinspex.a $(pkg-config --libs libpcre2-8 tomlplusplus libxml-2.0 xlsxwriter fmt) \
  -o build-fuzz/fuzz_extract
corpus=$(mktemp -d)
cp samples/*.txt tests/regression/*.txt "$corpus"
build-fuzz/fuzz_extract -max_total_time="$seconds" -max_len=4096 -timeout=10 "$corpus"
