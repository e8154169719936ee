#!/usr/bin/env bash
# Installs what zorgsim needs on Debian 12, from Debian's packages and the npm registry only.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build pkg-config          # the toolchain
  libeigen3-dev libboost-dev catch2         # engine and tests
  libyaml-cpp-dev libcli11-dev nlohmann-json3-dev libfmt-dev   # scenario files, CLI, outputs
  libxlsxwriter-dev python3-openpyxl        # results.xlsx and its test
  libssl-dev                                # SHA-256 of the resolved scenario (provenance)
  libcpp-httplib-dev libminizip-dev         # the studio (zorgsim serve): HTTP, results.zip
  curl unzip                                # the studio's API tests
  chromium                                  # the report's and the studio's browser tests
  python3 python3-jsonschema python3-yaml   # the scenario schema test
  librsvg2-bin fonts-liberation             # PNG figures (zorgsim report --figures)
  clang-format                              # the style check
  openmpi-bin libopenmpi-dev                # the MPI build (-DZORGSIM_MPI=ON, docs/cluster.md)
  clang-16 libclang-rt-16-dev llvm          # the fuzz build (libFuzzer, docs/fuzzing.md)
  python3-dev pybind11-dev python3-pybind11 # the Python module (docs/python.md)
  python3-numpy python3-pandas python3-matplotlib python3-pytest   # its data frames, example, tests
  python3-ipykernel python3-jupyter-client  # its test of Ctrl-C in a notebook kernel
)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "zorgsim: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The report's chart library (Vega-Lite), inlined into report.html at build time, and
# playwright-core, which drives Debian's chromium in the studio's browser test (no browser
# download: it uses the system's).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
