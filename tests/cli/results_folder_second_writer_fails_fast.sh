# Two commands writing the same results folder at once: the second fails fast (exit 2, before
# simulating) with a message naming the process that holds the folder, and the first is not
# disturbed. While a run goes, its files are staged inside the target folder (so that a target
# at a mount point works: the final moves never cross a file system).
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml
"$ZORGSIM" run "$FIXTURES/long-replication.yaml" --replications 4 --threads 1 --out out --quiet >"$WORK/first.out" 2>&1 &
first=$!
trap 'kill -KILL $first 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do
    [[ -e out/.zorgsim.lock ]] && break
    sleep 0.1
done
[[ -d out/.zorgsim-staging-$first ]] || fail "expected the staging folder out/.zorgsim-staging-$first inside the target"
[[ "$(<out/.zorgsim.lock)" == "$first" ]] || fail "expected out/.zorgsim.lock to hold the writer's process id $first"

start=$SECONDS
expect_exit 2 run "$mmc" --replications 2 --out out
((SECONDS - start < 10)) || fail "expected the second writer to fail fast"
expect_stderr_matches "out is being written by another zorgsim \(process $first\)"
expect_exit 2 compare "$FIXTURES/compare-base.yaml" "$FIXTURES/compare-alt.yaml" --out out/
expect_stderr_matches "process $first"
expect_exit 2 report out
expect_stderr_matches "process $first"
kill -0 "$first" 2>/dev/null || fail "expected the first run to go on"
[[ ! -e out/summary.json ]] || fail "expected the second writer to write nothing into out/"

kill -INT "$first"
set +e
wait "$first"
status=$?
set -e
[[ $status -eq 130 ]] || fail "expected the first run to exit 130 after SIGINT, got $status"
expect_no_output "$WORK/out"
# The folder is free again.
expect_exit 0 run "$mmc" --replications 2 --out out --quiet
expect_files out summary.json
expect_no_staging out
