# Every shipped scenario validates (exit 0, nothing on stdout) and runs (2 replications); the
# quick-start commands work: `zorgsim run` (the embedded default, the Westfriesland baseline,
# into results/westfriesland-baseline/) and comparing the baseline with a policy scenario.
source "$(dirname "$0")/lib.sh"

scenarios=$SOURCE_DIR/scenarios
shopt -s nullglob
files=("$scenarios"/*.yaml)
((${#files[@]} > 0)) || fail "expected scenarios in $scenarios"

for file in "${files[@]}" "$scenarios"/validation/*.yaml; do
    expect_exit 0 validate "$file"
    expect_empty_stdout
    grep -q ': error: ' "$WORK/stderr" && fail "expected no errors validating $file"
done

for file in "${files[@]}"; do
    name=$(basename "$file" .yaml)
    expect_exit 0 run "$file" --replications 2 --out "run-$name" --quiet
    expect_files "run-$name" summary.json timeseries.csv scenario.yaml report.html
done

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
