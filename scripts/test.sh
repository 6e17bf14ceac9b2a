#!/usr/bin/env bash
# Sets up, builds with warnings as errors, checks formatting, and runs every
# test: doctest unit tests, golden tests over samples/, tool tests, the
# bad-input matrix; then the same suite under AddressSanitizer and
# UndefinedBehaviorSanitizer, and the batch runs under ThreadSanitizer
# (scripts/sanitize.sh). --no-sanitize stops after the plain suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --tests
bash scripts/build.sh
clang-format --dry-run --Werror lib/src/*.cpp lib/src/*/*.cpp lib/src/*/*.hpp lib/include/inspex/*.hpp lib/include/inspex/*/*.hpp tools/*.cpp tools/*.hpp tests/unit/*.cpp tests/unit/*.hpp tests/fuzz/*.cpp
echo "clang-format: clean"
ctest --test-dir build --output-on-failure -j "$(nproc)"
if [ "${1:-}" != "--no-sanitize" ]; then
  bash scripts/sanitize.sh
fi
