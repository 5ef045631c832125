#!/usr/bin/env bash
# Checks that a shipped parameter-sets file is what its calibration file produces: runs the
# calibration with the command recorded in the file's first line and compares every set.
# Usage: shipped_sets_test.sh CMHSIM SOURCE_DIR SETS_CSV (relative to SOURCE_DIR)
set -euo pipefail
cmhsim=$1
cd "$2"
shipped=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The first line is "# cmhsim calibrate FILE -o OUT --sets-csv PATH [--sets-count N] (...)".
read -r -a words < <(head -n 1 "$shipped" | sed -e 's/^# //' -e 's/ (cmhsim .*$//')
[[ ${words[0]} == cmhsim && ${words[1]} == calibrate ]] || {
  echo "$shipped: first line does not record a cmhsim calibrate command" >&2; exit 1; }
calibration=${words[2]}
count=()
for ((i = 3; i < ${#words[@]}; ++i)); do
  [[ ${words[i]} == --sets-count ]] && count=(--sets-count "${words[i + 1]}")
done
"$cmhsim" calibrate "$calibration" -o "$work/cal.h5" --sets-csv "$work/sets.csv" \
  "${count[@]}" --quiet >/dev/null
if ! diff <(grep -v '^#' "$shipped") <(grep -v '^#' "$work/sets.csv"); then
  echo "$shipped differs from what $calibration produces (rerun the command on its first line)" >&2
  exit 1
fi
echo "$shipped: $(grep -vc '^#' "$shipped") lines match what $calibration produces"
