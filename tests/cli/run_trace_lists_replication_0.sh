# `zorgsim run --trace FILE` writes replication 0's events to FILE as CSV
# (time_days,date,youth,event,where,age_years,profile,framework,region,reason,scenario); each youth's events are in time order, and the trace does
# not depend on --threads.
source "$(dirname "$0")/lib.sh"

expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 3 --threads 1 --trace trace-1.csv \
    --out out --quiet
[[ -s trace-1.csv ]] || fail "expected the trace file trace-1.csv"
expect_files out summary.json timeseries.csv
expect_no_staging "$WORK/out"

py '
import csv, re
with open("trace-1.csv", newline="") as f:
    header = f.readline().rstrip("\r\n")
    assert header == "time_days,date,youth,event,where,age_years,profile,framework,region,reason,scenario", "expected the trace header, got %r" % header
    f.seek(0)
    rows = list(csv.DictReader(f))
assert len(rows) > 100, "expected hundreds of events in two years of an M/M/3, got %d" % len(rows)
for row in rows:
    assert None not in row and len(row) == 11, "expected 11 columns in every row: %r" % row
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"]), "expected ISO dates: %r" % row
    float(row["time_days"])
first = rows[0]["youth"]
times = [float(r["time_days"]) for r in rows if r["youth"] == first]
assert len(times) >= 2, "expected the first youth to have several events, got %d" % len(times)
assert times == sorted(times), "expected the first youth events in time order, got %r" % times
events = [r["event"] for r in rows if r["youth"] == first]
assert len(set(events)) >= 2, "expected different kinds of events for the first youth, got %r" % events
all_times = [float(r["time_days"]) for r in rows]
assert all_times == sorted(all_times), "expected the whole trace in time order"
assert all(0 <= t <= 730 for t in all_times), "expected event times within the horizon"
places = {r["where"] for r in rows}
assert "team" in places, "expected events at the service team, got %r" % sorted(places)
'

# Replication 0 is the same whatever the thread count and the number of replications.
expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 5 --threads 3 --trace trace-3.csv \
    --out out --quiet
cmp -s trace-1.csv trace-3.csv ||
    fail "expected the same trace (replication 0) for --threads 1 and --threads 3"

# A trace in another folder than the output.
mkdir traces
expect_exit 0 run "$FIXTURES/mmc-short.yaml" --replications 1 --trace traces/t.csv --out out --quiet
cmp -s trace-1.csv traces/t.csv || fail "expected traces/t.csv equal to trace-1.csv"
