# `zorgsim sweep S --set PATH=V1,V2,...` writes sweep.csv
# (point,PATH,service,metric,mean,ci95_lo,ci95_hi) with one point per value; two --set make a
# grid; a bad value exits 2 with nothing written.
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml
expect_exit 0 sweep "$mmc" --set services.team.capacity=3,4,5 --replications 4 --out sw --quiet
expect_files sw sweep.csv
expect_no_staging "$WORK/sw"
py '
import csv
with open("sw/sweep.csv", newline="") as f:
    header = f.readline().rstrip("\r\n")
    want = "point,services.team.capacity,service,metric,mean,ci95_lo,ci95_hi"
    assert header == want, "expected the header %r, got %r" % (want, header)
    f.seek(0)
    rows = list(csv.DictReader(f))
points = {}
for r in rows:
    points.setdefault(r["point"], set()).add(r["services.team.capacity"])
assert points == {"0": {"3"}, "1": {"4"}, "2": {"5"}}, "expected points 0, 1, 2 with capacities 3, 4, 5, got %r" % points
metrics = {(r["service"], r["metric"]) for r in rows}
for m in ["wait_days", "queue_length", "occupancy", "utilization", "admissions"]:
    assert ("team", m) in metrics, "expected rows for team %s" % m
assert any(s == "system" for s, _ in metrics), "expected system rows"
wait = {int(r["point"]): float(r["mean"]) for r in rows if r["service"] == "team" and r["metric"] == "wait_days"}
assert wait[0] > wait[1] > wait[2], "expected the mean wait to fall as capacity rises, got %r" % wait
for r in rows:
    if r["mean"] and r["ci95_lo"]:  # the pooled quantiles (wait_days_p50/p90) have no interval
        assert float(r["ci95_lo"]) <= float(r["mean"]) * (1 + 1e-6) + 1e-9 and float(r["mean"]) <= float(r["ci95_hi"]) * (1 + 1e-6) + 1e-9, "expected lo <= mean <= hi: %r" % r
per_point = [sum(1 for r in rows if r["point"] == p) for p in "012"]
assert len(set(per_point)) == 1, "expected the same rows for every point, got %r" % per_point
'

# A grid: 3 capacities x 2 arrival rates = 6 points, the first parameter varying slowest.
expect_exit 0 sweep "$mmc" --set services.team.capacity=3,4,5 \
    --set sources.referrals.rate_per_year=300,365 --replications 2 --out grid --quiet
py '
import csv
with open("grid/sweep.csv", newline="") as f:
    header = f.readline().rstrip("\r\n")
    want = "point,services.team.capacity,sources.referrals.rate_per_year,service,metric,mean,ci95_lo,ci95_hi"
    assert header == want, "expected the header %r, got %r" % (want, header)
    f.seek(0)
    rows = list(csv.DictReader(f))
points = {}
for r in rows:
    points.setdefault(int(r["point"]), set()).add((r["services.team.capacity"], r["sources.referrals.rate_per_year"]))
assert sorted(points) == list(range(6)), "expected points 0..5, got %r" % sorted(points)
assert all(len(v) == 1 for v in points.values()), "expected one parameter pair per point"
pairs = [next(iter(points[p])) for p in range(6)]
want = [(c, r) for c in ["3", "4", "5"] for r in ["300", "365"]]
assert pairs == want, "expected the grid %r, got %r" % (want, pairs)
adm = {int(r["point"]): float(r["mean"]) for r in rows if r["service"] == "team" and r["metric"] == "admissions"}
assert adm[1] > adm[0], "expected more admissions at 365 referrals a year than at 300"
'

# Bad values or paths: exit 2, nothing written.
for bad in services.team.capacity=3,x,5 services.team.capacity=3,,5 services.team.capacity= \
    services.nosuch.capacity=1,2 services.team.capacity=-1,2 nonsense; do
    expect_exit 2 sweep "$mmc" --set "$bad" --replications 2 --out bad
    [[ -s "$WORK/stderr" ]] || fail "expected a message on stderr for --set $bad"
    expect_no_output "$WORK/bad"
done
expect_exit 2 sweep "$mmc" --replications 2 --out bad
expect_no_output "$WORK/bad"
