# On exit code 2 nothing is written to the output folder: a broken scenario, --replications 0, a
# bad --set, a bad seed. A new folder (and its parents) is not created; an existing folder stays
# exactly as it was; no hidden staging folder is left behind.
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml
broken=$FIXTURES/broken.yaml

# expect_bad_input ARGS...: exit 2, a message on stderr, nothing written.
expect_bad_input() {
    expect_exit 2 "$@"
    [[ -s "$WORK/stderr" ]] || fail "expected a message on stderr from '$LAST_COMMAND'"
    expect_no_output "$WORK/new/out"
    [[ ! -e "$WORK/new" ]] || fail "expected '$LAST_COMMAND' not to create the parent folder new/"
    expect_no_staging "$WORK/existing"
    [[ "$(snapshot existing)" == "$before" ]] ||
        fail "expected the existing output folder to stay as it was after '$LAST_COMMAND'"
}

mkdir existing
echo "keep me" >existing/summary.json
echo "mine" >existing/notes.txt
before=$(snapshot existing)

for out in new/out existing; do
    expect_bad_input run "$broken" --out "$out"
    expect_bad_input run "$mmc" --replications 0 --out "$out"
    expect_bad_input run "$mmc" --replications -3 --out "$out"
    expect_bad_input run "$mmc" --seed minus-one --out "$out"
    expect_bad_input run "$mmc" --seed -1 --out "$out"                   # not 64-bit unsigned
    expect_bad_input run "$mmc" --seed 18446744073709551616 --out "$out" # 2^64: too large
    expect_bad_input run "$mmc" --set services.team.capacity=abc --out "$out"
    expect_bad_input run "$mmc" --set services.team.capacity=-1 --out "$out"
    expect_bad_input run "$mmc" --set services.nosuch.capacity=3 --out "$out"
    expect_bad_input run "$mmc" --set no-equals-sign --out "$out"
    expect_bad_input run "$mmc" --trace trace.csv --set services.team.capacity=abc --out "$out"
    [[ ! -e trace.csv ]] || fail "expected no trace file after a run that exited 2"
    # A trace file that cannot be written (its folder is missing, or it is a folder) is bad input,
    # found before anything runs.
    expect_bad_input run "$mmc" --trace no-such-folder/trace.csv --out "$out"
    [[ ! -e no-such-folder ]] || fail "expected no folder no-such-folder/ made for the trace"
    mkdir -p a-folder
    expect_bad_input run "$mmc" --trace a-folder --out "$out"
    [[ -z "$(ls -A a-folder)" ]] || fail "expected nothing written into a-folder/"
    expect_bad_input compare "$FIXTURES/compare-base.yaml" "$broken" --out "$out"
    expect_bad_input compare "$FIXTURES/compare-base.yaml" "$FIXTURES/compare-alt.yaml" \
        --replications 0 --out "$out"
    expect_bad_input sweep "$mmc" --set services.team.capacity=3,abc --out "$out"
    expect_bad_input sweep "$broken" --set services.team.capacity=3,4 --out "$out"
done

# An output folder that is an existing file: exit 2 before anything runs, the file unchanged.
echo "a file" >taken
for command in "run $mmc" "compare $FIXTURES/compare-base.yaml $FIXTURES/compare-alt.yaml" \
    "sweep $mmc --set services.team.capacity=3,4"; do
    # shellcheck disable=SC2086 # the command's words
    expect_exit 2 $command --replications 2 --out taken
    [[ "$(<taken)" == "a file" ]] || fail "expected the file taken to stay as it was after '$LAST_COMMAND'"
    expect_no_staging "$WORK/taken"
    expect_stderr_matches 'taken'
done

# The same broken scenario run without --out: the default folder results/<name>/ is not made.
expect_exit 2 run "$broken"
[[ ! -e results ]] || fail "expected no results/ folder after a run that exited 2"
