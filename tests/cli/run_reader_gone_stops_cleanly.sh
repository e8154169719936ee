# When the reader of `--trace -` goes away (`| head`) or the terminal hangs up, zorgsim stops as
# on Ctrl-C: exit 130, no staging folder or lock left, an earlier results folder intact.
source "$(dirname "$0")/lib.sh"

long=$FIXTURES/long-replication.yaml
expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 2 --out out --quiet
cp out/summary.json before.json
set +e
"$ZORGSIM" run "$long" --replications 4 --threads 1 --out out --trace - --quiet 2>stderr | head -n 2 >head.txt
status=${PIPESTATUS[0]}
set -e
[[ $status -eq 130 ]] || fail "expected exit 130 when the trace's reader goes away, got $status"
[[ $(wc -l <head.txt) -eq 2 ]] || fail "expected the reader to get its two lines"
expect_no_staging "$WORK/out"
cmp -s before.json out/summary.json || fail "expected the earlier results folder intact"

"$ZORGSIM" run "$long" --replications 4 --threads 1 --out out --quiet 2>stderr &
pid=$!
sleep 1
kill -HUP "$pid"
set +e
wait "$pid"
status=$?
set -e
[[ $status -eq 130 ]] || fail "expected exit 130 on SIGHUP, got $status"
expect_no_staging "$WORK/out"
cmp -s before.json out/summary.json || fail "expected the earlier results folder intact after SIGHUP"
