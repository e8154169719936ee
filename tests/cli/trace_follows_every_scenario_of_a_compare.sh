# `--trace FILE` on run and on compare writes replication 0's events with who the youth is at
# that moment (age, profile, framework, region) and why it left care; compare traces every
# scenario's replication 0, one after another, and the base's trace there is the run's trace of
# the base (common random numbers: the same replication draws the same streams).
source "$(dirname "$0")/lib.sh"

base=$FIXTURES/compare-base.yaml
alt=$FIXTURES/compare-alt.yaml
expect_exit 0 run "$base" --replications 3 --seed 5 --out run --trace run-trace.csv --quiet
expect_exit 0 compare "$base" "$alt" --replications 3 --seed 5 --out cmp --trace cmp-trace.csv --quiet
expect_exit 0 compare "$base" "$alt" --replications 3 --seed 5 --out cmp2 --trace - --quiet
cmp -s cmp-trace.csv stdout || fail "expected --trace - to stream the same trace to standard output"
expect_exit 0 run "$SOURCE_DIR/scenarios/westfriesland-baseline.yaml" --replications 1 --seed 5 --out wf --trace wf-trace.csv --quiet
expect_exit 0 run "$SOURCE_DIR/tests/scenario/fixtures/valid/regions.yaml" --replications 1 --seed 5 --out reg --trace reg-trace.csv --quiet
py '
import csv
header = "time_days,date,youth,event,where,age_years,profile,framework,region,reason,scenario"
def read(path):
    with open(path, newline="") as f:
        first = f.readline().rstrip("\r\n")
        assert first == header, "expected the trace header %r, got %r" % (header, first)
        f.seek(0)
        return list(csv.DictReader(f))
run = read("run-trace.csv")
both = read("cmp-trace.csv")
names = []
for r in both:
    if not names or names[-1] != r["scenario"]:
        names.append(r["scenario"])
assert names == ["cmp-base", "cmp-alt"], "expected the base then the alternative, one after another: %r" % names
base_rows = [r for r in both if r["scenario"] == "cmp-base"]
assert base_rows == run, "expected the base scenario traced in compare as in run (%d vs %d rows)" % (len(base_rows), len(run))
for rows in (run, both):
    for r in rows:
        assert r["framework"] in ("voluntary", "protection", "crisis"), r
        assert r["profile"], r
        if r["event"] in ("exit", "aged_out"):
            assert r["reason"] in ("discharged", "aged_out", "no_suitable_place", "rejected", "reneged"), r
        else:
            assert r["reason"] == "", r
regions = {r["region"] for r in read("reg-trace.csv")}
assert regions == {"westfriesland", "kop"}, "expected both regions of the fixture in the trace, got %r" % sorted(regions)
nh = read("wf-trace.csv")
ages = [float(r["age_years"]) for r in nh]
assert 0 <= min(ages) and max(ages) < 30, "expected ages of youths, got %r..%r" % (min(ages), max(ages))
assert {r["profile"] for r in nh} >= {"A", "B", "C"}, "expected the segments A, B and C as profiles"
reasons = {r["reason"] for r in nh if r["event"] in ("exit", "aged_out")}
assert {"discharged", "aged_out"} <= reasons, "expected discharges and ageing out among the exits: %r" % reasons
'
