#!/usr/bin/env bash
# Benchmark of the Westfriesland baseline (10 years) at 1, 100 and 1000 replications on 1 and 2
# threads: wall time, replications per second, events per second and peak memory.
#   bash bench/baseline.sh [path/to/zorgsim]
# Prints a Markdown table (the one in bench/RESULTS.md). Uses /usr/bin/time (Debian: time).
set -euo pipefail
zorgsim=${1:-build/tools/cli/zorgsim}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "| replications | threads | wall (s) | replications/s | events/s | peak memory (MiB) |"
echo "|---:|---:|---:|---:|---:|---:|"
for reps in 1 100 1000; do
  for threads in 1 2; do
    /usr/bin/time -f "%e %M" -o "$out/time" \
      "$zorgsim" run --replications "$reps" --threads "$threads" --quiet --out "$out/run"
    read -r wall rss <"$out/time"
    events=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['system']['events']['mean'])" "$out/run/summary.json")
    python3 - "$reps" "$threads" "$wall" "$rss" "$events" <<'PY'
import sys
reps, threads, wall, rss, events = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
wall = max(wall, 0.01)
print(f"| {reps} | {threads} | {wall:.2f} | {reps / wall:.1f} | {events * reps / wall / 1e6:.2f} M | {rss / 1024:.1f} |")
PY
  done
done
