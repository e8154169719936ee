# --trace writes, never renames onto, a path that is not a regular file: a device node stays a
# device, a FIFO gets the trace streamed into it (and one without a reader is exit 2 at once,
# not a hang), a symlink stays a symlink; `--trace -` streams the trace to standard output. A
# regular file is still replaced whole.
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml

# A character device of our own (as root; the same as /dev/null, which the old code replaced
# with a regular file): it must still be a character device afterwards.
if mknod "$WORK/null" c 1 3 2>/dev/null; then
    expect_exit 0 run "$mmc" --replications 2 --out out --quiet --trace "$WORK/null"
    [[ -c "$WORK/null" ]] || fail "expected --trace NODE to leave the character device in place"
fi
expect_exit 0 run "$mmc" --replications 2 --out out --quiet --trace /dev/null
[[ -c /dev/null ]] || fail "expected /dev/null to stay a character device"

mkfifo fifo
cat fifo >from-fifo.csv &
reader=$!
expect_exit 0 run "$mmc" --replications 2 --out out --quiet --trace fifo
wait "$reader"
[[ -p fifo ]] || fail "expected the FIFO to stay a FIFO"
[[ "$(head -n 1 from-fifo.csv)" == "time_days,date,youth,event,where,age_years,profile,framework,region,reason,scenario" ]] ||
    fail "expected the trace streamed through the FIFO"
start=$SECONDS
set +e
timeout -s KILL 20 "$ZORGSIM" run "$mmc" --replications 2 --out out --quiet --trace fifo \
    >"$WORK/stdout" 2>"$WORK/stderr"
STATUS=$?
set -e
LAST_COMMAND="zorgsim run --trace FIFO-without-reader"
[[ $STATUS -eq 2 ]] || fail "expected exit 2 for a FIFO nobody reads, got $STATUS"
expect_stderr_matches "no process reads from this FIFO"

echo "old" >real.csv
ln -s real.csv link.csv
expect_exit 0 run "$mmc" --replications 2 --out out --quiet --trace link.csv
[[ -L link.csv ]] || fail "expected the symlink link.csv to stay a symlink"
[[ "$(head -n 1 real.csv)" == "time_days,date,youth,event,where,age_years,profile,framework,region,reason,scenario" ]] ||
    fail "expected the trace written through the symlink into real.csv"

expect_exit 0 run "$mmc" --replications 2 --out out --quiet --trace -
[[ "$(head -n 1 "$WORK/stdout")" == "time_days,date,youth,event,where,age_years,profile,framework,region,reason,scenario" ]] ||
    fail "expected --trace - to write the trace on standard output"
[[ ! -e ./- ]] || fail "expected no file named - "
cp "$WORK/stdout" from-stdout.csv

expect_exit 0 run "$mmc" --replications 2 --out out --quiet --trace plain.csv
cmp -s plain.csv from-fifo.csv || fail "expected the same trace in a regular file as through the FIFO"
cmp -s plain.csv from-stdout.csv || fail "expected the same trace on standard output"
ls -A | grep -q '\.tmp-' && fail "expected no temporary trace file left"
exit 0
