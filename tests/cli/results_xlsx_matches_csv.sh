# results.xlsx holds the same numbers as timeseries.csv and differences.csv, as real numbers
# with number formats (never text, never scientific notation), in sheets with frozen header
# rows, headers in the language of --lang (nl by default, en); a bad --lang is bad input (exit 2,
# nothing written); identical runs give identical bytes.
source "$(dirname "$0")/lib.sh"

"$PYTHON" -c 'import openpyxl' 2>/dev/null ||
    fail "python3-openpyxl is missing: run scripts/install-deps.sh"

regions=$SOURCE_DIR/tests/scenario/fixtures/valid/regions.yaml

expect_exit 0 run "$FIXTURES/compare-base.yaml" --replications 5 --seed 3 --out run1 --quiet
expect_files run1 results.xlsx timeseries.csv
expect_exit 0 run "$FIXTURES/compare-base.yaml" --replications 5 --seed 3 --out run2 --quiet
cmp -s run1/results.xlsx run2/results.xlsx ||
    fail "two identical runs wrote different results.xlsx bytes"
expect_exit 0 compare "$FIXTURES/compare-base.yaml" "$FIXTURES/compare-alt.yaml" \
    --replications 5 --seed 3 --out cmp --quiet
expect_files cmp results.xlsx timeseries.csv differences.csv
expect_exit 0 run "$regions" --replications 3 --seed 5 --out regions --quiet --lang en
expect_files regions results.xlsx

cat >check.py <<'EOF'
import csv, datetime, sys
import openpyxl

folder, language, kind = sys.argv[1], sys.argv[2], sys.argv[3]
names = {
    "nl": {"key": "Kerncijfers", "services": "Voorzieningen", "regions": "Regio's",
           "differences": "Verschillen", "about": "Over deze cijfers"},
    "en": {"key": "Key figures", "services": "Services", "regions": "Regions",
           "differences": "Differences", "about": "About"},
}[language]
book = openpyxl.load_workbook(f"{folder}/results.xlsx")
expected = ["key"] + (["differences"] if kind == "compare" else []) + ["services"] + \
    (["regions"] if kind == "regions" else []) + ["about"]
assert book.sheetnames == [names[k] for k in expected], book.sheetnames

# Units' formats: counts as whole numbers (one decimal for a difference), time averages and
# days with one decimal, shares in %, euros with the euro sign; none may be General or 0.00E+00.
allowed = {"#,##0", "#,##0.0", "0.0%", "0.00", '"€ "#,##0'}

def close(a, b):
    """a from the workbook, b as the CSV writes it (6 significant digits); both may be empty."""
    if b == "":
        return a is None
    return a is not None and abs(a - float(b)) <= 5e-6 * max(abs(a), abs(float(b))) + 1e-12

def period(cell):
    assert isinstance(cell.value, datetime.datetime), ("period is not a date", cell.value)
    assert cell.number_format in ("yyyy", "dd-mm-yyyy", "yyyy-mm-dd"), cell.number_format
    return cell.value.date().isoformat()

def numbers(row, columns):
    values = []
    for cell in (row[c] for c in columns):
        if cell.value is not None:
            assert cell.data_type == "n" and isinstance(cell.value, (int, float)), \
                ("not a number", cell.coordinate, cell.value)
            assert cell.number_format in allowed, (cell.coordinate, cell.number_format)
        values.append(cell.value)
    return values

header = lambda sheet, r=1: [c.value for c in sheet[r]]
series = list(csv.DictReader(open(f"{folder}/timeseries.csv")))
by_key = {(r["scenario"], r["period_start"], r["service"], r["metric"]): r for r in series}

# Key figures: two header rows (figure, then mean/from/to), frozen with scenario and period.
key = book[names["key"]]
assert key.freeze_panes == "C3", key.freeze_panes
words = {"nl": ("Gemiddeld", "van", "tot"), "en": ("Mean", "from", "to")}[language]
assert tuple(header(key, 2)[2:5]) == words, header(key, 2)
assert header(key, 1)[0] == "Scenario"
ids = ["in_care", "waiting", "out_of_home", "closed", "arrivals", "reentries", "replacements",
       "aged_out", "cost"]
rows = 0
for row in key.iter_rows(min_row=3):
    start = period(row[1])
    for i, metric in enumerate(ids):
        mean, lo, hi = numbers(row, [2 + 3 * i, 3 + 3 * i, 4 + 3 * i])
        ref = by_key[(row[0].value, start, "system", metric)]
        assert close(mean, ref["mean"]) and close(lo, ref["ci95_lo"]) and \
            close(hi, ref["ci95_hi"]), (metric, start, mean, lo, hi, ref)
    assert row[2 + 3 * ids.index("cost")].number_format == '"€ "#,##0'
    rows += 1
