# --trace never lands on a file zorgsim reads or writes (issue 11): a target inside the results
# folder (summary.json, the lock) or the scenario file itself (also through a symlink) is refused
# with exit 2 before anything runs; a trace that cannot be written (/dev/full) is exit 2 "cannot
# write the trace to PATH: REASON" with nothing committed; with standard output closed, the trace
# never goes into another open file such as the lock.
source "$(dirname "$0")/lib.sh"

cp "$FIXTURES/mmc-short.yaml" mine.yaml
original=$(<mine.yaml)
expect_exit 2 run mine.yaml --trace mine.yaml --replications 2 --out o1 --quiet
expect_stderr_matches 'scenario file'
[[ "$(<mine.yaml)" == "$original" ]] || fail "expected the scenario file to stay as it was"
[[ ! -e o1 ]] || fail "expected no results folder after a refused trace target"
ln -s mine.yaml link.yaml
expect_exit 2 run mine.yaml --trace link.yaml --replications 2 --out o1 --quiet
[[ "$(<mine.yaml)" == "$original" ]] || fail "expected the scenario file to stay as it was (symlink)"
expect_exit 2 compare "$FIXTURES/compare-base.yaml" mine.yaml --trace ./mine.yaml --replications 2 \
    --out o1 --quiet
[[ "$(<mine.yaml)" == "$original" ]] || fail "expected compare to leave its scenario file alone"

expect_exit 0 run mine.yaml --replications 2 --out o2 --quiet
before=$(snapshot o2)
for target in o2/summary.json o2/.zorgsim.lock "$WORK/o2/new.csv" o2/../o2/x.csv; do
    expect_exit 2 run mine.yaml --replications 2 --out o2 --quiet --trace "$target"
    expect_stderr_matches 'inside the results folder'
done
[[ "$(snapshot o2)" == "$before" ]] || fail "expected o2/ unchanged after refused trace targets"
expect_exit 0 report o2

if [[ -w /dev/full ]]; then
    expect_exit 2 run mine.yaml --replications 2 --out o4 --quiet --trace /dev/full
    expect_stderr_matches 'cannot write the trace to /dev/full: '
    [[ ! -e o4 ]] || fail "expected no results folder when the trace could not be written"
fi

# Standard output closed: the trace goes nowhere, never into the lock (or any file) that took fd 1.
# (Not in the sanitizer build: LeakSanitizer does not run under ptrace.)
if [[ $SANITIZED != 1 ]] && command -v strace >/dev/null && strace -o /dev/null true 2>/dev/null; then
    strace -f -e trace=openat -o "$WORK/strace.log" "$ZORGSIM" run mine.yaml --replications 2 \
        --out o5 --quiet --trace - >&- 2>"$WORK/stderr" || fail "expected exit 0 with stdout closed"
    # (The dynamic loader's own short-lived opens come before main and are not counted.)
    if grep -E 'openat\(.*(o5|mine\.yaml).*\) = [012]$' "$WORK/strace.log" | grep -q .; then
        fail "expected no file of the run to get fd 0, 1 or 2: $(grep -E 'o5.*= [012]$' "$WORK/strace.log")"
    fi
fi
