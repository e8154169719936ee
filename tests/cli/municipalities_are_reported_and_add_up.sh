# A scenario whose municipalities have their youth population reports every municipality's
# youths beside the totals: summary.json ("municipalities", "municipality_info"), timeseries.csv
# and replications.csv (service column "municipality:ID"), comparison.json and
# differences.csv (paired differences), results.xlsx (sheet Gemeenten) and report.html (section
# Gemeenten). In every replication and period the municipalities add up to the system.
source "$(dirname "$0")/lib.sh"

base=$SOURCE_DIR/scenarios/westfriesland-baseline.yaml
alt=$SOURCE_DIR/scenarios/westfriesland-zero-closed-2030.yaml
expect_exit 0 compare "$base" "$alt" --replications 3 --seed 2 --out cmp --quiet --keep-replications
py '
import csv, json
from collections import defaultdict
# Ids in the files (a name with a space becomes Stede-Broec), names in municipality_info.
towns = ["Drechterland", "Enkhuizen", "Hoorn", "Koggenland", "Medemblik", "Opmeer", "Stede-Broec"]
c = json.load(open("cmp/comparison.json"))
base = c["scenarios"]["westfriesland-baseline"]
assert sorted(base["municipalities"]) == towns, sorted(base["municipalities"])
info = c["info"]["westfriesland-baseline"]["municipality_info"]
assert info["Hoorn"]["youths_0_17"] > 0 and info["Hoorn"]["year"] == 2021, info["Hoorn"]
assert info["Stede-Broec"]["name"] == "Stede Broec", info["Stede-Broec"]
assert c["info"]["westfriesland-baseline"]["service_info"]["jeugdzorgplus"]["solidarity_share"] == 1
d = c["differences"]["westfriesland-zero-closed-2030"]["municipalities"]
assert sorted(d) == towns and "cost" in d["Hoorn"], d.keys()

# Every replication, every period: the municipalities add up to the system.
sums = defaultdict(float)
system = {}
for r in csv.DictReader(open("cmp/replications.csv")):
    key = (r["scenario"], r["replication"], r["period_start"], r["metric"])
    if r["service"].startswith("municipality:") and r["value"] != "":
        sums[key] += float(r["value"])
    elif r["service"] == "system" and r["value"] != "":
        system[key] = float(r["value"])
checked = 0
for key, total in sums.items():
    expected = system[key]
    assert abs(total - expected) <= 1e-4 * max(1.0, abs(expected)), (key, total, expected)
    checked += 1
metrics = {k[3] for k in sums}
assert metrics == {"arrivals", "in_care", "waiting", "out_of_home", "closed", "closed_admissions",
                   "cost", "cost_occupied", "cost_vacant", "cost_fixed"}, metrics
assert checked == 2 * 3 * 10 * 10, checked

rows = list(csv.DictReader(open("cmp/differences.csv")))
hoorn = [r for r in rows if r["service"] == "municipality:Hoorn" and r["metric"] == "cost"]
assert len(hoorn) == 10, len(hoorn)  # one per year of the horizon
'
expect_files cmp results.xlsx report.html
grep -q 'id="zorgsim-data"' cmp/report.html || fail "expected the report data in report.html"
grep -q '"municipality_info"' cmp/report.html || fail "expected the municipalities in the report data"
py '
import zipfile
book = zipfile.ZipFile("cmp/results.xlsx")
workbook = book.read("xl/workbook.xml").decode()
assert "Gemeenten" in workbook, workbook
'

# A scenario without populations reports no municipalities.
expect_exit 0 run "$FIXTURES/compare-base.yaml" --replications 2 --out plain --quiet
py '
import json
s = json.load(open("plain/summary.json"))
assert "municipalities" not in s and "municipality_info" not in s, s.keys()
'
