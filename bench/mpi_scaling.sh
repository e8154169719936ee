#!/usr/bin/env bash
# Scaling of the MPI build (docs/cluster.md): a scenario (default: the embedded Westfriesland
# baseline, 10 years; e.g. scenarios/noord-holland.yaml for the eight regions) under
# `mpirun -np 1` and `-np 2`, one thread per rank, against the ordinary single-process build
# on one and on two threads. Wall time is the median of REPEATS runs; speed-up is against the
# single process on one thread; efficiency is speed-up per core used. CPU is user + system
# seconds of all processes (mpirun included), which shows MPI's own cost even on a machine
# shared with other work, where wall times are noisy. Every run's summary.json
# and timeseries.csv are checked byte for byte against the single process's.
#   bash bench/mpi_scaling.sh SINGLE_ZORGSIM MPI_ZORGSIM [REPLICATIONS [REPEATS [SCENARIO]]]
# Prints a Markdown table (the one in bench/RESULTS.md).
set -euo pipefail
single=$(realpath "$1")
mpi=$(realpath "$2")
reps=${3:-400}
repeats=${4:-3}
scenario=()
[[ -n "${5:-}" ]] && scenario=("$(realpath "$5")")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
mpirun=(mpirun -q --allow-run-as-root --bind-to none)

# measure NAME COMMAND...: the median wall time of REPEATS runs, into $wall, and the CPU
# seconds of that same run, into $cpu.
measure() {
    local name=$1
    shift
    local times=()
    for ((i = 0; i < repeats; i++)); do
        rm -rf "$out/$name"
        /usr/bin/time -f "%e %U %S" -o "$out/time" "$@" --replications "$reps" --quiet \
            --out "$out/$name" >/dev/null
        times+=("$(awk '{print $1, $2 + $3}' "$out/time")")
    done
    read -r wall cpu < <(printf '%s\n' "${times[@]}" | sort -g | awk '{w[NR]=$1; c[NR]=$2}
        END {m = int((NR + 1) / 2); print w[m], c[m]}')
    if [[ $name != reference ]]; then
        cmp -s "$out/reference/summary.json" "$out/$name/summary.json" &&
            cmp -s "$out/reference/timeseries.csv" "$out/$name/timeseries.csv" ||
            { echo "bench: $name differs from the single process" >&2; exit 1; }
    fi
}

row() { # LABEL PROCESSES THREADS CORES
    python3 - "$1" "$2" "$3" "$4" "$wall" "$cpu" "$base" "$reps" <<'PY'
import sys
label, procs, threads, cores, wall, cpu, base, reps = sys.argv[1:]
wall, cpu, base, cores = float(wall), float(cpu), float(base), int(cores)
speedup = base / wall
print(f"| {label} | {procs} | {threads} | {wall:.2f} | {cpu:.1f} | {int(reps) / wall:.1f} "
      f"| {speedup:.2f} | {speedup / cores:.0%} |")
PY
}

echo "| run | processes | threads each | wall (s) | CPU (s) | replications/s | speed-up | efficiency |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
measure reference "$single" run "${scenario[@]}" --threads 1
base=$wall
row "single process" 1 1 1
measure single2 "$single" run "${scenario[@]}" --threads 2
row "single process" 1 2 2
measure np1 "${mpirun[@]}" -np 1 "$mpi" run "${scenario[@]}" --threads 1
row "mpirun -np 1" 1 1 1
measure np2 "${mpirun[@]}" -np 2 "$mpi" run "${scenario[@]}" --threads 1
row "mpirun -np 2" 2 1 2
