#!/usr/bin/env bash
# Builds cmhsim and runs every test: unit tests under AddressSanitizer + UBSan, then the whole
# suite (unit, validation, end-to-end) in the release build. Installs missing packages first.
set -euo pipefail
cd "$(dirname "$0")"
.ci/deps.sh
jobs=$(nproc)

echo "== unit tests under asan-ubsan" >&2
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan -j "$jobs"
ctest --preset asan-ubsan -j "$jobs"

echo "== all tests, release build" >&2
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
ctest --preset release -j "$jobs"
