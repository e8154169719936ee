# --out at a mount point (a container volume: `docker run -v out:/out ... --out /out`) works: the
# files are staged inside the target, on its own file system, so moving them in never crosses a
# file system ("Invalid cross-device link" after the whole simulation, before). Needs a tmpfs
# mount in a private mount namespace (root); where that is not allowed, the same-file-system
# rule is checked directly: the staging folder lives inside the target.
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml
mkdir mnt
if unshare -m true 2>/dev/null; then
    set +e
    unshare -m bash -c '
        mount -t tmpfs tmpfs "$1/mnt" || exit 77
        "$2" run "$3" --replications 2 --out "$1/mnt" --quiet || exit 1
        [[ -s "$1/mnt/summary.json" && -s "$1/mnt/report.html" ]] || exit 3
        for left in "$1"/mnt/.zorgsim-staging-* "$1"/.mnt.staging-*; do
            [[ -e $left ]] && exit 4
        done
        exit 0' mount-test "$WORK" "$ZORGSIM" "$mmc" >"$WORK/stdout" 2>"$WORK/stderr"
    STATUS=$?
    set -e
    LAST_COMMAND="zorgsim run --out MOUNT-POINT"
    [[ $STATUS -eq 77 ]] && echo "no tmpfs mount allowed here: checking the staging rule only"
    [[ $STATUS -eq 0 || $STATUS -eq 77 ]] ||
        fail "expected a run into a mount point to write its results (status $STATUS)"
fi

# The staging folder is inside the target while a run goes (so on the target's file system).
"$ZORGSIM" run "$FIXTURES/long-replication.yaml" --replications 4 --threads 1 --out mnt --quiet >/dev/null 2>&1 &
pid=$!
trap 'kill -KILL $pid 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do
    [[ -d mnt/.zorgsim-staging-$pid ]] && break
    sleep 0.1
done
[[ -d mnt/.zorgsim-staging-$pid ]] || fail "expected the staging folder inside the target, mnt/.zorgsim-staging-$pid"
[[ ! -e .mnt.staging-$pid ]] || fail "expected no staging folder next to the target"
kill -TERM "$pid"
wait "$pid" || true
expect_no_staging mnt
