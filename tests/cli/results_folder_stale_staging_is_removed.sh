# A run killed by SIGKILL leaves its staging folder and lock file behind; the next write into the
# folder removes the staging folder (its own and that of the earlier versions' sibling
# .NAME.staging-PID of a dead process), and the lock of a dead process holds no one up. Killing a
# run leaves the previous results as they were.
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml
expect_exit 0 run "$mmc" --replications 2 --out out --quiet
cp out/summary.json before.json

"$ZORGSIM" run "$FIXTURES/long-replication.yaml" --replications 4 --threads 1 --out out --quiet >/dev/null 2>&1 &
pid=$!
for _ in $(seq 50); do
    [[ -d out/.zorgsim-staging-$pid ]] && break
    sleep 0.1
done
[[ -d out/.zorgsim-staging-$pid ]] || fail "expected a staging folder while the run goes"
kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
[[ -d out/.zorgsim-staging-$pid ]] || fail "expected SIGKILL to leave the staging folder (the test's premise)"
cmp -s out/summary.json before.json || fail "expected the killed run to leave the previous summary.json"

# A dead process's staging folder of an earlier version, next to the folder.
mkdir -p .out.staging-999999999 .other.staging-999999999
sleep 0.1
expect_exit 0 run "$mmc" --replications 2 --out out --quiet
[[ ! -e out/.zorgsim-staging-$pid ]] || fail "expected the killed run's staging folder to be removed"
[[ ! -e .out.staging-999999999 ]] || fail "expected the old-style staging folder of a dead process to be removed"
[[ -e .other.staging-999999999 ]] || fail "expected another folder's staging folder to be left alone"
expect_no_staging out
expect_files out summary.json timeseries.csv
