# --threads larger than the replications starts no more workers than there are replications
# (not 5,000 threads for 3 replications) and gives the same results as one thread.
source "$(dirname "$0")/lib.sh"

expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 3 --threads 5000 --seed 4 --out many --quiet
expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 3 --threads 1 --seed 4 --out one --quiet
cmp -s many/summary.json one/summary.json || fail "expected the same summary.json for --threads 5000 and 1"
cmp -s many/timeseries.csv one/timeseries.csv || fail "expected the same timeseries.csv for --threads 5000 and 1"

# While 2 replications run with --threads 5000: at most 2 workers and the main thread.
LAST_COMMAND="zorgsim run long-replication.yaml --replications 2 --threads 5000"
"$ZORGSIM" run "$FIXTURES/long-replication.yaml" --replications 2 --threads 5000 --out long \
    --quiet >"$WORK/stdout" 2>"$WORK/stderr" &
pid=$!
sleep 0.5
threads=$(sed -n 's/^Threads:[[:space:]]*//p' "/proc/$pid/status" 2>/dev/null || echo gone)
kill -s INT "$pid" 2>/dev/null || true
wait "$pid" || true
[[ $threads != gone ]] || fail "expected the run to still be going after 0.5 s"
((threads <= 3)) || fail "expected at most 3 threads (2 workers and the main thread), found $threads"
