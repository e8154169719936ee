#!/usr/bin/env bash
# The first quick-start command: installs what is missing, builds, and runs the default
# scenario (the Westfriesland baseline) into results/westfriesland-baseline/ with its report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/tools/cli/zorgsim run "$@"
echo "Open results/westfriesland-baseline/report.html in a browser."
