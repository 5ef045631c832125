#!/usr/bin/env bash
# Runs a sweep under mpirun with two ranks and in one process, and checks the two results files
# (and their CSV exports) hold identical data. Usage: sweep_mpi_matches_single.sh CMHSIM PYTHON
# WORKDIR SWEEP.yaml MPIEXEC [MPIEXEC FLAGS...]; run from the source directory. PYTHON is an
# interpreter with h5py, or - to compare the CSV exports only.
set -euo pipefail
cmhsim=$1 python=$2 work=$3 sweep=$4
shift 4
rm -rf "$work"
mkdir -p "$work"

"$@" "$cmhsim" sweep "$sweep" -o "$work/mpi.h5" --threads 1 --quiet
"$cmhsim" sweep "$sweep" -o "$work/single.h5" --quiet

if [ "$python" != - ]; then
  "$python" "$(dirname "$0")/compare_sweeps.py" "$work/mpi.h5" "$work/single.h5"
  # The work was shared: the file records the two ranks.
  "$python" -c 'import sys, h5py; r = h5py.File(sys.argv[1], "r").attrs["ranks"]; print("ranks:", r); sys.exit(0 if r == 2 else 1)' "$work/mpi.h5"
fi

"$cmhsim" export "$work/mpi.h5" --csv "$work/mpi_csv" >/dev/null
"$cmhsim" export "$work/single.h5" --csv "$work/single_csv" >/dev/null
tables=$(find "$work/mpi_csv" -name '*.csv' | wc -l)
if [ "$tables" -eq 0 ]; then
  echo "no CSV tables exported" >&2
  exit 1
fi
diff -r "$work/mpi_csv" "$work/single_csv"
echo "CSV exports identical: $tables tables"
