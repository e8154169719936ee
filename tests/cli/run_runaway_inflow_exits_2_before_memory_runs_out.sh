# An inflow that outgrows every service (within the loader's inflow bounds) ends with exit 2
# and a message that names the source with most arrivals and the inflow policy behind it,
# BEFORE memory runs out: under a 2 GB address-space cap the youth budget (default 1,000,000
# youths alive per replication) stops it; --max-youths changes the budget on run, compare,
# sweep and size. Nothing is written and an earlier results folder stays as it was.
source "$(dirname "$0")/lib.sh"

RUNAWAY="$FIXTURES/runaway-inflow.yaml"

# An earlier run's folder, which a failing run must leave alone.
expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 2 --threads 1 --out out --quiet
before=$(snapshot out)

expect_runaway() {
    [[ $STATUS -eq 2 ]] || fail "expected exit code 2 from '$LAST_COMMAND', got $STATUS"
    expect_stderr_matches 'zorgsim: error: replication 0 reached the limit of '"$1"' youths alive at once'
    expect_stderr_matches 'most arrivals come from source flood'
    expect_stderr_matches 'under inflow policy double-the-flood \(multiplier 2'
    expect_stderr_matches 'raise the limit with --max-youths'
}

# The default budget, under a cap that the old unbounded growth (about 10 million youths)
# would exceed: exit 2, not std::bad_alloc (exit 1) or the kernel's OOM killer.
LAST_COMMAND="zorgsim run runaway-inflow.yaml --out out (ulimit -v 2000000)"
set +e
(
    memory_cap 2000000
    exec timeout -s KILL 60 "$ZORGSIM" run "$RUNAWAY" --threads 2 --out out --quiet
) >"$WORK/stdout" 2>"$WORK/stderr"
STATUS=$?
set -e
expect_runaway 1000000
[[ $(snapshot out) == "$before" ]] || fail "expected out/ unchanged after '$LAST_COMMAND'"
expect_no_staging "$WORK/out"

# A smaller budget, on every command that simulates.
zs run "$RUNAWAY" --max-youths 5000 --out out --quiet
expect_runaway 5000
sed 's/^name: .*/name: runaway-alternative/' "$RUNAWAY" >alternative.yaml
zs compare "$RUNAWAY" alternative.yaml --max-youths 5000 --replications 2 --out cmp --quiet
expect_runaway 5000
expect_no_output "$WORK/cmp"
zs sweep "$RUNAWAY" --set sources.trickle.rate_per_year=100,200 --max-youths 5000 --out sw --quiet
expect_runaway 5000
expect_no_output "$WORK/sw"
zs size "$RUNAWAY" --service team --target 'wait_days.p90 <= 28' --max-capacity 3 \
    --max-youths 5000 --replications 1 --out sz --quiet
expect_runaway 5000
expect_no_output "$WORK/sz"
[[ $(snapshot out) == "$before" ]] || fail "expected out/ unchanged after the runaway runs"

# The budget is a whole number of at least 1.
expect_exit 2 run "$FIXTURES/mmc-short.yaml" --max-youths 0 --out bad --quiet
expect_no_output "$WORK/bad"
expect_exit 2 run "$FIXTURES/mmc-short.yaml" --max-youths lots --out bad --quiet
expect_no_output "$WORK/bad"
# A budget that the scenario stays within changes nothing.
expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 2 --threads 1 --max-youths 1000 \
    --out same --quiet
cmp -s out/summary.json same/summary.json || fail "expected --max-youths 1000 to change no figure"
cmp -s out/timeseries.csv same/timeseries.csv || fail "expected --max-youths 1000 to change no figure"
