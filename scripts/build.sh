#!/usr/bin/env bash
# Installs the dependencies (Debian packages) and builds inspex into build/,
# with warnings as errors. Used by run-samples.sh, test.sh and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINSPEX_WERROR=ON > /dev/null
cmake --build build -j "$(nproc)"
