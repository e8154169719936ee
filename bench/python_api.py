#!/usr/bin/env python3
"""The Python API against the command line: the Westfriesland baseline at 100 replications.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_api.py [--build build] [--runs 5]

Per thread count (1 and 2) and in turns, so that the load of a shared machine falls on all
alike, it times RUNS times each of:

- cli: `zorgsim run scenarios/westfriesland-baseline.yaml --replications 100 --threads T
  --quiet --out DIR` (a process: load, simulate, write the folder with report.html);
- python, process: `python3 -c 'import zorgsim; zorgsim.run(...).to_folder(DIR)'`, the same
  work from a fresh interpreter (its start and `import zorgsim` included);
- python, zorgsim.run: in this interpreter, the call alone (load included, no files);
- python, run + to_folder: the same with the folder written, as the command line does;
- python, .timeseries / .summary: turning a result into a DataFrame and a dict.

It prints the median wall time and CPU time (user + system, all threads) of each, and the
difference against the command line. Prints a Markdown table (bench/RESULTS.md).
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
BASELINE = REPOSITORY / "scenarios" / "westfriesland-baseline.yaml"
REPLICATIONS = 100


def cpu_self():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_process(command, env=None):
    before, start = cpu_children(), time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, cpu_children() - before


def timed_call(call):
    before, start = cpu_self(), time.perf_counter()
    value = call()
    return time.perf_counter() - start, cpu_self() - before, value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", type=Path, default=REPOSITORY / "build")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cli = str(args.build / "tools" / "cli" / "zorgsim")
    sys.path.insert(0, str(args.build / "python"))
    import warnings

    import zorgsim

    warnings.simplefilter("ignore", zorgsim.ScenarioWarning)
    env = {**os.environ, "PYTHONPATH": str(args.build / "python"), "PYTHONWARNINGS": "ignore"}
    out = Path(tempfile.mkdtemp())
    rows = []
    try:
        for threads in (1, 2):
            times = {name: [] for name in ["cli", "process", "run", "run+folder", "timeseries", "summary"]}
            script = (f"import zorgsim; zorgsim.run({str(BASELINE)!r}, replications={REPLICATIONS}, "
                      f"threads={threads}).to_folder({str(out / 'py-process')!r})")
            for _ in range(args.runs):
                times["cli"].append(timed_process([cli, "run", str(BASELINE), "--replications", str(REPLICATIONS),
                                                   "--threads", str(threads), "--quiet", "--out", str(out / "cli")]))
                times["process"].append(timed_process([sys.executable, "-c", script], env))
                wall, cpu, _ = timed_call(lambda: zorgsim.run(BASELINE, replications=REPLICATIONS, threads=threads))
                times["run"].append((wall, cpu))
                wall, cpu, result = timed_call(
                    lambda: zorgsim.run(BASELINE, replications=REPLICATIONS, threads=threads).to_folder(out / "py"))
                times["run+folder"].append((wall, cpu))
                result = zorgsim.run(BASELINE, replications=REPLICATIONS, threads=threads)
                wall, cpu, _ = timed_call(lambda: result.timeseries)
                times["timeseries"].append((wall, cpu))
                wall, cpu, _ = timed_call(lambda: result.summary)
                times["summary"].append((wall, cpu))
            for name in ["summary.json", "timeseries.csv", "report.html"]:
                for folder in ["py", "py-process"]:
                    assert (out / folder / name).read_bytes() == (out / "cli" / name).read_bytes(), name
            medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
                       for name, runs in times.items()}
            rows.append((threads, medians))
    finally:
        shutil.rmtree(out)

    labels = {
        "cli": "`zorgsim run` (process)",
        "process": "`python3 -c 'import zorgsim; zorgsim.run(...).to_folder(DIR)'` (process)",
        "run": "`zorgsim.run(path, ...)` in the interpreter (no files)",
        "run+folder": "`zorgsim.run(path, ...).to_folder(DIR)` in the interpreter",
        "timeseries": "`result.timeseries` (DataFrame from the CSV text)",
        "summary": "`result.summary` (dict from the JSON text)",
    }
    print(f"| what | threads | wall (s) | CPU (s) | wall against `zorgsim run` |")
    print("|---|---:|---:|---:|---:|")
    for threads, medians in rows:
        cli_wall = medians["cli"][0]
        for name, (wall, cpu) in medians.items():
            against = "" if name in ("cli", "timeseries", "summary") else f"{wall - cli_wall:+.3f} s ({wall / cli_wall:.2f}x)"
            print(f"| {labels[name]} | {threads} | {wall:.3f} | {cpu:.3f} | {against} |")
    print(f"\nmedian of {args.runs} runs each, in turns; load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
