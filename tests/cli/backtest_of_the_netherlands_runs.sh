# The shipped backtest, as docs/backtest.md runs it, at two replications: its structure, not its
# verdict. Every observed value inside the horizon has its row, in the observed file's order;
# every series of the series file has a fan over the horizon; there are calibration and test
# values; the report has the section.
source "$(dirname "$0")/lib.sh"

# One replication in the sanitizer build, where the national landscape is ten times slower.
replications=2
[[ $SANITIZED == 1 ]] && replications=1
expect_exit 0 backtest "$SOURCE_DIR/scenarios/nederland-2020.yaml" \
    --observed "$SOURCE_DIR/data/observed/nederland.csv" --replications $replications --out out --quiet

"$PYTHON" - out "$SOURCE_DIR/data/observed" <<'PY' || fail "the national backtest's files are not complete"
import csv, json, sys
out, data = sys.argv[1], sys.argv[2]
observed = list(csv.DictReader(open(f"{data}/nederland.csv", newline="")))
series = [r["series"] for r in csv.DictReader(open(f"{data}/nederland-series.csv", newline=""))]
inside = [r for r in observed
          if (r["period_start"] or r["date"]) >= "2020-01-01" and r["date"] < "2026-01-01"]
rows = list(csv.DictReader(open(f"{out}/backtest.csv", newline="")))
assert [(r["series"], r["date"]) for r in rows] == [(r["series"], r["date"]) for r in inside]
for r in rows:
    assert r["mean"] != "" and r["inside_90"] in ("true", "false"), r
js = json.load(open(f"{out}/backtest.json"))
assert [s["id"] for s in js["series"]] == series
for s in js["series"]:
    assert s["fan"] and s["fan"][0]["period_start"] == "2020-01-01", s["id"]
    assert s["fan"][-1]["period_end"] == "2025-12-31", s["id"]
assert js["calibration"]["values"] > 0 and js["test"]["values"] > 0
assert js["calibration"]["values"] + js["test"]["values"] == len(rows)
assert len(js["not_compared"]) == len(observed) - len(rows)
# Every observed value carries its source.
assert all(r["source"].startswith("http") for r in observed)
PY
grep -q 'Voorspelling tegen de werkelijkheid' out/report.html || fail "the report has no backtest section"
