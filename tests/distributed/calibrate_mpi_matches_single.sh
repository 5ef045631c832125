#!/usr/bin/env bash
# Runs a calibration under mpirun with two ranks and in one process and checks that the JSON
# summaries and the accepted parameter sets are identical. Usage: calibrate_mpi_matches_single.sh
# CMHSIM WORKDIR CALIBRATION.yaml MPIEXEC [MPIEXEC FLAGS...].
set -euo pipefail
cmhsim=$1 work=$2 calibration=$3
shift 3
rm -rf "$work"
mkdir -p "$work"
"$@" "$cmhsim" calibrate "$calibration" -o "$work/mpi.h5" --summary-json "$work/mpi.json" \
  --sets-csv "$work/mpi.csv" --threads 1 --quiet >/dev/null
"$cmhsim" calibrate "$calibration" -o "$work/single.h5" --summary-json "$work/single.json" \
  --sets-csv "$work/single.csv" --quiet >/dev/null
cmp "$work/mpi.json" "$work/single.json"
diff <(grep -v '^#' "$work/mpi.csv") <(grep -v '^#' "$work/single.csv")
echo "identical: $(wc -l < "$work/single.csv") lines of parameter sets"
