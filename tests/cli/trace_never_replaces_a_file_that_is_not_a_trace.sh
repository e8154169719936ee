# `--trace FILE` replaces FILE only when it is a trace zorgsim wrote (or empty, or new):
# `zorgsim run --trace mine.yaml` (the scenario taken as the trace file) is exit 2 with the
# scenario untouched, while rerunning into an earlier trace replaces it.
source "$(dirname "$0")/lib.sh"

cp "$FIXTURES/mmc-short.yaml" mine.yaml
expect_exit 2 run --trace mine.yaml --replications 1 --out out --quiet
expect_stderr_matches "refusing to replace mine.yaml with the trace: it exists and is not a zorgsim trace"
cmp -s mine.yaml "$FIXTURES/mmc-short.yaml" || fail "expected the scenario file untouched"
[[ ! -e out ]] || fail "expected nothing written"
expect_exit 0 run mine.yaml --trace trace.csv --replications 1 --out out --quiet
cp trace.csv first.csv
expect_exit 0 run mine.yaml --trace trace.csv --replications 1 --seed 9 --out out --quiet
! cmp -s trace.csv first.csv || fail "expected an earlier trace to be replaced by the new one"
: >empty.csv
expect_exit 0 run mine.yaml --trace empty.csv --replications 1 --out out --quiet
[[ -s empty.csv ]] || fail "expected an empty file to be replaced by the trace"
