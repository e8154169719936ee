# Exact quantiles keep one value per replication of every time-series cell, so a replication
# count whose values would not fit in the documented 4 GiB is refused before anything runs:
# exit 2, a message that says how many would fit, nothing written (run, compare, sweep, size).
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml
for command in "run $mmc" "compare $FIXTURES/compare-base.yaml $FIXTURES/compare-alt.yaml" \
    "sweep $mmc --set services.team.capacity=3,4" \
    "size $mmc --service team --target wait_days.mean<=5"; do
    # shellcheck disable=SC2086
    (memory_cap 1000000 && exec timeout 20 "$ZORGSIM" $command --replications 1000000000000 --out out --quiet) \
        >"$WORK/stdout" 2>"$WORK/stderr" && STATUS=0 || STATUS=$?
    LAST_COMMAND="zorgsim $command --replications 1000000000000"
    [[ $STATUS -eq 2 ]] || fail "expected exit 2 for 10^12 replications, got $STATUS"
    expect_stderr_matches "replications would keep .* GiB .* at most [0-9]+ replications fit"
    [[ ! -e out ]] || fail "expected nothing written by '$LAST_COMMAND'"
done
