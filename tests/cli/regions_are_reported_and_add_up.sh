# A scenario with regions reports every region's youths beside the totals, in summary.json
# ("regions"), timeseries.csv (service column "region:ID"), comparison.json (paired differences)
# and sweep.csv; the regions' counts add up to the system's.
source "$(dirname "$0")/lib.sh"

regions=$SOURCE_DIR/tests/scenario/fixtures/valid/regions.yaml

expect_exit 0 run "$regions" --replications 4 --seed 5 --out out --quiet
py '
import csv, json
s = json.load(open("out/summary.json"))
assert set(s["regions"]) == {"westfriesland", "kop"}, s.get("regions")
assert s["region_info"]["kop"]["name"] == "Kop van Noord-Holland", s["region_info"]
assert s["service_info"]["team_kop"]["region"] == "kop"
assert "region" not in s["service_info"]["crisis"], "a shared service has no region"
assert all(i["wait_norm_days"] == s["wait_norm_days"] for i in s["service_info"].values())
for metric in ["arrivals", "exits", "reentries", "closed_admissions", "replacements",
               "care_starts", "wait_to_care_over_norm", "reneged_waits", "left_waiting",
               "still_waiting_end"]:
    total = s["system"][metric]["mean"]
    by_region = sum(r[metric]["mean"] for r in s["regions"].values())
    assert abs(total - by_region) <= 1e-9 * max(1, total), (metric, total, by_region)
for metric in ["in_care", "out_of_home", "cost"]:
    total = s["system"][metric]["mean"]
    by_region = sum(r[metric]["mean"] for r in s["regions"].values())
    assert abs(total - by_region) <= 1e-6 * max(1, total), (metric, total, by_region)
for region in s["regions"].values():
    for metric in ["shared_admissions", "shared_wait_days", "wait_days", "waits_over_norm",
                   "wait_to_care_days", "wait_to_care_p90_days", "still_waiting_days"]:
        assert metric in region, metric
rows = list(csv.DictReader(open("out/timeseries.csv")))
entities = {r["service"] for r in rows}
assert {"region:westfriesland", "region:kop", "system"} <= entities, entities
kop = [r for r in rows if r["service"] == "region:kop" and r["metric"] == "in_care"]
assert len(kop) == 10, len(kop)  # one per year of the horizon
'

# compare: paired differences per region, also for a region the scenarios share by id.
cat >alt.yaml <<YAML
format: 1
extends: $regions
name: two-regions-fewer-closed
services:
  - id: jeugdzorgplus
    capacity: 5
YAML
expect_exit 0 compare "$regions" alt.yaml --replications 4 --out cmp --quiet
py '
import json
c = json.load(open("cmp/comparison.json"))
d = c["differences"]["two-regions-fewer-closed"]["regions"]
assert set(d) == {"westfriesland", "kop"}, d
assert set(c["scenarios"]["two-regions"]["regions"]) == {"westfriesland", "kop"}
assert d["kop"]["shared_wait_days"]["mean"] is not None
'

expect_exit 0 sweep "$regions" --set services.crisis.capacity=6,10 --replications 2 --out sw --quiet
py '
import csv
rows = list(csv.DictReader(open("sw/sweep.csv")))
kop = [r for r in rows if r["service"] == "region:kop" and r["metric"] == "cost"]
assert len(kop) == 2, kop
'
