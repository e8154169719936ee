#!/usr/bin/env bash
# Builds the report of every fixture folder (and the regions fixture in English too), then runs
# the Node unit tests of the page script's model (report_model_test.cjs) and of the flow diagram
# (flows_model_test.cjs) on their data documents.
#
# usage: model_check.sh REPORT_TOOL FIXTURES_DIR WORK_DIR NODE SOURCE_DIR
set -euo pipefail
tool=$1 fixtures=$2 work=$3 node=$4 source=$5
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v "$node" >/dev/null 2>&1 || fail "no Node.js ('$node'): install Debian's nodejs"

rm -rf "$work"
mkdir -p "$work"
for name in run compare sizing regions municipalities; do
  cp -R "$fixtures/$name" "$work/$name"
  "$tool" "$work/$name" || fail "the report tool failed on $name"
done
cp -R "$fixtures/regions" "$work/regions-en"
"$tool" "$work/regions-en" --lang en || fail "the report tool failed on regions --lang en"

ZORGSIM_REPORT_WORK=$work ZORGSIM_REPORT_FIXTURES=$fixtures ZORGSIM_SOURCE_DIR=$source \
  "$node" --test "$source/tests/report/report_model_test.cjs" "$source/tests/report/flows_model_test.cjs"