assert rows == len({(r["scenario"], r["period_start"]) for r in series}), rows

# Services and regions: one row per timeseries.csv row of a service (or region).
def long_sheet(sheet, code_col, metric_col, period_col, entity):
    assert sheet.freeze_panes == "A2", sheet.freeze_panes
    assert sheet.auto_filter.ref, "no filter buttons"
    n = 0
    for row in sheet.iter_rows(min_row=2):
        start = period(row[period_col])
        ref = by_key[(row[0].value, start, entity(row[code_col].value), row[metric_col].value)]
        values = numbers(row, range(period_col + 1, period_col + 9))
        for value, column in zip(values, ["mean", "ci95_lo", "ci95_hi", "p05", "p25", "p50",
                                          "p75", "p95"]):
            assert close(value, ref[column]), (column, value, ref)
        n += 1
    return n

services = book[names["services"]]
assert header(services)[0] == "Scenario" and header(services)[1] == \
    {"nl": "Code voorziening", "en": "Service id"}[language], header(services)
n = long_sheet(services, 1, 5, 7, lambda code: code)
assert n == sum(1 for r in series if r["service"] != "system" and
                not r["service"].startswith("region:")), n
if kind == "regions":
    n = long_sheet(book[names["regions"]], 1, 4, 6, lambda code: "region:" + code)
    assert n == sum(1 for r in series if r["service"].startswith("region:")), n

if kind == "compare":
    sheet = book[names["differences"]]
    assert sheet.freeze_panes == "A2", sheet.freeze_panes
    certain = {"nl": ("ja", "nee"), "en": ("yes", "no")}[language]
    diffs = list(csv.DictReader(open(f"{folder}/differences.csv")))
    by_diff = {(r["base"], r["alternative"], r["period_start"], r["service"], r["metric"]): r
               for r in diffs}
    n = 0
    for row in sheet.iter_rows(min_row=2):
        start = period(row[7])
        ref = by_diff[(row[0].value, row[1].value, start, row[3].value, row[5].value)]
        mean, lo, hi = numbers(row, [8, 9, 10])
        assert close(mean, ref["mean"]) and close(lo, ref["ci95_lo"]) and \
            close(hi, ref["ci95_hi"]), (row[3].value, row[5].value, start, mean, lo, hi, ref)
        if lo is not None:
            assert row[11].value == certain[0 if lo > 0 or hi < 0 else 1], row[11].value
        n += 1
    assert n == len(diffs), (n, len(diffs))

about = book[names["about"]]
text = " ".join(str(c.value) for row in about.iter_rows() for c in row if c.value is not None)
assert {"nl": "Herhalingen", "en": "Replications"}[language] in text
assert {"nl": "gemiddeld aantal jeugdigen op een wachtlijst",
        "en": "time-average number waiting"}[language] in text, "no catalogue definitions"
EOF
py "$(cat check.py)" run1 nl run
py "$(cat check.py)" cmp nl compare
py "$(cat check.py)" regions en regions

expect_exit 0 compare "$FIXTURES/compare-base.yaml" "$FIXTURES/compare-alt.yaml" \
    --replications 5 --seed 3 --out cmp-en --quiet --lang en
py "$(cat check.py)" cmp-en en compare
cmp -s cmp/timeseries.csv cmp-en/timeseries.csv || fail "--lang changed timeseries.csv"

# results.xlsx is zorgsim's own file: a later command replaces it with its own (a sweep's
# workbook is one table of the sweep).
expect_exit 0 sweep "$FIXTURES/compare-base.yaml" --set replications=2,3 --out run1 --quiet
py '
import zipfile
book = zipfile.ZipFile("run1/results.xlsx").read("xl/workbook.xml").decode()
assert "Doorrekening" in book and "Kerncijfers" not in book, "expected the sweep'"'"'s workbook in run1/"
'

# A language that is not nl or en: exit 2 with a clear message, nothing written.
for command in "run $FIXTURES/compare-base.yaml" \
    "compare $FIXTURES/compare-base.yaml $FIXTURES/compare-alt.yaml" \
    "sweep $FIXTURES/compare-base.yaml --set replications=2,3" \
    "size $FIXTURES/compare-base.yaml --service team --target wait_days.mean<=30"; do
    # shellcheck disable=SC2086
    expect_exit 2 $command --lang xx --replications 2 --out bad --quiet
    expect_stderr_matches "--lang.*expected nl \(Dutch\) or en \(English\), got 'xx'"
    expect_no_output bad
done
