# SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM and SIGXCPU end a run like SIGTERM (issue 11): exit 130, and
# no staging folder, lock or results folder left behind (docs/limits.md, "Signals").
source "$(dirname "$0")/lib.sh"

for signal in QUIT USR1 USR2 ALRM XCPU; do
    "$ZORGSIM" run --replications 100000 --threads 2 --out "$WORK/out" >"$WORK/stdout" 2>"$WORK/stderr" &
    pid=$!
    LAST_COMMAND="zorgsim run --replications 100000 --out out (SIG$signal after 1 s)"
    sleep 1
    kill -0 "$pid" 2>/dev/null || fail "expected the run to still be running after 1 s"
    kill -s "$signal" "$pid"
    waited=0
    while kill -0 "$pid" 2>/dev/null && ((waited < 300)); do
        sleep 0.1
        waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -s KILL "$pid"
        fail "expected the run to stop within 30 s of SIG$signal"
    fi
    set +e
    wait "$pid"
    status=$?
    set -e
    [[ $status -eq 130 ]] || fail "expected exit code 130 after SIG$signal, got $status"
    [[ ! -e "$WORK/out" ]] || fail "expected nothing left after SIG$signal: $(ls -A "$WORK/out")"
done
