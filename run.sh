#!/usr/bin/env bash
# Builds cmhsim (release) and runs the default scenario: prints its summary table and writes
# results/example_network.h5 and results/example_network.json. Installs missing packages first.
set -euo pipefail
cd "$(dirname "$0")"
.ci/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target cmhsim
./build/release/cmhsim run scenarios/example_network.yaml \
  -o results/example_network.h5 --summary-json results/example_network.json "$@"
