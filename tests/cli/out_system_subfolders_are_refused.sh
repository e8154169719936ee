# --out anywhere inside the system's trees is refused, not only at their top (issue 11): every
# folder in /bin /boot /dev /etc /lib* /proc /sbin /sys /usr /var (but /dev/shm and /var/tmp),
# and / and /home and $HOME themselves, as written and with symlinks resolved. /tmp, /var/tmp
# and /dev/shm and their subfolders stay allowed.
source "$(dirname "$0")/lib.sh"

long=$FIXTURES/long-replication.yaml
# A folder that is not refused gets a run that can never finish: its trace goes into a FIFO whose
# reader never reads, so it blocks long before it writes results and is killed; what it staged
# is removed here.
mkfifo "$WORK/stuck"
exec 3<>"$WORK/stuck"
refused() {
    local out=$1 left
    set +e
    timeout -s KILL 5 "$ZORGSIM" run "$long" --replications 1 --threads 1 --out "$out" --trace "$WORK/stuck" \
        >"$WORK/stdout" 2>"$WORK/stderr"
    STATUS=$?
    set -e
    LAST_COMMAND="zorgsim run --out $out"
    if [[ $STATUS -ne 2 ]]; then
        for left in "$out"/.zorgsim-staging-* "$out"/.zorgsim.lock; do
            [[ -e $left ]] && rm -rf -- "$left"
        done
        rmdir "$out" 2>/dev/null || true
        fail "expected --out $out to be refused with exit 2 before simulating, got $STATUS"
    fi
    expect_stderr_matches "refusing to write results into the (system|home) folder|cannot write the output folder"
}
for out in /etc/ssh /etc/cron.d /usr/lib/x86_64-linux-gnu /usr/local/sbin /var/lib /var/log \
    /usr/share/doc /boot/grub /home /home/ /usr/local/new-folder /var/lib/zorgsim-new \
    /dev/mqueue /run; do
    refused "$out"
done
# Through a symlink: resolved, the folder is /etc.
ln -s /etc etc-link
refused "$WORK/etc-link/new-folder"
mkdir home
HOME=$WORK/home refused "$WORK/home"
HOME=$WORK/home refused "$WORK/home/"

# Scratch folders stay allowed.
for out in "$WORK/tmp-results" /var/tmp/zorgsim-cli-$$ /dev/shm/zorgsim-cli-$$; do
    [[ -d $(dirname "$out") && -w $(dirname "$out") ]] || continue
    expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 2 --out "$out" --quiet
    expect_files "$out" summary.json
    [[ $out == "$WORK"/* ]] || rm -rf -- "$out"
done
