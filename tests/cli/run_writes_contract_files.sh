# `zorgsim run` writes summary.json, timeseries.csv, scenario.yaml and report.html into --out
# (default results/<scenario-name>/), with the fields and columns of CONTRACT.md.
source "$(dirname "$0")/lib.sh"

expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 5 --seed 3 --threads 2 --out out --quiet
expect_files out summary.json timeseries.csv scenario.yaml report.html
expect_no_staging "$WORK/out"
grep -qi '<html' out/report.html || fail "expected report.html to be an HTML page"

expect_exit 0 --version
version=$(sed -n 's/^zorgsim //p' "$WORK/stdout")

py '
import json, sys
s = json.load(open("out/summary.json"))
version = sys.argv[1]
def check(cond, what):
    assert cond, "expected " + what

check(s.get("format") == 1, "format 1, got %r" % s.get("format"))
check(s.get("zorgsim_version") == version, "zorgsim_version %r, got %r" % (version, s.get("zorgsim_version")))
check(s.get("scenario") == "mmc-short", "scenario mmc-short, got %r" % s.get("scenario"))
check(s.get("seed") == 3, "seed 3 (from --seed), got %r" % s.get("seed"))
check(s.get("replications") == 5, "replications 5, got %r" % s.get("replications"))
check(s.get("start") == "2025-01-01", "start 2025-01-01, got %r" % s.get("start"))
check(s.get("end") == "2027-01-01", "end 2027-01-01 (start + 730 days), got %r" % s.get("end"))

def interval(obj, where):
    check(isinstance(obj, dict), where + " to be an object")
    check("mean" in obj and "ci95" in obj, where + " to have mean and ci95")
    m, ci = obj["mean"], obj["ci95"]
    check(isinstance(m, (int, float)), where + ".mean to be a number, got %r" % (m,))
    check(isinstance(ci, list) and len(ci) == 2 and all(isinstance(x, (int, float)) for x in ci),
          where + ".ci95 to be [lo, hi], got %r" % (ci,))
    check(ci[0] <= m + 1e-9 and m <= ci[1] + 1e-9, where + ": lo <= mean <= hi, got %r %r" % (m, ci))

services = s.get("services")
check(isinstance(services, dict) and set(services) == {"team"}, "services {team}, got %r" % (services,))
team = services["team"]
for metric in ["wait_days", "queue_length", "occupancy", "utilization", "admissions",
               "length_of_stay_days", "rejected"]:
    check(metric in team, "services.team." + metric)
    interval(team[metric], "services.team." + metric)
for q in ["p50", "p90"]:
    check(isinstance(team["wait_days"].get(q), (int, float)), "services.team.wait_days." + q)
check(team["wait_days"]["p50"] <= team["wait_days"]["p90"], "wait_days p50 <= p90")
system = s.get("system")
for metric in ["arrivals", "exits", "in_system_end"]:
    check(metric in system, "system." + metric)
    interval(system[metric], "system." + metric)

# Plausible figures for an M/M/3 at rho = 0.9 over 670 days: about 670 admissions, occupancy
# near 2.7, utilization near 0.9, waits of days, length of stay near 2.7.
check(500 < team["admissions"]["mean"] < 850, "about 670 admissions, got %r" % team["admissions"]["mean"])
check(2.0 < team["occupancy"]["mean"] < 3.0, "occupancy near 2.7, got %r" % team["occupancy"]["mean"])
check(0.65 < team["utilization"]["mean"] < 1.0, "utilization near 0.9, got %r" % team["utilization"]["mean"])
check(abs(team["utilization"]["mean"] - team["occupancy"]["mean"] / 3) < 0.01, "utilization = occupancy / 3")
check(0.5 < team["wait_days"]["mean"] < 40, "a mean wait of days, got %r" % team["wait_days"]["mean"])
check(2.2 < team["length_of_stay_days"]["mean"] < 3.2, "length of stay near 2.7")
check(team["rejected"]["mean"] == 0, "no rejections with an unlimited waiting list")
check(system["arrivals"]["mean"] >= system["exits"]["mean"], "arrivals >= exits")
' "$version"

py '
import csv, re
header = "scenario,period_start,service,metric,mean,ci95_lo,ci95_hi,p05,p25,p50,p75,p95"
with open("out/timeseries.csv", newline="") as f:
    first = f.readline().rstrip("\r\n")
    assert first == header, "expected the header %r, got %r" % (header, first)
    f.seek(0)
    rows = list(csv.DictReader(f))
assert rows, "expected rows in timeseries.csv"
for row in rows:
    assert row["scenario"] == "mmc-short", "expected scenario mmc-short in every row, got %r" % row["scenario"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["period_start"]), "expected ISO dates, got %r" % row["period_start"]
    assert None not in row and len(row) == 12, "expected 12 columns in every row: %r" % row
    if row["mean"]:
        lo, m, hi = float(row["ci95_lo"]), float(row["mean"]), float(row["ci95_hi"])
        assert lo <= m + 1e-6 * max(1, abs(m)) and m <= hi + 1e-6 * max(1, abs(m)), "expected lo <= mean <= hi: %r" % row
services = {r["service"] for r in rows}
assert services == {"team", "system"}, "expected services team and system, got %r" % services
team_metrics = {r["metric"] for r in rows if r["service"] == "team"}
for metric in ["occupancy", "queue_length", "admissions", "wait_days", "cost"]:
    assert metric in team_metrics, "expected the metric %s for team, got %r" % (metric, sorted(team_metrics))
periods = sorted({r["period_start"] for r in rows})
# Quarterly periods of 2025-2026 (the warm-up quarter may be left out).
assert 7 <= len(periods) <= 8 and periods[-1] == "2026-10-01", "expected quarters up to 2026-10-01, got %r" % periods
'

# Without --out: results/<scenario-name>/ in the working folder.
mkdir elsewhere
cd elsewhere
expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 2 --quiet
expect_files results/mmc-short summary.json timeseries.csv scenario.yaml report.html
cd "$WORK"

# The seed is 64-bit unsigned: the largest one is taken and written exactly.
expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 1 --seed 18446744073709551615 \
    --out big-seed --quiet
py 'import json; s = json.load(open("big-seed/summary.json")); assert s["seed"] == 2**64 - 1, "expected seed 18446744073709551615, got %r" % s["seed"]'

# Running again into the same folder replaces the files (here: a different seed).
expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 2 --seed 4 --out out --quiet
py 'import json; s = json.load(open("out/summary.json")); assert s["seed"] == 4 and s["replications"] == 2, "expected the second run to replace summary.json"'
