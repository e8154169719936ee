#!/usr/bin/env python3
"""A fan chart of youths in closed care (JeugdzorgPlus) in Westfriesland: the baseline against
"zero closed placements by 2030", compared under common random numbers.

    python3 examples/python/fan_chart.py                       # writes results/fan-chart-closed-care.png
    python3 examples/python/fan_chart.py --replications 200 --out closed.png --show

The shaded bands are the 5-95% and 25-75% ranges across replications of the yearly average
number of youths in closed care; the line is the median. See docs/python.md.
"""

import argparse
import sys
import warnings
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]

try:
    import zorgsim
except ImportError:
    # Straight after the README's quick start, without PYTHONPATH: the module of the build.
    sys.path.insert(0, str(REPOSITORY / "build" / "python"))
    import zorgsim

import matplotlib

if "--show" not in sys.argv:
    matplotlib.use("Agg")  # no window needed to write the file
import matplotlib.pyplot as plt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=100, help="replications per scenario (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("results") / "fan-chart-closed-care.png",
                        help="the figure to write (PNG, SVG or PDF by its extension)")
    parser.add_argument("--show", action="store_true", help="also show the figure in a window")
    args = parser.parse_args()

    # The baseline's loader warnings (two waiting lists that grow without bound) are known.
    warnings.simplefilter("ignore", zorgsim.ScenarioWarning)
    scenarios = REPOSITORY / "scenarios"
    baseline = zorgsim.load(scenarios / "westfriesland-baseline.yaml")
    zero_closed = zorgsim.load(scenarios / "westfriesland-zero-closed-2030.yaml")
    comparison = zorgsim.compare(baseline, zero_closed, replications=args.replications, seed=args.seed)

    series = comparison.timeseries
    closed = series[(series.service == "system") & (series.metric == "closed")]

    figure, axes = plt.subplots(figsize=(9, 5), layout="constrained")
    labels = {baseline.name: "Baseline", zero_closed.name: "Zero closed placements by 2030"}
    for (name, label), colour in zip(labels.items(), ["tab:blue", "tab:orange"]):
        rows = closed[closed.scenario == name]
        axes.fill_between(rows.period_start, rows.p05, rows.p95, color=colour, alpha=0.15, linewidth=0)
        axes.fill_between(rows.period_start, rows.p25, rows.p75, color=colour, alpha=0.3, linewidth=0)
        axes.plot(rows.period_start, rows.p50, color=colour, linewidth=2, label=f"{label} (median)")

    # The paired difference in the last year, with its interval (differences.csv).
    differences = comparison.differences
    last = differences[(differences.service == "system") & (differences.metric == "closed")].iloc[-1]
    axes.set_title("Youths in closed care (JeugdzorgPlus), Westfriesland\n"
                   f"bands: 5-95% and 25-75% of {comparison.replication_count} replications; "
                   f"{last.period_start.year}: {last['mean']:+.1f} youths "
                   f"(95% interval {last.ci95_lo:+.1f} to {last.ci95_hi:+.1f})")
    axes.set_xlabel("year")
    axes.set_ylabel("youths in closed care (yearly average)")
    axes.set_ylim(0, 1.3 * closed.p95.max())  # room for the legend above the bands
    axes.grid(alpha=0.3)
    axes.legend(loc="upper right")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(args.out, dpi=120)
    print(f"fan_chart.py: wrote {args.out}")
    if args.show:
        plt.show()


if __name__ == "__main__":
    main()
