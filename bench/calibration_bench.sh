#!/bin/sh
# Times `cmhsim calibrate` on the worked example (3 parameters, 5 targets, the ICS scaled to
# 3,000 people) and prints one JSON object: wall seconds, model runs, generations and threads.
# Usage: bench/calibration_bench.sh [CMHSIM] [THREADS] [CALIBRATION.yaml]
set -eu
exe=${1:-build/release/cmhsim}
threads=${2:-2}
file=${3:-scenarios/calibration/example.yaml}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
"$exe" calibrate "$file" -o "$out/cal.h5" --summary-json "$out/cal.json" -t "$threads" -q \
  > "$out/stdout"
end=$(date +%s.%N)
runs=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['runs'])" \
  "$out/cal.json")
generations=$(sed -n 's/.*calibrate [^ ]* (\([0-9]*\) generations.*/\1/p' "$out/stdout")
wall=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
printf '{"bench": "calibration", "file": "%s", "threads": %s, "wall_seconds": %.1f, "runs": %s, "generations": %s}\n' \
  "$file" "$threads" "$wall" "$runs" "$generations"
