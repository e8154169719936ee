# `zorgsim sweep` also writes sweep.json, results.xlsx and report.html (a chart per metric against the swept
# values); sweep.csv has the pooled wait quantiles (wait_days_p50, wait_days_p90) and no interval
# below zero; a value the scenario rejects is an error at the --set argument
# (<command line>:N:COLUMN, naming the value), and --keep-going runs the other values, writes
# their results and exits 2.
source "$(dirname "$0")/lib.sh"

mmc=$FIXTURES/mmc-short.yaml
expect_exit 0 sweep "$mmc" --set services.team.capacity=3,4,5 --replications 3 --out sw --quiet
expect_files sw sweep.csv sweep.json report.html results.xlsx
py '
import csv, json
rows = list(csv.DictReader(open("sw/sweep.csv", newline="")))
metrics = {r["metric"] for r in rows if r["service"] == "team"}
assert {"wait_days_p50", "wait_days_p90"} <= metrics, "expected the wait quantiles, got %r" % metrics
p90 = {int(r["point"]): float(r["mean"]) for r in rows if r["service"] == "team" and r["metric"] == "wait_days_p90"}
assert p90[0] > p90[2], "expected the p90 wait to fall as capacity rises, got %r" % p90
for r in rows:
    if r["ci95_lo"]:
        assert float(r["ci95_lo"]) >= 0, "expected no interval below zero: %r" % r
        assert float(r["ci95_lo"]) <= float(r["mean"]) * (1 + 1e-6) + 1e-9 <= float(r["ci95_hi"]) * (1 + 1e-6) + 2e-9, "expected lo <= mean <= hi: %r" % r
sweep = json.load(open("sw/sweep.json"))
assert sweep["parameters"] == ["services.team.capacity"], sweep["parameters"]
assert sweep["failed"] == [], sweep["failed"]
assert {r["point"] for r in sweep["rows"]} == {0, 1, 2}
assert all(r["ci95"][0] is None or r["ci95"][0] >= 0 for r in sweep["rows"])
html = open("sw/report.html", encoding="utf-8").read()
assert "\"sweep\":" in html and "services.team.capacity" in html, "expected the sweep in the report data"
'

# A value below the start census points at the --set argument, column of the value.
cat > census.yaml <<'YAML'
format: 1
name: census
start: 2025-01-01
horizon_days: 200
period: quarter
replications: 2
seed: 7
sources:
  - {id: referrals, rate_per_year: 365, to: team}
services:
  - id: team
    capacity: 3
    census: {occupied: 3}
    duration_days: {dist: exponential, mean: 2.7}
YAML
expect_exit 2 sweep census.yaml --set services.team.capacity=4,2,x --replications 2 --out bad
expect_no_output "$WORK/bad"
grep -q '^<command line>:1:26: error: --set services.team.capacity=2: .*census' "$WORK/stderr" ||
    fail "expected the census error at <command line>:1:26 (the value 2), got: $(cat "$WORK/stderr")"
grep -q '^<command line>:1:28: error: --set services.team.capacity=x: ' "$WORK/stderr" ||
    fail "expected the conversion error at <command line>:1:28 (the value x), got: $(cat "$WORK/stderr")"

# --keep-going: the good value runs and is written; the exit code says some did not.
expect_exit 2 sweep census.yaml --set services.team.capacity=4,2,x --replications 2 --out kept \
    --keep-going --quiet
expect_files kept sweep.csv sweep.json report.html
py '
import csv, json
points = {r["point"] for r in csv.DictReader(open("kept/sweep.csv", newline=""))}
assert points == {"0"}, "expected only point 0, got %r" % points
failed = json.load(open("kept/sweep.json"))["failed"]
assert [f["values"] for f in failed] == [["2"], ["x"]], failed
'
