# SIGTERM or Ctrl-C (SIGINT) stops the studio cleanly: a run in flight is cancelled, nothing is
# left half-written (its temporary folder is removed) and it exits 0 within a few seconds.
source "$(dirname "$0")/lib.sh"
export TMPDIR=$WORK/tmp
mkdir -p "$TMPDIR"
for signal in TERM INT; do
    start_studio "studio-$signal" "$SOURCE_DIR/scenarios"
    post_json /api/runs '{"base": "westfriesland-baseline", "replications": 1000, "seed": 11,
      "alternatives": [{"name": "a", "levers": {"capacity:pleegzorg": 200}}]}'
    expect_code 202 "a long run"
    id=$(json_field 'd["id"]')
    for ((i = 0; i < 100; i++)); do
        req GET "/api/runs/$id?result=0"
        [[ $(json_field 'd["status"]') == running ]] && break
        sleep 0.1
    done
    ls "$TMPDIR" | grep -q '^zorgsim-studio-' || fail "the studio keeps its results in a folder of its own"
    started=$(date +%s.%N)
    kill -s "$signal" "$PID"
    set +e
    wait "$PID"
    code=$?
    set -e
    took=$(python3 -c "import time; print(time.time() - $started)")
    [[ $code == 0 ]] || fail "SIG$signal: expected exit 0, got $code"
    python3 -c "import sys; sys.exit(0 if $took < 5 else 1)" || fail "SIG$signal: took $took s to stop"
    grep -q 'the studio stopped' "$WORK/studio-$signal.err" || fail "SIG$signal: it says it stopped"
    [[ -z $(ls -A "$TMPDIR") ]] || fail "SIG$signal: the studio left $(ls "$TMPDIR") behind"
done
echo "$TEST_NAME: passed"
