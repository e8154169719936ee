# `--keep-replications` on run, compare, sweep and size writes replications.csv
# (scenario,replication,period_start,service,metric,value): every per-period figure of every
# replication, from which the mean, the 95% interval and the fan-chart quantiles of
# timeseries.csv are recomputed exactly; the quantiles are ordered. Without the flag there is no
# such file, and the flag changes nothing else.
source "$(dirname "$0")/lib.sh"

base=$FIXTURES/compare-base.yaml
alt=$FIXTURES/compare-alt.yaml
expect_exit 0 run "$base" --replications 5 --seed 4 --out run --quiet --keep-replications
expect_files run replications.csv timeseries.csv
expect_exit 0 run "$base" --replications 5 --seed 4 --out plain --quiet
[[ ! -e plain/replications.csv ]] || fail "expected no replications.csv without --keep-replications"
cmp -s run/timeseries.csv plain/timeseries.csv || fail "expected --keep-replications to leave timeseries.csv unchanged"
cmp -s run/summary.json plain/summary.json || fail "expected --keep-replications to leave summary.json unchanged"
expect_exit 0 compare "$base" "$alt" --replications 5 --seed 4 --out cmp --quiet --keep-replications
expect_files cmp replications.csv
expect_exit 0 run "$base" --replications 5 --seed 4 --threads 3 --out threads --quiet --keep-replications
cmp -s run/replications.csv threads/replications.csv || fail "expected replications.csv to be the same whatever --threads is"

py '
import csv, math, statistics
from collections import defaultdict

T975 = {4: 2.7764451051977987}  # Student t, 97.5%, by degrees of freedom

def type7(values, p):
    v = sorted(values)
    h = (len(v) - 1) * p
    lo = math.floor(h)
    if lo + 1 >= len(v):
        return v[-1]
    return v[lo] + (h - lo) * (v[lo + 1] - v[lo])

def close(a, b):
    return abs(a - b) <= 2e-5 * max(1.0, abs(a), abs(b))

for folder, scenarios in [("run", 1), ("cmp", 2)]:
    with open(folder + "/replications.csv", newline="") as f:
        header = f.readline().rstrip("\r\n")
        assert header == "scenario,replication,period_start,service,metric,value", header
        f.seek(0)
        values = defaultdict(dict)
        for r in csv.DictReader(f):
            key = (r["scenario"], r["period_start"], r["service"], r["metric"])
            values[key][int(r["replication"])] = float(r["value"]) if r["value"] else None
    with open(folder + "/timeseries.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len({r["scenario"] for r in rows}) == scenarios
    assert len(values) == len(rows), "expected one replications.csv cell per timeseries.csv row: %d vs %d" % (len(values), len(rows))
    checked = 0
    for r in rows:
        key = (r["scenario"], r["period_start"], r["service"], r["metric"])
        per = values[key]
        assert sorted(per) == list(range(5)), "expected replications 0..4 for %r, got %r" % (key, sorted(per))
        v = [x for x in per.values() if x is not None]
        if not v:
            assert r["mean"] == "", "expected an empty mean without observations: %r" % r
            continue
        assert close(statistics.fmean(v), float(r["mean"])), "mean of %r: %r vs %r" % (key, statistics.fmean(v), r["mean"])
        if len(v) == 5:
            half = T975[4] * statistics.stdev(v) / math.sqrt(5)
            assert close(statistics.fmean(v) - half, float(r["ci95_lo"])), "ci95_lo of %r" % (key,)
            assert close(statistics.fmean(v) + half, float(r["ci95_hi"])), "ci95_hi of %r" % (key,)
        q = [float(r[c]) for c in ["p05", "p25", "p50", "p75", "p95"]]
        assert all(q[i] <= q[i + 1] for i in range(4)), "quantiles out of order: %r" % r
        for c, p in zip(["p05", "p25", "p50", "p75", "p95"], [0.05, 0.25, 0.5, 0.75, 0.95]):
            assert close(type7(v, p), float(r[c])), "%s of %r: %r vs %r" % (c, key, type7(v, p), r[c])
        checked += 1
    assert checked > 100, "expected many rows checked, got %d" % checked
'

expect_exit 0 sweep "$base" --set services.team.capacity=3,4 --replications 3 --out sw --quiet --keep-replications
expect_files sw replications.csv sweep.csv
py '
import csv
with open("sw/replications.csv", newline="") as f:
    assert f.readline().rstrip("\r\n") == "point,scenario,replication,period_start,service,metric,value"
    f.seek(0)
    rows = list(csv.DictReader(f))
assert {r["point"] for r in rows} == {"0", "1"}, "expected points 0 and 1"
assert {r["replication"] for r in rows} == {"0", "1", "2"}, "expected replications 0..2"
'
expect_exit 0 size "$FIXTURES/mmc-short.yaml" --service team --target "wait_days.mean <= 5" --replications 3 --out sz --quiet --keep-replications
expect_files sz replications.csv sizing.json
