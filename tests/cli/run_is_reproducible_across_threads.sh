# The same scenario, seed and replications give byte-identical summary.json and timeseries.csv
# whatever --threads is (1, 2, 4); a different seed gives different figures.
source "$(dirname "$0")/lib.sh"

for threads in 1 2 4; do
    expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 12 --seed 99 --threads "$threads" \
        --out "out-$threads" --quiet
done
for threads in 2 4; do
    for file in summary.json timeseries.csv; do
        cmp -s "out-1/$file" "out-$threads/$file" ||
            fail "expected $file byte-identical for --threads 1 and --threads $threads"
    done
done

# The same for compare (paired replications run on several threads).
for threads in 1 3; do
    expect_exit 0 compare "$FIXTURES/compare-base.yaml" "$FIXTURES/compare-alt.yaml" \
        --replications 6 --threads "$threads" --out "cmp-$threads" --quiet
done
for file in comparison.json timeseries.csv differences.csv; do
    cmp -s "cmp-1/$file" "cmp-3/$file" ||
        fail "expected compare's $file byte-identical for --threads 1 and --threads 3"
done

expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 12 --seed 100 --threads 2 \
    --out other-seed --quiet
! cmp -s out-1/summary.json other-seed/summary.json ||
    fail "expected a different seed to give a different summary.json"
