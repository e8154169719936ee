# --out at a system folder (/, /usr, /etc ...) or the home folder itself is refused with exit 2
# before anything runs: a results folder's files are replaced as a whole, which is no way to
# treat /. An --out that exists as a file is refused too.
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml
long=$FIXTURES/long-replication.yaml # one replication takes many seconds
# If a folder were not refused, the run is killed long before it could write its results (they
# are written only after the simulation); what it staged is removed here.
refused() {
    local out=$1 left
    set +e
    timeout -s KILL 5 "$ZORGSIM" run "$long" --replications 4 --threads 1 --out "$out" \
        >"$WORK/stdout" 2>"$WORK/stderr"
    STATUS=$?
    set -e
    LAST_COMMAND="zorgsim run --out $out"
    if [[ $STATUS -ne 2 ]]; then
        for left in "$out"/.zorgsim-staging-* "$out"/.zorgsim.lock; do
            [[ -e $left ]] && rm -rf -- "$left"
        done
        fail "expected --out $out to be refused with exit 2 before simulating, got $STATUS"
    fi
    # (/proc and /sys are mostly not writable at all: that is said first.)
    expect_stderr_matches "refusing to write results into the system folder|cannot write the output folder"
}
for out in / /usr /usr/ /etc /var /bin /sbin /lib /lib64 /usr/bin /usr/lib /proc/self \
    /sys/kernel /dev "/usr/../" "/tmp/../etc"; do
    refused "$out"
done

mkdir home
HOME=$WORK/home expect_exit 2 run "$mmc" --replications 2 --out "$WORK/home"
expect_stderr_matches "home folder"
[[ -z "$(ls -A home)" ]] || fail "expected nothing written into the home folder"
# A folder in the home folder is fine.
HOME=$WORK/home expect_exit 0 run "$mmc" --replications 2 --out "$WORK/home/results" --quiet
expect_files home/results summary.json

echo "a file" >taken
expect_exit 2 run "$mmc" --replications 2 --out taken
[[ "$(<taken)" == "a file" ]] || fail "expected the file taken to stay as it was"
