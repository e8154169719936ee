# Every endpoint of the studio's API (docs/studio.md) answers as documented: the scenarios and
# their levers, a run (202, polled to done, with the comparison and the per-year differences),
# its files, its report data and its animation, a cancelled run, and the cache.
source "$(dirname "$0")/lib.sh"
start_studio studio "$SOURCE_DIR/scenarios"

req GET /api/scenarios
expect_code 200 "GET /api/scenarios"
[[ $(json_field '"westfriesland-baseline" in [s["name"] for s in d["scenarios"]]') == True ]] ||
    fail "the shipped baseline is not offered"
[[ $(json_field 'all(s["title"] and "description" in s for s in d["scenarios"])') == True ]] ||
    fail "every scenario has a name, a title and a description"

req GET /api/scenarios/westfriesland-baseline/levers
expect_code 200 "GET levers"
python3 - "$WORK/body" <<'PY' || fail "the levers are not as documented"
import json, sys
d = json.load(open(sys.argv[1]))
levers = {l["id"]: l for l in d["levers"]}
foster = levers["capacity:pleegzorg"]
assert foster["kind"] == "capacity" and foster["current"] == 180, foster
assert foster["path"] == "services.pleegzorg.capacity"
assert foster["min"] == 0 and foster["max"] >= 1000 and foster["whole"] is True
assert foster["label"]["nl"] and foster["label"]["en"] and foster["help"]["nl"]
assert levers["inflow"]["kind"] == "inflow" and levers["inflow"]["unit"] == "percent_per_year"
assert "phase_out:jeugdzorgplus" in levers
kinds = {l["kind"] for l in d["levers"]}
assert {"capacity", "inflow", "phase_out"} <= kinds, kinds
PY
req GET /api/scenarios/westfriesland-zero-closed-2030/levers
expect_code 200 "GET levers of the zero-closed scenario"
[[ $(json_field 'sorted({l["kind"] for l in d["levers"]})') == "['admission_stop', 'capacity', 'capacity_step', 'inflow', 'phase_out', 'routing_shift']" ]] ||
    fail "the zero-closed scenario's own steps are levers: $(json_field 'sorted({l["kind"] for l in d["levers"]})')"
req GET /api/scenarios/no-such-scenario/levers
expect_code 404 "levers of an unknown scenario"

# A run: two alternatives against the baseline.
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 10, "seed": 3,
  "alternatives": [
    {"name": "Meer pleegzorg", "levers": {"capacity:pleegzorg": {"value": 200, "date": "2027-01-01"}}},
    {"name": "Preventie", "levers": {"inflow": {"value": -2, "date": "2026-01-01"}},
     "set": {"services.gezinshuis.capacity": 60},
     "policies": [{"id": "shorter", "date": "2027-01-01", "description": "Shorter stays",
                   "length_of_stay": {"service": "open_residentieel", "multiplier": 0.9}}]}]}'
expect_code 202 "POST /api/runs"
id=$(json_field 'd["id"]')
[[ $id =~ ^[0-9a-f]{32}$ ]] || fail "a run id is 32 hexadecimal digits, got '$id'"
wait_run "$id"
[[ $STATUS == done ]] || fail "the run ended $STATUS"
req GET "/api/runs/$id"
expect_code 200 "GET /api/runs/ID"
python3 - "$WORK/body" <<'PY' || fail "the run's result is not as documented"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["status"] == "done" and d["progress"] == 1.0 and d["replications"] == 10, d["status"]
assert [a["name"] for a in d["alternatives"]] == ["meer-pleegzorg", "preventie"], d["alternatives"]
c = d["result"]["comparison"]
assert list(c["scenarios"]) == ["westfriesland-baseline", "meer-pleegzorg", "preventie"]
rows = d["result"]["differences"]
assert rows and set(rows[0]) == {"base", "alternative", "period_start", "service", "metric", "mean", "ci95_lo", "ci95_hi"}, rows[0]
# The baseline's foster care is a pool that loses places, so its list grows and the queue wait of
# those admitted swings; 20 more places from 2027 shorten the list in the years after, until
# the extra places have left at the pool's attrition rate too.
foster = [r for r in rows if r["alternative"] == "meer-pleegzorg" and r["service"] == "pleegzorg"
          and r["metric"] == "queue_length" and "2028" <= r["period_start"] < "2031"]
