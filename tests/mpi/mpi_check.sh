#!/usr/bin/env bash
# End-to-end checks of the MPI build: `mpirun -np N zorgsim ...` gives byte for byte the files
# a single process gives, only rank 0 writes and prints, and bad input ends every rank.
#
#   bash mpi_check.sh CASE ZORGSIM MPIEXEC FIXTURES_DIR
#
# CASE names one of the case_* functions below, each a promise of docs/cluster.md. Each runs
# in a fresh scratch folder, removed at exit.
set -euo pipefail

if [[ $# -ne 4 ]]; then
    echo "usage: $0 CASE ZORGSIM MPIEXEC FIXTURES_DIR" >&2
    exit 2
fi
CASE=$1
ZORGSIM=$(realpath "$2")
MPIEXEC=$3
FIXTURES=$(realpath "$4")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/zorgsim-mpi-$CASE.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# Open MPI in a container, perhaps as root and without a network: every rank on this machine
# (shared memory, no single-copy mechanism that needs ptrace), more ranks than cores allowed,
# threads not pinned to one core, and -q: no banner of mpirun's own when a rank exits non-zero
# (the exit code is kept), so that standard error can be compared with a single process's.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl=self,vader OMPI_MCA_btl_vader_single_copy_mechanism=none
export OMPI_MCA_plm_rsh_agent=false OMPI_MCA_rmaps_base_oversubscribe=1
MPIRUN=("$MPIEXEC" -q --allow-run-as-root --oversubscribe --bind-to none)

fail() {
    echo "FAIL [mpi $CASE]: $*" >&2
    for f in stdout stderr; do
        if [[ -s "$WORK/$f" ]]; then
            echo "--- $f of the last command (first 30 lines):" >&2
            head -n 30 "$WORK/$f" >&2
        fi
    done
    exit 1
}

# single ARGS...: zorgsim in one process; mpi N ARGS...: under mpirun with N ranks. Both keep
# the output in $WORK/stdout and $WORK/stderr and the exit code in $STATUS.
single() {
    STATUS=0
    "$ZORGSIM" "$@" >stdout 2>stderr || STATUS=$?
}
mpi() {
    local ranks=$1
    shift
    STATUS=0
    "${MPIRUN[@]}" -np "$ranks" "$ZORGSIM" "$@" >stdout 2>stderr || STATUS=$?
}
expect_status() {
    [[ $STATUS -eq $1 ]] || fail "expected exit code $1, got $STATUS"
}

# same DIR_A DIR_B FILE...: the files are byte-identical in both folders.
same() {
    local a=$1 b=$2
    shift 2
    for f in "$@"; do
        [[ -f "$a/$f" ]] || fail "$a/$f was not written"
        cmp -s "$a/$f" "$b/$f" || fail "$f differs between $a and $b: $(cmp "$a/$f" "$b/$f" 2>&1 | head -1)"
    done
}

# only_output DIR: the MPI run left nothing but DIR in the scratch folder (no rank's staging
# folder, no second output folder) besides the single run's and the captured output.
only_output() {
    local extra
    extra=$(find . -mindepth 1 -maxdepth 1 ! -name stdout ! -name stderr ! -name single \
        ! -name "$1" ! -name single.trace.csv ! -name mpi.trace.csv -printf '%f\n')
    [[ -z "$extra" ]] || fail "unexpected files after the MPI run: $extra"
}

case_run_matches_one_process() {
    single run "$FIXTURES/mmc.yaml" --replications 20 --threads 2 --quiet --out single
    expect_status 0
    mpi 2 run "$FIXTURES/mmc.yaml" --replications 20 --threads 1 --quiet --out mpi
    expect_status 0
    same single mpi summary.json timeseries.csv scenario.yaml
    [[ ! -s stdout && ! -s stderr ]] || fail "--quiet run under mpirun printed something"
    only_output mpi
}

# More ranks than replications (a rank with none to run), two threads per rank.
case_more_ranks_than_replications() {
    single run "$FIXTURES/mmc.yaml" --replications 2 --quiet --out single
    expect_status 0
    mpi 3 run "$FIXTURES/mmc.yaml" --replications 2 --threads 2 --quiet --out mpi
    expect_status 0
    same single mpi summary.json timeseries.csv
    single run "$FIXTURES/mmc.yaml" --replications 7 --seed 99 --quiet --out single
    mpi 3 run "$FIXTURES/mmc.yaml" --replications 7 --seed 99 --threads 2 --quiet --out mpi
    expect_status 0
    same single mpi summary.json timeseries.csv
}

# The embedded Westfriesland baseline: every care feature, every service's waits, and the
# trace of replication 0 (written by rank 0, which runs replication 0).
case_baseline_and_trace_match() {
    single run --replications 6 --threads 1 --quiet --out single --trace single.trace.csv
    expect_status 0
    mpi 2 run --replications 6 --threads 1 --quiet --out mpi --trace mpi.trace.csv
    expect_status 0
    same single mpi summary.json timeseries.csv scenario.yaml
    cmp -s single.trace.csv mpi.trace.csv || fail "the trace differs"
    only_output mpi
}

# A scenario with regions: the per-region figures travel between ranks like the rest.
case_regions_match() {
    local regions=$FIXTURES/../../scenario/fixtures/valid/regions.yaml
    single run "$regions" --replications 6 --threads 2 --quiet --out single
    expect_status 0
    mpi 2 run "$regions" --replications 6 --threads 1 --quiet --out mpi
    expect_status 0
    same single mpi summary.json timeseries.csv scenario.yaml
    grep -q '"regions"' mpi/summary.json || fail "summary.json has no regions"
    only_output mpi
}

case_compare_matches() {
    single compare "$FIXTURES/mmc.yaml" "$FIXTURES/mmc-alt.yaml" --replications 12 --quiet --out single
    expect_status 0
    mpi 2 compare "$FIXTURES/mmc.yaml" "$FIXTURES/mmc-alt.yaml" --replications 12 --threads 1 \
        --quiet --out mpi
    expect_status 0
    same single mpi comparison.json timeseries.csv differences.csv
    only_output mpi
}

case_sweep_matches() {
    single sweep "$FIXTURES/mmc.yaml" --set services.team.capacity=3,4,5 --replications 5 \
        --quiet --out single
    expect_status 0
    mpi 2 sweep "$FIXTURES/mmc.yaml" --set services.team.capacity=3,4,5 --replications 5 \
        --threads 1 --quiet --out mpi
    expect_status 0
    same single mpi sweep.csv
    only_output mpi
}

# Sizing takes decisions from results: every rank must take the same ones. Its answer goes
# to standard output, once.
case_size_takes_the_same_decisions() {
    single size "$FIXTURES/mmc.yaml" --service team --target 'wait_days.mean <= 0.5' \
        --replications 6 --quiet --out single
    expect_status 0
    cp stdout single.stdout.txt
    mpi 2 size "$FIXTURES/mmc.yaml" --service team --target 'wait_days.mean <= 0.5' \
        --replications 6 --threads 1 --quiet --out mpi
    expect_status 0
    same single mpi sizing.json summary.json timeseries.csv
    cmp -s stdout single.stdout.txt || fail "standard output differs from a single process's"
    rm single.stdout.txt
    only_output mpi
}

# Bad input: exit code 2 from the job, each error said once (by rank 0), nothing written;
# also when only rank 0 can tell (the output folder, which only it makes).
case_bad_input_exits_2_said_once() {
    single run "$FIXTURES/broken.yaml" --out single
    expect_status 2
    cp stderr single.stderr.txt
    mpi 2 run "$FIXTURES/broken.yaml" --out mpi
    expect_status 2
    [[ ! -e mpi ]] || fail "the output folder exists after bad input"
    cmp -s stderr single.stderr.txt || fail "standard error differs from a single process's"
    mpi 2 size "$FIXTURES/mmc.yaml" --service nowhere --target 'wait_days.mean <= 1' --out mpi
    expect_status 2
    [[ $(grep -c "no such service" stderr) -eq 1 ]] || fail "the error was not said exactly once"
    [[ ! -e mpi ]] || fail "the output folder exists after bad input"
    touch a-file
    single run "$FIXTURES/mmc.yaml" --replications 2 --out a-file/results
    expect_status 2
    cp stderr single.stderr.txt
    mpi 2 run "$FIXTURES/mmc.yaml" --replications 2 --out a-file/results
    expect_status 2
    cmp -s stderr single.stderr.txt || fail "standard error differs from a single process's"
    rm single.stderr.txt a-file
}

# Ctrl-C on mpirun (best effort, docs/cluster.md): mpirun passes it on as SIGTERM, the ranks
# stop together at the same replication, and the job ends soon, without output.
case_interrupt_ends_every_rank() {
    STATUS=0
    "${MPIRUN[@]}" -np 2 "$ZORGSIM" run --replications 100000 --threads 1 --out mpi \
        >stdout 2>stderr &
    local job=$!
    sleep 4
    kill -INT "$job"
    local waited=0
    while kill -0 "$job" 2>/dev/null; do
        ((waited < 60)) || fail "the job still runs 60 s after Ctrl-C"
        sleep 1
        waited=$((waited + 1))
    done
    wait "$job" || STATUS=$?
    [[ $STATUS -ne 0 ]] || fail "an interrupted job exited 0"
    [[ ! -e mpi ]] || fail "an interrupted job wrote its output folder"
}

"case_$CASE"
echo "ok: mpi $CASE"
