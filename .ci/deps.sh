#!/usr/bin/env bash
# Installs the Debian packages cmhsim needs that are missing (apt-get as root, or with sudo).
# Used by run.sh and test.sh; safe to run again: it does nothing when all are present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libboost-all-dev libtbb-dev libyaml-cpp-dev libhdf5-dev catch2 librandom123-dev libcli11-dev
  openmpi-bin libopenmpi-dev
  python3 python3-h5py python3-numpy python3-pandas python3-matplotlib python3-pytest
  python3-yaml python3-scipy chromium clang-format
  nlohmann-json3-dev python3-selenium chromium-driver
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "cmhsim: installing missing Debian packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "cmhsim: need root or sudo to install packages" >&2; exit 1; }
  SUDO="sudo"
fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
