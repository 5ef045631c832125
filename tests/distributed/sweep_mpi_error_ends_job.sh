#!/usr/bin/env bash
# Checks that a sweep refused on one rank under mpirun ends the whole job with the refusal's exit
# code instead of leaving the other rank waiting. Usage: sweep_mpi_error_ends_job.sh CMHSIM WORKDIR
# SWEEP.yaml MPIEXEC [MPIEXEC FLAGS...]; run from the source directory.
set -uo pipefail
cmhsim=$1 work=$2 sweep=$3
shift 3
rm -rf "$work"
mkdir -p "$work/out.h5.partial"  # Checkpoints of an "earlier run": refused without --resume.

timeout 120 "$@" "$cmhsim" sweep "$sweep" -o "$work/out.h5" --quiet >"$work/out" 2>"$work/err"
code=$?
if [ "$code" -eq 124 ]; then
  echo "the job hung after one rank refused the sweep" >&2
  exit 1
fi
if [ "$code" -eq 0 ]; then
  echo "the sweep was not refused" >&2
  exit 1
fi
grep -q "use --resume" "$work/err" || { cat "$work/err" >&2; exit 1; }
[ ! -e "$work/out.h5" ] || { echo "a results file was written" >&2; exit 1; }
echo "refused with exit code $code and the job ended"