assert len(foster) == 3 and all(r["mean"] < 0 for r in foster), foster
for f in ["comparison.json", "differences.csv", "timeseries.csv", "results.xlsx", "report.html",
          "meer-pleegzorg.yaml", "preventie.yaml", "results.zip"]:
    assert f in d["files"], (f, d["files"])
PY
for file in comparison.json differences.csv timeseries.csv results.xlsx report.html meer-pleegzorg.yaml results.zip \
    scenario-preventie.yaml; do
    req GET "/api/runs/$id/files/$file"
    expect_code 200 "GET files/$file"
    [[ -s $WORK/body ]] || fail "files/$file is empty"
done
req GET "/api/runs/$id/files/preventie.yaml"
expect_body "extends: \"westfriesland-baseline.yaml\"" "the alternative's scenario file"
grep -q "capacity: 60" "$WORK/body" || fail "the set value is in the alternative's file"
grep -q "length_of_stay" "$WORK/body" || fail "the policy is in the alternative's file"
req GET "/api/runs/$id/files/results.zip"
cp "$WORK/body" results.zip
unzip -l results.zip >zip.txt || fail "results.zip does not open"
grep -q "westfriesland-baseline-vs-meer-pleegzorg-vs-preventie/report.html" zip.txt || fail "results.zip holds the report"
grep -q " preventie.yaml" zip.txt || fail "results.zip holds the alternatives' files"
req GET "/api/runs/$id/files/summary.json"
expect_code 404 "a file the run does not have"
req GET "/api/runs/$id/report?lang=en"
expect_code 200 "GET report data"
[[ $(json_field 'd["lang"], d["is_comparison"], len(d["scenarios"])') == "en True 3" ]] ||
    fail "the report data document of the comparison in English"
req GET "/api/runs/$id/animation?scenario=meer-pleegzorg"
expect_code 200 "GET animation"
[[ $(json_field 'd["scenario"] == "meer-pleegzorg" and len(d["t"]) == len(d["y"]) == len(d["e"]) == len(d["p"]) > 1000 and "admitted" in d["events"] and "pleegzorg" in d["labels"]') == True ]] ||
    fail "the animation holds replication 0's events"

# The same request again is the cached run: done at once, same id.
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 10, "seed": 3,
  "alternatives": [
    {"name": "Meer pleegzorg", "levers": {"capacity:pleegzorg": {"value": 200, "date": "2027-01-01"}}},
    {"name": "Preventie", "levers": {"inflow": {"value": -2, "date": "2026-01-01"}},
     "set": {"services.gezinshuis.capacity": 60},
     "policies": [{"id": "shorter", "date": "2027-01-01", "description": "Shorter stays",
                   "length_of_stay": {"service": "open_residentieel", "multiplier": 0.9}}]}]}'
expect_code 202 "POST the same run again"
[[ $(json_field 'd["id"]') == "$id" && $(json_field 'd["status"]') == done ]] ||
    fail "the same request is answered from the cache"

# The base alone (no alternatives): a run's files.
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 4}'
expect_code 202 "POST a run of the base alone"
base_id=$(json_field 'd["id"]')
wait_run "$base_id"
[[ $STATUS == done ]] || fail "the base run ended $STATUS"
req GET "/api/runs/$base_id"
[[ $(json_field '"summary" in d["result"] and "summary.json" in d["files"]') == True ]] ||
    fail "a run of the base alone has its summary"

# Cancelling: a long run is cancelled within a few seconds; a finished run cannot be.
post_json /api/runs '{"base": "westfriesland-baseline", "replications": 1000, "seed": 99,
  "alternatives": [{"name": "Lang", "levers": {"capacity:pleegzorg": 190}}]}'
expect_code 202 "POST a long run"
long=$(json_field 'd["id"]')
sleep 0.5
req DELETE "/api/runs/$long"
expect_code 200 "DELETE a running run"
wait_run "$long" 20
[[ $STATUS == cancelled ]] || fail "the cancelled run ended $STATUS"
req DELETE "/api/runs/$id"
expect_code 409 "DELETE a finished run"
req GET /api/runs/0123456789abcdef0123456789abcdef
expect_code 404 "an unknown run"
req GET /
expect_code 200 "GET /"
expect_body '<html lang="nl">' "the page is Dutch by default"
echo "$TEST_NAME: passed"
