# Every shipped scenario validates (exit 0, nothing on stdout) and runs (2 replications); the
# quick-start commands work: `zorgsim run` (the embedded default, the Westfriesland baseline,
# into results/westfriesland-baseline/) and comparing the baseline with a policy scenario.
source "$(dirname "$0")/lib.sh"

scenarios=$SOURCE_DIR/scenarios
shopt -s nullglob
files=("$scenarios"/*.yaml)
((${#files[@]} > 0)) || fail "expected scenarios in $scenarios"

# --quiet: errors only, no pilot run (run_warns_only_of_waiting_lists_that_grow.sh checks those).
for file in "${files[@]}" "$scenarios"/validation/*.yaml; do
    expect_exit 0 validate --quiet "$file"
    expect_empty_stdout
    [[ ! -s "$WORK/stderr" ]] || fail "expected nothing from validate --quiet $file: $(cat "$WORK/stderr")"
done

for file in "${files[@]}"; do
    name=$(basename "$file" .yaml)
    expect_exit 0 run "$file" --replications 2 --out "run-$name" --quiet
    expect_files "run-$name" summary.json timeseries.csv scenario.yaml report.html
done

# The Noord-Holland zero-closed policy does what its file says in every region: no closed
# admission from 2030 (admission stop, no places), the shared small-scale living built up to 265
# places, and each region's youth protection sends no youth to closed care from 2030.
py '
import csv
rows = list(csv.DictReader(open("run-noord-holland-zero-closed-2030/timeseries.csv")))
def series(service, metric):
    return {r["period_start"][:4]: float(r["mean"] or 0) for r in rows if r["service"] == service and r["metric"] == metric}
admissions = series("jeugdzorgplus", "admissions")
assert admissions["2025"] > 50, "expected closed admissions before the policy, got %r" % admissions["2025"]
late = {year: n for year, n in admissions.items() if year >= "2030"}
assert late and all(n == 0 for n in late.values()), "expected no closed admissions from 2030, got %r" % late
capacity = series("kleinschalig_wonen", "capacity")
assert capacity["2025"] == 125 and capacity["2030"] == 265, "expected small-scale living 125 -> 265, got %r" % capacity
regions = {r["service"] for r in rows if r["service"].startswith("region:")}
assert len(regions) == 8, "expected the eight regions, got %r" % sorted(regions)
'

# Quick start 1: `zorgsim run` without a file runs the embedded baseline.
mkdir quickstart
cd quickstart
expect_exit 0 run --replications 2 --quiet
expect_files results/westfriesland-baseline summary.json timeseries.csv scenario.yaml report.html
# The embedded default is the shipped baseline file.
cmp -s results/westfriesland-baseline/summary.json "$WORK/run-westfriesland-baseline/summary.json" ||
    fail "expected 'zorgsim run' to give the same summary.json as scenarios/westfriesland-baseline.yaml"

# Quick start 2: compare the baseline with a policy scenario.
expect_exit 0 compare "$scenarios/westfriesland-baseline.yaml" \
    "$scenarios/westfriesland-zero-closed-2030.yaml" --replications 2 --quiet
expect_files results/westfriesland-baseline-vs-westfriesland-zero-closed-2030 comparison.json \
    timeseries.csv report.html
