# `zorgsim backtest SCENARIO --observed FILE` (CONTRACT.md) runs the scenario and writes
# backtest.csv with the contract's columns, one row per observed value inside the horizon: a
# stock compared with the period that holds its date, a flow with the sum over its periods, the
# bands' flags consistent with the quantiles, the error of the mean; backtest.json and a report
# section "Voorspelling tegen de werkelijkheid"; the same bytes whatever the thread count.
source "$(dirname "$0")/lib.sh"

B="$FIXTURES/backtest"
expect_exit 0 backtest "$B/queue-2020.yaml" --observed "$B/queue.csv" --out out --threads 1
for f in backtest.csv backtest.json summary.json timeseries.csv report.html results.xlsx; do
    [[ -f out/$f ]] || fail "backtest wrote no $f"
done
expect_stderr_matches 'test values: .* inside the 90% band'
expect_stderr_matches '2 observed values fall outside the horizon'

"$PYTHON" - out <<'PY' || fail "backtest.csv or backtest.json is not what the contract says"
import csv, json, sys
out = sys.argv[1]
rows = list(csv.DictReader(open(f"{out}/backtest.csv", newline="")))
header = open(f"{out}/backtest.csv").readline().strip()
assert header == "series,date,observed,mean,p05,p25,p50,p75,p95,inside_50,inside_90,error_pct", header
# The values before the start and after the end are not compared; the others are, in file order.
assert [(r["series"], r["date"]) for r in rows] == [
    ("team_occupancy", "2020-12-31"), ("team_occupancy", "2021-06-30"),
    ("team_admissions", "2020-12-31"), ("team_admissions", "2021-12-31"),
    ("team_moves", "2021-03-31")], rows
for r in rows:
    q = [float(r[k]) for k in ("p05", "p25", "p50", "p75", "p95")]
    assert q == sorted(q), r
    obs, mean = float(r["observed"]), float(r["mean"])
    assert r["inside_50"] == ("true" if q[1] <= obs <= q[3] else "false"), r
    assert r["inside_90"] == ("true" if q[0] <= obs <= q[4] else "false"), r
    assert abs(float(r["error_pct"]) - 100 * (mean - obs) / obs) < 1e-3 * max(1, abs(float(r["error_pct"]))), r

ts = {}
for r in csv.DictReader(open(f"{out}/timeseries.csv", newline="")):
    ts[(r["period_start"], r["service"], r["metric"])] = float(r["mean"])
by = {(r["series"], r["date"]): r for r in rows}
# A stock on 31 December 2020 is the fourth quarter's average; a flow over 2021 the sum of its
# four quarters; a series of two terms their sum.
assert abs(float(by[("team_occupancy", "2020-12-31")]["mean"]) - ts[("2020-10-01", "team", "occupancy")]) < 1e-3
year = sum(ts[(q, "team", "admissions")] for q in ("2021-01-01", "2021-04-01", "2021-07-01", "2021-10-01"))
assert abs(float(by[("team_admissions", "2021-12-31")]["mean"]) - year) < 1e-2 * year
moves = ts[("2021-01-01", "team", "admissions")] + ts[("2021-01-01", "team", "discharges")]
assert abs(float(by[("team_moves", "2021-03-31")]["mean"]) - moves) < 1e-2 * moves
# 1,000 admissions in 2021 is far outside what an arrival rate of 365 a year gives.
assert by[("team_admissions", "2021-12-31")]["inside_90"] == "false"
assert by[("team_admissions", "2020-12-31")]["inside_90"] == "true"

js = json.load(open(f"{out}/backtest.json"))
assert js["format"] == 1 and js["scenario"] == "queue-2020"
series = {s["id"]: s for s in js["series"]}
assert len(series["team_occupancy"]["fan"]) == 8          # a point per quarter
assert len(series["team_admissions"]["fan"]) == 2         # a point per year, as observed
assert len(series["team_moves"]["fan"]) == 8              # a point per quarter, as observed
assert series["team_admissions"]["test"]["values"] == 1
assert js["test"]["values"] == 3 and js["calibration"]["values"] == 2
assert js["test"]["inside_90"] <= 3 and js["test"]["mape"] > 0
assert [n["line"] for n in js["not_compared"]] == [2, 7]
PY

grep -q 'Voorspelling tegen de werkelijkheid' out/report.html || fail "the report has no backtest section words"
grep -q '"backtest":{' out/report.html || fail "the report's data has no backtest"

# Byte for byte the same with another thread count.
expect_exit 0 backtest "$B/queue-2020.yaml" --observed "$B/queue.csv" --out out2 --threads 2 --quiet
cmp out/backtest.csv out2/backtest.csv || fail "backtest.csv differs between 1 and 2 threads"
cmp out/backtest.json out2/backtest.json || fail "backtest.json differs between 1 and 2 threads"

# The series file can be named; a missing one is an error at its place.
cp "$B/queue.csv" observed.csv
expect_exit 2 backtest "$B/queue-2020.yaml" --observed observed.csv --out out3
expect_stderr_matches 'observed-series\.csv:1:1: error: no such file'
expect_no_output "$WORK/out3"
expect_exit 0 backtest "$B/queue-2020.yaml" --observed observed.csv --series "$B/queue-series.csv" --out out3 --quiet
cmp out/backtest.csv out3/backtest.csv || fail "--series gave another backtest.csv"
