#!/usr/bin/env bash
# The whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer
# (build-asan/), and the batch runs (-j 2 over every sample and original) built
# with ThreadSanitizer (build-tsan/); any sanitizer report fails the run, even
# one from a process whose exit status a test ignores (reports go to log files).
# Usage: scripts/sanitize.sh [asan|tsan]   (default both; run by scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
which=${1:-all}
jobs=$(nproc)

# configure DIR FLAGS: a build of its own, the flags in the environment too, so
# that the CMake project the install test builds links the same way.
configure() {
  cmake -S . -B "$1" -DCMAKE_BUILD_TYPE=Debug -DINSPEX_WERROR=ON -DINSPEX_JEMALLOC=OFF -DCMAKE_CXX_FLAGS="$2" \
    -DCMAKE_EXE_LINKER_FLAGS="$2" > /dev/null
}
# no_reports DIR NAME: fails, showing them, if the sanitizer wrote any report.
no_reports() {
  if compgen -G "$1/*" > /dev/null; then
    echo "sanitize: $2 reports:" >&2
    head -c 20000 "$1"/* >&2
    exit 1
  fi
  echo "sanitize: $2: no report"
}

if [ "$which" = all ] || [ "$which" = asan ]; then
  start=$SECONDS
  # (GCC's maybe-uninitialized misfires inside std::regex under the sanitizers'
  # instrumentation; the plain build keeps that warning as an error.)
  flags="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined -Wno-maybe-uninitialized"
  configure build-asan "$flags"
  cmake --build build-asan -j "$jobs"
  logs=$root/build-asan/sanitizer-logs
  rm -rf "$logs" && mkdir -p "$logs"
  # exitcode 86: a report never passes for an expected exit status (1 is "findings").
  # The suppressions are third-party libraries' own leaks (see the file).
  export ASAN_OPTIONS="exitcode=86:log_path=$logs/asan:detect_leaks=1:strict_string_checks=1"
  export LSAN_OPTIONS="suppressions=$root/tests/sanitize/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="halt_on_error=1:exitcode=86:print_stacktrace=1:log_path=$logs/ubsan"
  export CXXFLAGS="$flags" LDFLAGS="$flags" INSPEX_SANITIZER=address
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
  no_reports "$logs" "AddressSanitizer+UndefinedBehaviorSanitizer"
  unset ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS CXXFLAGS LDFLAGS INSPEX_SANITIZER
  echo "sanitize: asan+ubsan build and suite: $((SECONDS - start)) s"
fi

if [ "$which" = all ] || [ "$which" = tsan ]; then
  start=$SECONDS
  configure build-tsan "-O1 -g -fsanitize=thread -Wno-maybe-uninitialized"
  cmake --build build-tsan -j "$jobs" --target inspex-extract inspex-convert inspex-validate unit_tests
  logs=$root/build-tsan/sanitizer-logs
  rm -rf "$logs" && mkdir -p "$logs"
  export TSAN_OPTIONS="exitcode=86:log_path=$logs/tsan:halt_on_error=1:suppressions=$root/tests/sanitize/tsan.supp"
  bash tests/sanitize/batch.sh build-tsan
  no_reports "$logs" "ThreadSanitizer"
  unset TSAN_OPTIONS
  echo "sanitize: tsan build and batch runs: $((SECONDS - start)) s"
fi
