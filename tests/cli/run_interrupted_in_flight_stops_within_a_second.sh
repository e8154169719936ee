# SIGINT or SIGTERM while a replication is in flight (one that would take many seconds more)
# stops the command within a fraction of a second: exit 130, no staging folder left, and the
# results folder of an earlier run exactly as it was. The same for compare and sweep.
source "$(dirname "$0")/lib.sh"

LONG="$FIXTURES/long-replication.yaml"

expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 2 --threads 1 --out out --quiet
before=$(snapshot out)

# interrupt SIGNAL ARGS...: starts zorgsim ARGS, sends SIGNAL after 1 s, expects exit 130
# within 2 s of it.
interrupt() {
    local signal=$1 pid status waited=0
    shift
    LAST_COMMAND="zorgsim $* (SIG$signal after 1 s)"
    "$ZORGSIM" "$@" >"$WORK/stdout" 2>"$WORK/stderr" &
    pid=$!
    sleep 1
    kill -0 "$pid" 2>/dev/null || fail "expected '$LAST_COMMAND' to still be running after 1 s"
    kill -s "$signal" "$pid"
    while kill -0 "$pid" 2>/dev/null && ((waited < 20)); do
        sleep 0.1
        waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -s KILL "$pid"
        wait "$pid" || true
        fail "expected '$LAST_COMMAND' to stop within 2 s of SIG$signal"
    fi
    set +e
    wait "$pid"
    status=$?
    set -e
    [[ $status -eq 130 ]] || fail "expected exit code 130 from '$LAST_COMMAND', got $status"
    expect_stderr_matches 'interrupted'
    expect_no_staging "$WORK/out"
    [[ $(snapshot out) == "$before" ]] || fail "expected out/ unchanged after '$LAST_COMMAND'"
}

interrupt INT run "$LONG" --threads 2 --out out --quiet
interrupt TERM run "$LONG" --threads 2 --out out/ --quiet
interrupt INT run "$LONG" --threads 1 --out out --trace "$WORK/trace.csv" --quiet
[[ ! -e "$WORK/trace.csv" ]] || fail "expected no trace file after an interrupted run"
sed 's/^name: .*/name: long-alternative/' "$LONG" >alternative.yaml
interrupt TERM compare "$LONG" alternative.yaml --replications 2 --threads 2 --out out --quiet
interrupt INT sweep "$LONG" --set services.team.capacity=200,300 --replications 1 --threads 2 \
    --out out --quiet
