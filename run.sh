#!/usr/bin/env bash
# Builds cmhsim (release) and runs the default scenario comparison: the ICS baseline against
# Care Partners with supervision, without supervision, and with step-down discharge, each
# replication with one of the Care Partner effect sets calibrated to PARTNERS2
# (scenarios/calibration/partners2_sets.csv), the same set in every scenario. Prints the
# paired differences, writes results/default_comparison.h5 and .json, then the report (figures
# and report.html) in results/report/. Installs missing packages first. Extra arguments go to
# `cmhsim compare` (e.g. --replications 40).
set -euo pipefail
cd "$(dirname "$0")"
.ci/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target cmhsim
./build/release/cmhsim compare scenarios/ics_baseline.yaml scenarios/ics_partners.yaml \
  scenarios/ics_partners_unsupervised.yaml scenarios/ics_stepdown.yaml \
  --parameter-sets scenarios/calibration/partners2_sets.csv \
  -o results/default_comparison.h5 --summary-json results/default_comparison.json "$@"
./build/release/cmhsim report results/default_comparison.h5 -o results/report
