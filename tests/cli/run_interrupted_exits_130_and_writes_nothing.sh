# Ctrl-C during a long run (SIGINT, like a user at the terminal, or SIGTERM from a scheduler):
# exit code 130, a message on stderr, no output folder (the one the run made is removed again),
# no trace file and no hidden staging folder left.
source "$(dirname "$0")/lib.sh"

# interrupt SIGNAL OUT: starts a long run of the embedded default scenario into OUT, sends SIGNAL
# after ~1 s.
interrupt() {
    local signal=$1 out=$2 pid status waited=0
    "$ZORGSIM" run --replications 100000 --threads 2 --out "$out" --trace "$WORK/trace.csv" \
        >"$WORK/stdout" 2>"$WORK/stderr" &
    pid=$!
    LAST_COMMAND="zorgsim run --replications 100000 --out $out (SIG$signal after 1 s)"
    sleep 1
    # While it runs, out/ holds only the lock and the hidden staging folder.
    kill -0 "$pid" 2>/dev/null || fail "expected the run of 100000 replications to still be running after 1 s"
    [[ ! -e out/summary.json ]] || fail "expected no out/summary.json while the run is in progress (files are staged)"
    kill -s "$signal" "$pid"
    # In-flight replications finish first; allow them some time.
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
    expect_stderr_matches 'interrupted'
    expect_no_output "$WORK/out"
    [[ ! -e "$WORK/trace.csv" ]] || fail "expected no trace file after SIG$signal"
}

interrupt INT out
# The same with a trailing slash (as a shell's completion writes it): out/ is the folder out.
interrupt TERM out/
